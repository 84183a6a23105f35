/** The GitHub data layer's public API: the client, its errors and types, sample mode, curl export. */
export { createGitHubClient, DEFAULT_API_URL, normalizeBaseUrl } from './client';
export type { GitHubClient, GitHubClientOptions } from './client';
export { GitHubError, isGitHubError, redact } from './errors';
export type { GitHubErrorCode, GitHubErrorDetails } from './errors';
export type { RateLimit } from './headers';
export type {
  Package,
  PackageVersion,
  PageEvent,
  Progress,
  RequestLogEntry,
  Row,
  RunOptions,
  RunResult,
  WaitEvent,
} from './types';
export { toCurl } from './curl';
export {
  createSampleApi,
  createSampleClient,
  SAMPLE_BASE_URL,
  SAMPLE_ORG,
  SAMPLE_USER,
} from './sample/sampleBackend';
export { createSampleDataset, SAMPLE_PACKAGES } from './sample/dataset';
export type { Clock } from './clock';
export type { RetryPolicy } from './transport';
export { CACHE_TTL_MS } from './cache';
