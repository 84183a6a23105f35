/** The retry rules of the client: which failures of a GET are retried, and how long to wait. */
import { cancelledError } from './clock';
import type { GitHubError } from './errors';

/** How the transport retries and waits. */
export interface RetryPolicy {
  /** Pauses before each retry of a GET after a 5xx or network error; its length is the retry count. */
  readonly retryDelaysMs: readonly number[];
  /** Longest rate-limit wait the client accepts; a longer one fails with `rate_limited`. */
  readonly maxRateLimitWaitMs: number;
  /** How many rate-limit waits one request may make. */
  readonly maxRateLimitWaits: number;
  /** Least time between two writes (GitHub asks for at least one second). */
  readonly writeSpacingMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryDelaysMs: [1000, 3000, 9000],
  maxRateLimitWaitMs: 120_000,
  maxRateLimitWaits: 2,
  writeSpacingMs: 1000,
};

/** Retries made so far for one request, and the time now. */
export interface RetryState {
  readonly retries: number;
  readonly rateWaits: number;
  readonly now: number;
}

/**
 * Pause before retrying a GET, or undefined when the error must not be retried. Only a 5xx or a network
 * failure is retried with backoff; a rate limit waits as GitHub said, within the cap; anything else
 * (401, 403, 404, 400, 422, malformed bodies) would fail the same way again.
 */
export function retryDelay(policy: RetryPolicy, error: GitHubError, state: RetryState): number | undefined {
  if (error.code === 'network' || error.code === 'server_error') return policy.retryDelaysMs[state.retries];
  if (error.code === 'rate_limited' && error.resetAt !== undefined) {
    const ms = error.resetAt - state.now;
    if (state.rateWaits >= policy.maxRateLimitWaits || ms > policy.maxRateLimitWaitMs) return undefined;
    return ms;
  }
  return undefined;
}

/** Resolves with `promise`, or rejects with `cancelled` as soon as `signal` aborts. */
export function untilAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise.then(() => undefined);
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      reject(cancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
