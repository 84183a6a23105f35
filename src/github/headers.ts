/** Reading GitHub's response headers: `Link` for pagination, `x-ratelimit-*` and `retry-after`. */

/** Response headers with lower-case names, as Octokit hands them over. */
export type HeaderMap = Readonly<Record<string, string | undefined>>;

/** The rate-limit budget GitHub reported with the last response. */
export interface RateLimit {
  readonly limit: number;
  readonly remaining: number;
  readonly used?: number;
  /** When the budget resets, epoch milliseconds. */
  readonly resetAt: number;
}

/** The `rel` targets of a `Link` header: absolute URLs by relation name. */
export type LinkRels = Readonly<Partial<Record<string, string>>>;

/** Parses `<url>; rel="next", <url>; rel="last"`. Unknown or malformed parts are skipped. */
export function parseLink(header: string | undefined): LinkRels {
  const rels: Record<string, string> = {};
  if (!header) return rels;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      for (const rel of match[2].split(/\s+/)) rels[rel] = match[1];
    }
  }
  return rels;
}

/** The `page` query param of a URL, when it is a positive integer (for "page 3 of 12"). */
export function pageNumberOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const page = Number(new URL(url).searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : undefined;
  } catch {
    return undefined;
  }
}

/** The rate-limit budget from `x-ratelimit-*`, or undefined when the headers are absent. */
export function parseRateLimit(headers: HeaderMap): RateLimit | undefined {
  const limit = toInt(headers['x-ratelimit-limit']);
  const remaining = toInt(headers['x-ratelimit-remaining']);
  const reset = toInt(headers['x-ratelimit-reset']);
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, used: toInt(headers['x-ratelimit-used']), resetAt: reset * 1000 };
}

/** How long GitHub asks to wait before trying again. */
export interface RateLimitWait {
  /** Epoch milliseconds when the request may be sent again. */
  readonly until: number;
  readonly source: 'retry-after' | 'x-ratelimit-reset';
}

/**
 * Whether a response is a rate-limit refusal, and until when to wait. GitHub signals the primary limit
 * with 403/429 and `x-ratelimit-remaining: 0` + `x-ratelimit-reset`, and secondary limits with
 * `retry-after`; a plain 403 (no such headers) is a permission error and must not be waited on.
 */
export function parseRateLimitWait(
  status: number,
  headers: HeaderMap,
  now: number,
): RateLimitWait | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = toInt(headers['retry-after']);
  if (retryAfter !== undefined) return { until: now + retryAfter * 1000, source: 'retry-after' };
  const reset = toInt(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && reset !== undefined) {
    // A reset in the past (clock skew) still means "try again now", never a negative wait.
    return { until: Math.max(now, reset * 1000), source: 'x-ratelimit-reset' };
  }
  return undefined;
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}
