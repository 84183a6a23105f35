/** Options, fault injection and request records of the fake GitHub API. */
import type { FakeDataset } from '../sample/model';
import type { FakeDatasetInput } from '../sample/normalize';

/** What an injected fault makes the fake answer instead of the real response. */
export type FaultAction =
  /** A bare error status with GitHub's JSON error body (500, 502, a plain 403, …). */
  | { readonly type: 'status'; readonly status: number; readonly message?: string }
  /** A rate-limit refusal: 403 with `x-ratelimit-remaining: 0` + reset, or 429 with `retry-after`. */
  | {
      readonly type: 'rate-limit';
      readonly status?: 403 | 429;
      readonly resetInSeconds?: number;
      readonly retryAfterSeconds?: number;
    }
  /** 200 with a body cut off halfway through the JSON. */
  | { readonly type: 'malformed-json' }
  /**
   * The real page, with `Link: rel="next"` pointing at another origin; or, with `link`, that exact
   * `Link` header value (malformed, relative or look-alike targets).
   */
  | { readonly type: 'foreign-link'; readonly origin?: string; readonly link?: string }
  /** 200 with `[]` that still links to the next page. */
  | { readonly type: 'empty-page' }
  /** 403 asking for SAML SSO authorization, with `X-GitHub-SSO`. */
  | { readonly type: 'sso'; readonly url?: string }
  /** 500 whose error message echoes the Authorization header (a hostile or buggy server). */
  | { readonly type: 'echo-auth' }
  /** No HTTP response at all: the fetch rejects (sample mode) or the socket is destroyed (server). */
  | { readonly type: 'network' };

/** When a fault fires. All given conditions must hold. */
export interface FaultRule {
  readonly action: FaultAction;
  /** The n-th API request (1-based; preflights and control calls do not count). */
  readonly nth?: number;
  /** Requests for this page of a list (`page` query param, 1 when absent). */
  readonly page?: number;
  /**
   * Only requests for this path. Without it a rule never matches the token check (`/rate_limit`),
   * which is not counted by `nth` either: tests that count data requests are unaffected by it.
   */
  readonly path?: string;
  /** Only requests with this HTTP method. */
  readonly method?: 'GET' | 'DELETE' | 'POST';
  /** How many times the rule fires; default once with `nth`, every time otherwise. */
  readonly times?: number;
}

/** The path of GitHub's rate-limit endpoint, which the playground calls to check a token. */
export const RATE_LIMIT_PATH = '/rate_limit';

/** Options of a fake API; all may be changed at runtime with `configure`. */
export interface FakeGitHubOptions {
  /**
   * The `packages` service's data; the sample data (`acme`, `octocat`) when absent. Copied, so runs
   * never change the original. The one-organization shape `{ org, packages }` is accepted too
   * (`normalize.ts`). Every other resource is served from rows generated from the catalogue.
   */
  readonly dataset?: FakeDatasetInput;
  /** When set, requests must carry `Authorization: token|Bearer <token>`, else 401. */
  readonly token?: string;
  /** Scopes the token has, sent as `X-OAuth-Scopes`; a method needing another scope answers 403. */
  readonly scopes?: readonly string[];
  /** Milliseconds to wait before answering each API request. */
  readonly delayMs?: number;
  /** Faults to inject. */
  readonly faults?: readonly FaultRule[];
  /** Add the hostile rows of `hostile.ts` to every package. */
  readonly hostile?: boolean;
  /** Rate-limit budget the fake starts with (GitHub: 5,000 an hour). */
  readonly rateLimit?: number;
  /** Sample mode: a 404 lists the packages the sample has, and `/user/...` needs no token. */
  readonly sampleMode?: boolean;
  /** Time source (epoch ms), for `x-ratelimit-reset`. */
  readonly now?: () => number;
}

/** One request the fake received, for tests to assert on. */
export interface RecordedRequest {
  readonly method: string;
  /** Full URL as received. */
  readonly url: string;
  /** The Authorization header as received (tests check the token travels only there). */
  readonly authorization?: string;
  readonly ifNoneMatch?: string;
  /** Status answered; 0 when the fault dropped the connection. */
  status: number;
  /** Epoch ms when it arrived. */
  readonly at: number;
}

/** A fake GitHub API: a fetch-shaped handler plus its controls. */
export interface FakeGitHub {
  /** Answers one request as GitHub would (pure fetch semantics). */
  readonly handle: (request: Request) => Promise<Response>;
  /** `handle` shaped as `fetch`, for the client's `fetch` option. */
  readonly fetch: typeof fetch;
  /** Every API request received, in order (preflights excluded). */
  readonly requests: RecordedRequest[];
  /** The live dataset (delete and restore change it). */
  readonly dataset: FakeDataset;
  /**
   * Serves a fresh copy of `dataset`, or of the one the fake started with, and regenerates the other
   * resources' rows: undoes deletes and restores between tests that share one fake.
   */
  resetDataset(dataset?: FakeDatasetInput): void;
  /** Changes options at runtime (faults, delay, token, scopes, hostile rows). */
  configure(options: Partial<Omit<FakeGitHubOptions, 'dataset'>>): void;
  /** Replaces the injected faults and restarts their counters. */
  setFaults(faults: readonly FaultRule[]): void;
  /** Forgets the recorded requests and restarts request numbering. */
  resetRequests(): void;
}
