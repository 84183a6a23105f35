/**
 * Pages of earlier runs, by `callKey` (API URL, method, params). Each page keeps its own ETag: GitHub
 * tags every page separately, so a refresh revalidates page by page and a 304 (which costs no rate
 * limit) reuses exactly the page it vouches for.
 */
import type { Row } from './types';

/** One page as it was received. */
/**
 * How long fetched rows count as fresh: the client serves a cached page without revalidating, and the
 * playground reuses rows the engine holds, with no request at all. One lifetime for both.
 */
export const CACHE_TTL_MS = 60_000;

export interface CachedPage {
  /** The URL it was fetched from; a page is only reused for the same URL. */
  readonly url: string;
  readonly rows: readonly Row[];
  readonly etag?: string;
  /** `Link: rel="next"`, absent on the last page. */
  readonly next?: string;
  readonly lastPage?: number;
  /** Epoch milliseconds when it was received or last revalidated. */
  readonly storedAt: number;
  /** Why the page has no rows, when GitHub answered with no content or a redirect (see `readPage`). */
  readonly note?: string;
}

/** The cache of one client. Kept in memory only: rows never go to storage. */
export interface CallCache {
  /** The stored pages of a call, in order (possibly only the first few). */
  get(key: string): readonly CachedPage[] | undefined;
  /** Whether a page is young enough to serve with no request. */
  isFresh(page: CachedPage): boolean;
  /** Stores the pages of a run, keeping older pages beyond them when they still follow on. */
  put(key: string, pages: readonly CachedPage[]): void;
  /** Forgets everything (after a write: a DELETE or restore changes what lists return). */
  clear(): void;
}

export interface CallCacheOptions {
  /** How long a page is served with no request. */
  readonly ttlMs: number;
  readonly now: () => number;
  /** Most calls kept; the oldest is dropped first. */
  readonly maxEntries?: number;
}

/** Creates an in-memory cache of pages by call key. */
export function createCallCache({ ttlMs, now, maxEntries = 50 }: CallCacheOptions): CallCache {
  const entries = new Map<string, readonly CachedPage[]>();
  return {
    get: (key) => entries.get(key),
    isFresh: (page) => now() - page.storedAt < ttlMs,
    put(key, pages) {
      if (pages.length === 0) return;
      const old = entries.get(key) ?? [];
      const last = pages[pages.length - 1];
      const following = old[pages.length];
      // A LIMIT run fetches only the first pages; keep later cached pages when the chain still
      // leads to them, so a later run can reuse (or revalidate) them instead of refetching.
      const merged =
        following && last?.next === following.url ? [...pages, ...old.slice(pages.length)] : pages;
      entries.delete(key);
      entries.set(key, merged);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear: () => {
      entries.clear();
    },
  };
}
