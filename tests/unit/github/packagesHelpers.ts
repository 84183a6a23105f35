/** Set-up of the `packages` service tests: calls by method name, a sample client, row helpers. */
import type { ApiCall, ParamValue } from '../../../src/resources/calls';
import { allResources } from '../../../src/resources/registry';
import type { GitHubClient } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { createSampleApi, createSampleClient } from '../../../src/github/sample/sampleBackend';
import type { FakeGitHub } from '../../../src/github/fake/types';
import type { Row } from '../../../src/github/types';

/** The call of a catalogue method, found by its StackQL name in whichever resource has it. */
export function call(method: string, params: Readonly<Record<string, ParamValue>> = {}): ApiCall {
  const resource = allResources().find((r) => r.methods.some((m) => m.name === method));
  if (!resource) throw new Error(`No resource has a method ${method}`);
  return { resource: resource.id, method, params };
}

/** A sample-mode client (no token, `octocat` behind `/user`) and its in-page API. */
export function sample(): { readonly api: FakeGitHub; readonly client: GitHubClient } {
  const api = createSampleApi();
  return { api, client: createSampleClient({ retry: { writeSpacingMs: 0 } }, api) };
}

/** The rows of a call, after a fresh fetch (writes clear the cache; reads here never rely on it). */
export async function rows(client: GitHubClient, c: ApiCall): Promise<readonly Row[]> {
  client.clearCache();
  const result = await client.run(c);
  if (result.status !== 'complete') throw result.error;
  return result.rows;
}

/** The GitHubError a call fails with (fails the test when it succeeds). */
export async function failure(client: GitHubClient, c: ApiCall): Promise<GitHubError> {
  client.clearCache();
  const error: unknown = await client.run(c).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GitHubError)) throw new Error(`expected a GitHubError, got ${String(error)}`);
  return error;
}

/** The `name` column of rows. */
export function names(list: readonly Row[]): unknown[] {
  return list.map((r) => r.name);
}
