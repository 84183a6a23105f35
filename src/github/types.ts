/** Public types of the GitHub client: rows, progress, waits, the request log and results. */
import type { GitHubError } from './errors';
import type { RateLimit } from './headers';

/**
 * One row of `github.packages.org_versions`: GitHub's `package-version` schema. The fields come from the
 * committed OpenAPI extract; `tests/unit/github/schema.test.ts` checks served rows against it.
 */
export interface PackageVersion {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly package_html_url: string;
  readonly html_url?: string;
  readonly license?: string;
  readonly description?: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly deleted_at?: string;
  readonly metadata?: {
    readonly package_type: string;
    readonly container?: { readonly tags: readonly string[] };
  };
}

/** A row as the client hands it on: GitHub's JSON object, unvalidated beyond "is an object". */
export type Row = Readonly<Record<string, unknown>>;

/** How far a run has got, sent with each page. */
export interface Progress {
  /** Pages received so far (from the network or the cache). */
  readonly pages: number;
  /** Rows received so far. */
  readonly rows: number;
  /** Number of the last page, from `Link: rel="last"`, when GitHub gave it. */
  readonly lastPage?: number;
  /** The rate-limit budget from the latest response, when GitHub sent it. */
  readonly rateLimit?: RateLimit;
}

/** One page of rows, handed on as soon as it arrives. */
export interface PageEvent {
  /** 1-based position of the page in this run. */
  readonly page: number;
  readonly rows: readonly Row[];
  /** Whether these rows came from the cache (fresh, or revalidated with a 304). */
  readonly fromCache: boolean;
  readonly progress: Progress;
}

/** A pause the client makes before sending a request, for the UI's countdown. */
export interface WaitEvent {
  /** Why: GitHub's rate limit, a retry after a 5xx/network error, or the 1 s spacing of writes. */
  readonly reason: 'rate-limit' | 'retry' | 'write-spacing';
  /** Length of the pause in milliseconds. */
  readonly ms: number;
  /** Epoch milliseconds when the request will be sent. */
  readonly until: number;
  /** Which attempt comes after the pause (2 = first retry). */
  readonly attempt: number;
}

/** One entry of the request log: an HTTP call, or a page served from the cache with no call. */
export interface RequestLogEntry {
  readonly method: 'GET' | 'DELETE' | 'POST';
  /** Full URL, never with the token (the token only travels in the Authorization header). */
  readonly url: string;
  /** HTTP status; absent when no response arrived (network failure, cancel). */
  readonly status?: number;
  /** Round-trip time in milliseconds (0 for cache hits). */
  readonly ms: number;
  /** Served from the cache without any request. */
  readonly fromCache: boolean;
  /** Sent with If-None-Match and answered 304: the cached page was reused. */
  readonly revalidated: boolean;
  /** 1 for the first try, 2+ for retries. */
  readonly attempt: number;
  /** Error code when the call failed. */
  readonly error?: string;
}

/** Options of one run. */
export interface RunOptions {
  /** Cancels the run: aborts the request in flight and any wait, fetches no further page. */
  readonly signal?: AbortSignal;
  /** Stop once this many rows have arrived (LIMIT push-down); only whole pages are fetched. */
  readonly maxRows?: number;
  /** Revalidate cached pages with If-None-Match instead of serving them fresh. */
  readonly refresh?: boolean;
  /** Called with each page as it arrives. */
  readonly onPage?: (page: PageEvent) => void;
  /** Called before each pause, so the UI can show a countdown. */
  readonly onWait?: (wait: WaitEvent) => void;
}

/** Why a run ended: all pages, the maxRows limit, or a failure after some rows arrived. */
export type RunResult =
  | {
      readonly status: 'complete';
      readonly rows: readonly Row[];
      readonly progress: Progress;
      /** True when `maxRows` stopped the run before the last page. */
      readonly truncated: boolean;
    }
  | {
      readonly status: 'partial';
      readonly rows: readonly Row[];
      readonly progress: Progress;
      /** Why the remaining pages did not arrive. */
      readonly error: GitHubError;
    };
