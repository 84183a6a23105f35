/**
 * One HTTP call to GitHub through Octokit, with this project's retry rules around it.
 *
 * Octokit's request layer (`@octokit/request`, what `@octokit/core` and `@octokit/rest` send with)
 * builds the request: base URL, headers, JSON parsing, RequestErrors, the `request.fetch` hook that
 * sample mode and tests plug into, and the AbortSignal. The client builds its own URLs from the
 * catalogue, so `@octokit/rest` (its definition of every endpoint, core's plugins and GraphQL) would be
 * weight the page never runs; the `Authorization` header is set here as `@octokit/auth-token` sets it.
 * Retries and rate limits are handled here (rules in `retryPolicy.ts`) rather than by
 * `@octokit/plugin-retry` and `plugin-throttling`: both wait inside Bottleneck queues that an
 * AbortSignal cannot cut short and that report no countdown, while the playground must show every
 * wait, cap it, and let the reader cancel it.
 */
import { request as octokitRequest } from '@octokit/request';
import type { RequestBody } from '../resources/calls';
import type { HttpMethod } from '../resources/types';
import type { ApiScope } from './apiScope';
import { apiScopeOf, isApiUrl } from './apiScope';
import type { Clock } from './clock';
import { cancelledError } from './clock';
import { GitHubError } from './errors';
import type { FailedCall } from './errorMapping';
import { mapHttpFailure } from './errorMapping';
import type { HeaderMap } from './headers';
import type { RetryPolicy } from './retryPolicy';
import { retryDelay, untilAborted } from './retryPolicy';
import type { RequestLogEntry, WaitEvent } from './types';

export type { RetryPolicy } from './retryPolicy';
export { DEFAULT_RETRY_POLICY } from './retryPolicy';

/** A response the caller can use: 2xx, or 304 to a conditional GET. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: HeaderMap;
  readonly data: unknown;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly token?: string;
  readonly fetch?: typeof fetch;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

/** One request as the client asks for it. */
export interface SendOptions {
  readonly method: HttpMethod;
  readonly url: string;
  readonly call: FailedCall;
  /** ETag of the cached copy, sent as If-None-Match. */
  readonly etag?: string;
  /** The JSON request body (a write's body params), sent as `application/json`. */
  readonly body?: RequestBody;
  /** `manual` for a download: its redirect goes to a file on another host, which is not fetched. */
  readonly redirect?: 'manual';
  readonly signal?: AbortSignal;
  readonly onWait?: (wait: WaitEvent) => void;
}

/** Sends one logical request (with its retries) at a time per client: GitHub asks for serial requests. */
export type Send = (options: SendOptions) => Promise<TransportResponse>;

const silent = (): void => undefined;
/** Octokit logs deprecation notices of responses to `console` unless given a log. */
const SILENT_LOG = { debug: silent, info: silent, warn: silent, error: silent };

/**
 * The `Authorization` header for a token, as `@octokit/auth-token` writes it: `bearer` for a JWT (three
 * dot-separated parts, a GitHub App's), `token` for anything else; a pasted `token `/`bearer ` prefix
 * is not doubled.
 */
export function authorization(token: string): string {
  const bare = token.replace(/^(token|bearer) +/i, '');
  return `${bare.split('.').length === 3 ? 'bearer' : 'token'} ${bare}`;
}

/** Builds the `send` function of a client. */
export function createTransport(options: TransportOptions): Send {
  const { clock, policy, token } = options;
  const scope = apiScopeOf(options.baseUrl);
  const octokit = octokitRequest.defaults({
    baseUrl: options.baseUrl,
    ...(token === undefined || token === '' ? {} : { headers: { authorization: authorization(token) } }),
    request: { log: SILENT_LOG },
  });
  const fetchExactly = exactFetch(scope, options.baseUrl, options.fetch);
  let queue: Promise<unknown> = Promise.resolve();
  let lastWriteAt = -Infinity;

  const once = async (send: SendOptions, attempt: number): Promise<TransportResponse> => {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
    if (send.etag) headers['if-none-match'] = send.etag;
    const body = send.body === undefined ? undefined : JSON.stringify(send.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Checked here and again by the fetch Octokit calls, which sees the URL as Octokit rewrote it. A URL
    // holding the token (a server echoing it into a Link) would put it in the request log and history.
    if (!isApiUrl(send.url, scope) || (token !== undefined && send.url.includes(token))) {
      throw refusedUrl(send.url, options.baseUrl).redacted(token);
    }
    const started = clock.now();
    const log = (status: number | undefined, extra: Partial<RequestLogEntry> = {}): void => {
      options.onRequest?.({
        method: send.method,
        url: send.url,
        status,
        ms: clock.now() - started,
        fromCache: false,
        revalidated: status === 304,
        attempt,
        ...(body === undefined ? {} : { body }),
        ...extra,
      });
    };
    try {
      const res = await octokit({
        method: send.method,
        url: send.url,
        headers,
        // The body as its JSON text: Octokit sends a string as it is.
        ...(body === undefined ? {} : { data: body }),
        request: {
          signal: send.signal,
          fetch: fetchExactly(send.url),
          ...(send.redirect ? { redirect: send.redirect } : {}),
        },
      });
      log(res.status);
      return { status: res.status, headers: toHeaderMap(res.headers), data: res.data };
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) throw refused.redacted(token);
      if (send.signal?.aborted) {
        log(undefined, { error: 'cancelled' });
        throw cancelledError();
      }
      const response = responseOf(error);
      if (response?.status === 304) {
        log(304);
        return response;
      }
      const mapped = response
        ? mapHttpFailure(
            {
              ...response,
              url: send.url,
              body: response.data,
              now: clock.now(),
              authenticated: token !== undefined,
            },
            send.call,
          )
        : new GitHubError(
            'network',
            `Could not reach the API host ${new URL(send.url).origin}: the network is down, the host is wrong, or it does not allow requests from this page (CORS). This is not an error from GitHub.`,
            { url: send.url },
          );
      log(response?.status, { error: mapped.code });
      throw mapped.redacted(token);
    }
  };

  const withRetries = async (send: SendOptions): Promise<TransportResponse> => {
    const isGet = send.method === 'GET';
    let retries = 0;
    let rateWaits = 0;
    for (let attempt = 1; ; attempt++) {
      if (!isGet) await spaceWrites(send, attempt);
      try {
        const res = await once(send, attempt);
        if (!isGet) lastWriteAt = clock.now();
        return res;
      } catch (error) {
        if (!isGet) lastWriteAt = clock.now();
        if (!(error instanceof GitHubError) || !isGet) throw error;
        const delay = retryDelay(policy, error, { retries, rateWaits, now: clock.now() });
        if (delay === undefined) throw error;
        if (error.code === 'rate_limited') rateWaits++;
        else retries++;
        const ms = Math.max(0, delay);
        send.onWait?.({
          reason: error.code === 'rate_limited' ? 'rate-limit' : 'retry',
          ms,
          until: clock.now() + ms,
          attempt: attempt + 1,
        });
        await clock.sleep(ms, send.signal);
      }
    }
  };

  const spaceWrites = async (send: SendOptions, attempt: number): Promise<void> => {
    const ms = lastWriteAt + policy.writeSpacingMs - clock.now();
    if (ms <= 0) return;
    send.onWait?.({ reason: 'write-spacing', ms, until: clock.now() + ms, attempt });
    await clock.sleep(ms, send.signal);
  };

  return (send) => {
    const turn = queue;
    const run = untilAborted(turn, send.signal).then(() => withRetries(send));
    // The next request waits for this one and for the one before it: a request cancelled while still
    // queued leaves at once, but must not let the one after it overtake a request still in flight.
    queue = Promise.allSettled([turn, run]);
    return run;
  };
}

/**
 * Octokit's `fetch` for one request: passes on exactly `expected`, and only inside the API scope.
 * Octokit expands `{name}` and `:name` in a URL as a template and prefixes URLs not starting with
 * lower-case `http` with the base URL; either would send the token to a URL nobody checked.
 */
function exactFetch(
  scope: ApiScope,
  baseUrl: string,
  custom: typeof fetch | undefined,
): (expected: string) => typeof fetch {
  return (expected) => (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== expected || !isApiUrl(url, scope)) return Promise.reject(refusedUrl(expected, baseUrl));
    return custom ? custom(input, init) : fetch(input, init);
  };
}

function refusedUrl(url: string, baseUrl: string): GitHubError {
  return new GitHubError(
    'unsafe_link',
    `Not sent: ${url} is not exactly a URL under the API base URL ${baseUrl} (it has a "." or ".." path segment, a user name, your token, or text that would be rewritten on the way); the token is only sent to URLs under the base URL as they are shown.`,
    { url },
  );
}

/** Our own refusal, when `exactFetch` refused and Octokit wrapped that in a RequestError. */
function refusalOf(error: unknown): GitHubError | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof GitHubError && cause.code === 'unsafe_link' ? cause : undefined;
}

/** The response an Octokit RequestError carries, when one arrived (none for network failures). */
function responseOf(error: unknown): TransportResponse | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = (
    error as {
      response?: { status: unknown; headers: Record<string, string | number | undefined>; data: unknown };
    }
  ).response;
  if (!response || typeof response.status !== 'number') return undefined;
  return { status: response.status, headers: toHeaderMap(response.headers), data: response.data };
}

function toHeaderMap(headers: Readonly<Record<string, string | number | undefined>>): HeaderMap {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v === undefined ? v : String(v)]),
  );
}
