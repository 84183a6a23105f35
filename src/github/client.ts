/**
 * The GitHub client of the playground: runs one planned `ApiCall` against the REST API (or the sample
 * data, or the fake server: the same code for all three, only `baseUrl`/`fetch` differ).
 */
import type { ApiCall } from '../resources/calls';
import { buildPath, buildRequest, callKey, queryParams, queryString } from '../resources/calls';
import { findMethod, findResource } from '../resources/registry';
import { CACHE_TTL_MS, createCallCache } from './cache';
import type { Clock } from './clock';
import { realClock } from './clock';
import type { FailedCall } from './errorMapping';
import { GitHubError } from './errors';
import { readPage, runPages } from './paginate';
import type { RetryPolicy } from './retryPolicy';
import { createTransport, DEFAULT_RETRY_POLICY } from './transport';
import type { RequestLogEntry, RunOptions, RunResult } from './types';

/** GitHub.com's REST API. GitHub Enterprise Server is `https://HOST/api/v3`. */
export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  /** API base URL; `DEFAULT_API_URL` when absent. Must be https (http only on loopback), with no credentials. */
  readonly baseUrl?: string;
  /** Classic personal access token. Sent only in the Authorization header to `baseUrl`'s origin. */
  readonly token?: string;
  /** A fetch to use instead of the global one (sample mode, tests). */
  readonly fetch?: typeof fetch;
  /** Called once per HTTP call, and once per page served from the cache. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** How long a fetched page is reused with no request (default 60 s). */
  readonly cacheTtlMs?: number;
  /** Retry and wait rules; tests shorten them. */
  readonly retry?: Partial<RetryPolicy>;
  /** Time source; tests pass one that does not really wait. */
  readonly clock?: Clock;
}

/** A client bound to one API base URL and token. */
export interface GitHubClient {
  /** The normalized API base URL (no trailing slash). */
  readonly baseUrl: string;
  /**
   * Runs a call. Lists stream page by page through `options.onPage`. Resolves `complete`, or `partial`
   * when a page after the first failed or the run was cancelled; rejects with a GitHubError when no row
   * arrived (or a write failed).
   */
  run(call: ApiCall, options?: RunOptions): Promise<RunResult>;
  /** Forgets all cached pages. */
  clearCache(): void;
}

/** Creates a client. Throws `invalid_base_url` for a base URL the token must not be sent to. */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_API_URL);
  const token = checkToken(options.token);
  const clock = options.clock ?? realClock;
  const cache = createCallCache({ ttlMs: options.cacheTtlMs ?? CACHE_TTL_MS, now: () => clock.now() });
  const send = createTransport({
    baseUrl,
    token,
    fetch: options.fetch,
    clock,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    onRequest: options.onRequest,
  });
  const ctx = {
    send,
    cache,
    now: () => clock.now(),
    baseUrl,
    onRequest: options.onRequest,
  };

  const runCall = async (call: ApiCall, runOptions: RunOptions): Promise<RunResult> => {
    const target = resolve(call);
    const { method } = target;
    if (runOptions.maxRows === 0) {
      // LIMIT 0 needs no rows, so no request.
      return { status: 'complete', rows: [], progress: { pages: 0, rows: 0 }, truncated: true };
    }
    if (method.http.method === 'GET') {
      const explicitPage = call.params.page !== undefined;
      return runPages(
        ctx,
        {
          key: callKey(baseUrl, call),
          call: target,
          firstUrl: firstPageUrl(baseUrl, target),
          shape: method.response,
          rowsKey: method.rowsKey,
          follow: method.paginated && !explicitPage,
        },
        runOptions,
      );
    }
    // Writes: never retried, spaced by the transport; any write can change what lists return.
    const request = buildRequest(target.resource, method, call.params, baseUrl);
    try {
      const res = await send({
        method: request.method,
        url: request.url,
        ...(request.body ? { body: request.body } : {}),
        call: target,
        signal: runOptions.signal,
        onWait: runOptions.onWait,
      });
      const page = readPage(request.url, res, method.response, method.rowsKey);
      return {
        status: 'complete',
        rows: page.rows,
        progress: { pages: 0, rows: page.rows.length },
        truncated: false,
        ...(page.note === undefined ? {} : { note: page.note }),
      };
    } finally {
      cache.clear();
    }
  };

  // Every error leaves through `redacted`: page-loop errors carry URLs a hostile server wrote.
  const run = async (call: ApiCall, runOptions: RunOptions = {}): Promise<RunResult> => {
    try {
      const result = await runCall(call, runOptions);
      return result.status === 'partial' ? { ...result, error: result.error.redacted(token) } : result;
    } catch (error) {
      throw error instanceof GitHubError ? error.redacted(token) : error;
    }
  };

  return {
    baseUrl,
    run,
    clearCache: () => {
      cache.clear();
    },
  };
}

/** A pasted token loses surrounding spaces; one with spaces, line breaks or non-ASCII inside is refused before any request. */
function checkToken(token: string | undefined): string | undefined {
  const trimmed = token?.trim();
  if (!trimmed) return undefined;
  if (/[^!-~]/.test(trimmed)) {
    // Never echo the value: it is (part of) a secret.
    throw new GitHubError(
      'bad_credentials',
      'The token contains spaces or line breaks: paste the token alone.',
    );
  }
  return trimmed;
}

/**
 * The URL of a GET's first page: path and query from the call, plus `per_page` at the API's maximum
 * (100) where the method is paginated and takes `per_page` and the call does not set it, so a list takes
 * the fewest requests. A method that takes no `per_page` gets none: GitHub would ignore it or refuse it.
 */
function firstPageUrl(baseUrl: string, { resource, method, params }: FailedCall): string {
  const query = queryParams(resource, method, params);
  const takesPerPage =
    method.optionalParams.includes('per_page') || method.requiredParams.includes('per_page');
  if (method.paginated && takesPerPage && !('per_page' in query))
    query.per_page = resource.params.per_page?.maximum ?? 100;
  return `${baseUrl}${buildPath(method, params)}${queryString(query)}`;
}

function resolve(call: ApiCall): FailedCall {
  const resource = findResource(call.resource);
  const method = resource && findMethod(resource, call.method);
  if (!resource || !method) {
    throw new GitHubError(
      'invalid_call',
      `Unknown method ${call.resource}.${call.method}; see SHOW METHODS.`,
    );
  }
  const missing = method.requiredParams.filter((p) => call.params[p] === undefined);
  if (missing.length > 0) {
    throw new GitHubError(
      'invalid_call',
      `${method.name} needs ${missing.join(', ')}; see SHOW METHODS IN ${resource.id}.`,
    );
  }
  return { resource, method, params: call.params };
}

/**
 * Checks and normalizes an API base URL. The token goes to this origin, so it must be https (http only
 * for loopback test servers) and carry no credentials, query or fragment that could end up in logs.
 */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GitHubError(
      'invalid_base_url',
      `The API base URL is not a URL. Use ${DEFAULT_API_URL} or https://HOST/api/v3.`,
    );
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new GitHubError('invalid_base_url', `The API base URL must use https:// (got ${url.protocol}).`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new GitHubError(
      'invalid_base_url',
      'The API base URL must not contain a user name, password, query or fragment.',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
