/** Public types of the GitHub client: rows, progress, waits, the request log and results. */
import type { HttpMethod } from '../resources/types';
import type { GitHubError } from './errors';
import type { RateLimit } from './headers';

/**
 * One row of the version resources (`org_versions`, `user_versions`, `auth_user_versions`): GitHub's
 * `package-version` schema. The fields come from the committed OpenAPI extract; `tests/unit/github/schema.test.ts` checks served rows against it.
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

/** GitHub's `simple-user`: the owner of a package or a repository (an organization or a user). */
export interface SimpleUser {
  readonly login: string;
  readonly id: number;
  readonly node_id: string;
  readonly avatar_url: string;
  readonly gravatar_id: string | null;
  readonly url: string;
  readonly html_url: string;
  readonly followers_url: string;
  readonly following_url: string;
  readonly gists_url: string;
  readonly starred_url: string;
  readonly subscriptions_url: string;
  readonly organizations_url: string;
  readonly repos_url: string;
  readonly events_url: string;
  readonly received_events_url: string;
  /** `Organization` or `User`. */
  readonly type: string;
  readonly site_admin: boolean;
}

/**
 * GitHub's `minimal-repository`, with its required properties (the repository a package is linked to).
 * URL templates (`{/sha}`) are GitHub's hypermedia links, kept as GitHub sends them.
 */
export interface MinimalRepository {
  readonly id: number;
  readonly node_id: string;
  readonly name: string;
  readonly full_name: string;
  readonly owner: SimpleUser;
  readonly private: boolean;
  readonly html_url: string;
  readonly description: string | null;
  readonly fork: boolean;
  readonly url: string;
  /** The other `*_url` links GitHub requires (`archive_url`, `issues_url`, …). */
  readonly [link: `${string}_url`]: string;
}

/**
 * One row of the package resources (`org_packages`, `user_packages`, `auth_user_packages`,
 * `docker_migration_packages`): GitHub's `package` schema. `version_count` counts active versions.
 */
export interface Package {
  readonly id: number;
  readonly name: string;
  readonly package_type: string;
  readonly owner: SimpleUser | null;
  readonly version_count: number;
  /** `public` or `private` (the schema's enum; `internal` packages are listed as `private`). */
  readonly visibility: string;
  readonly url: string;
  readonly html_url: string;
  readonly repository: MinimalRepository | null;
  readonly created_at: string;
  readonly updated_at: string;
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
  readonly method: HttpMethod;
  /** Full URL, never with the token (the token only travels in the Authorization header). */
  readonly url: string;
  /** The JSON request body as sent, for writes with body params. */
  readonly body?: string;
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
      /**
       * Why there are no rows when the answer was not rows: no content (204 or an empty body), or a
       * redirect to a file to download. For the reader, beside the (empty) result.
       */
      readonly note?: string;
    }
  | {
      readonly status: 'partial';
      readonly rows: readonly Row[];
      readonly progress: Progress;
      /** Why the remaining pages did not arrive. */
      readonly error: GitHubError;
    };
