/**
 * Sample mode: the playground with no token. The real client runs against the fake API handler in the
 * page (no network), so pagination, headers, caching and errors behave exactly as with GitHub.
 */
import type { GitHubClient, GitHubClientOptions } from '../client';
import { createGitHubClient } from '../client';
import { createFakeGitHub } from '../fake/createFakeGitHub';
import type { FakeGitHub } from '../fake/types';
import { createSampleDataset, SAMPLE_DATASET_SPEC } from './dataset';

/**
 * Base URL of sample mode. `.invalid` can never resolve (RFC 2606), so the request log and "copy as
 * curl" plainly show sample requests, and nothing could reach a real host even if the handler were bypassed.
 */
export const SAMPLE_BASE_URL = 'https://sample-api.invalid';

/** The sample organization's name, for the playground's example queries. */
export const SAMPLE_ORG = 'acme';

/** The sample user, who is also the authenticated user of sample mode (`/user/...` answers for them). */
export const SAMPLE_USER = SAMPLE_DATASET_SPEC.authenticatedUser;

/** The in-page sample API: a fake over the sample dataset. Deletes and restores change only its memory. */
export function createSampleApi(): FakeGitHub {
  return createFakeGitHub({ dataset: createSampleDataset(), sampleMode: true });
}

/** A client wired to a sample API (a fresh one unless given), for readers without a token. */
export function createSampleClient(
  options: Omit<GitHubClientOptions, 'baseUrl' | 'token' | 'fetch'> = {},
  api: FakeGitHub = createSampleApi(),
): GitHubClient {
  return createGitHubClient({ ...options, baseUrl: SAMPLE_BASE_URL, fetch: api.fetch });
}
