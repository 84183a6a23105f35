/** Time as the client sees it, injectable so tests can skip real waits. */
import { GitHubError } from './errors';

/** The clock the client reads and waits on. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with a `cancelled` GitHubError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now` and `setTimeout`. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelledError());
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The error every cancelled run or wait ends with. */
export function cancelledError(): GitHubError {
  return new GitHubError('cancelled', 'Cancelled: no further request was sent.');
}
