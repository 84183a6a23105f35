/**
 * The page loop of a GET: serial pages, each handed on as it arrives, served from the cache when fresh,
 * revalidated with its ETag when not, stopped by maxRows, a cancel, a failure, or a suspicious `Link`.
 */
import type { CachedPage, CallCache } from './cache';
import { cancelledError } from './clock';
import type { FailedCall } from './errorMapping';
import { GitHubError, isGitHubError } from './errors';
import type { RateLimit } from './headers';
import { pageNumberOf, parseLink, parseRateLimit } from './headers';
import type { NextLinkCheck } from './nextLink';
import { checkNextLink } from './nextLink';
import type { Send, TransportResponse } from './transport';
import type { ResponseShape } from '../resources/types';
import type { Progress, RequestLogEntry, Row, RunOptions, RunResult } from './types';

export interface PageLoopContext {
  readonly send: Send;
  readonly cache: CallCache;
  readonly now: () => number;
  /** The normalized API base URL: `Link` targets must stay under it, as the token must. */
  readonly baseUrl: string;
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface PageLoopInput {
  readonly key: string;
  readonly call: FailedCall;
  readonly firstUrl: string;
  /** The method's response: an array of rows (or rows under `rowsKey`), one row, nothing, a redirect. */
  readonly shape: ResponseShape;
  /** The property of a `list` response object that holds its rows (`workflow_runs`). */
  readonly rowsKey?: string;
  /** Follow `Link: rel="next"` (false when the call asked for one `page`). */
  readonly follow: boolean;
}

/** Runs the loop. Throws when nothing arrived; resolves `partial` when a later page failed. */
export async function runPages(
  ctx: PageLoopContext,
  input: PageLoopInput,
  options: RunOptions,
): Promise<RunResult> {
  const { signal, maxRows, refresh = false } = options;
  const cached = ctx.cache.get(input.key) ?? [];
  const received: CachedPage[] = [];
  const rows: Row[] = [];
  const visited = new Set<string>();
  let rateLimit: RateLimit | undefined;
  let lastPage: number | undefined;
  let url: string = input.firstUrl;
  const progress = (): Progress => ({ pages: received.length, rows: rows.length, lastPage, rateLimit });
  const stop = (error: GitHubError): RunResult => {
    ctx.cache.put(input.key, received);
    if (received.length === 0) throw error;
    return { status: 'partial', rows, progress: progress(), error };
  };

  for (;;) {
    visited.add(url);
    const index = received.length;
    const old = cached[index]?.url === url ? cached[index] : undefined;
    let page: CachedPage;
    let fromCache = true;
    try {
      if (signal?.aborted) throw cancelledError();
      if (old && !refresh && ctx.cache.isFresh(old)) {
        ctx.onRequest?.({
          method: 'GET',
          url,
          status: 200,
          ms: 0,
          fromCache: true,
          revalidated: false,
          attempt: 1,
        });
        page = old;
      } else {
        const res = await ctx.send({
          method: 'GET',
          url,
          call: input.call,
          etag: old?.etag,
          // A download's redirect is not followed: its target is a file, on another host.
          ...(input.shape === 'redirect' ? { redirect: 'manual' as const } : {}),
          signal,
          onWait: options.onWait,
        });
        rateLimit = parseRateLimit(res.headers) ?? rateLimit;
        if (res.status === 304 && old) {
          page = { ...old, storedAt: ctx.now() };
        } else {
          page = toPage(url, res, input, ctx.now());
          fromCache = false;
        }
      }
    } catch (error) {
      if (isGitHubError(error)) return stop(error);
      throw error;
    }
    received.push(page);
    rows.push(...page.rows);
    lastPage = page.lastPage ?? (page.next === undefined ? (pageNumberOf(url) ?? received.length) : lastPage);
    options.onPage?.({ page: received.length, rows: page.rows, fromCache, progress: progress() });

    if (!input.follow || page.next === undefined) {
      ctx.cache.put(input.key, received);
      const note = received.find((p) => p.note !== undefined)?.note;
      return {
        status: 'complete',
        rows,
        progress: progress(),
        truncated: false,
        ...(note === undefined ? {} : { note }),
      };
    }
    if (maxRows !== undefined && rows.length >= maxRows) {
      ctx.cache.put(input.key, received);
      return { status: 'complete', rows, progress: progress(), truncated: true };
    }
    const next = checkNext(page, ctx.baseUrl, visited);
    if (!next.ok) return stop(next.error);
    // The checked, normalized URL: never the header's own text, which `fetch` could read differently.
    url = next.href;
  }
}

/** The URL to follow `page.next` to, or why the loop must not follow it. */
function checkNext(page: CachedPage, baseUrl: string, visited: ReadonlySet<string>): NextLinkCheck {
  const checked = checkNextLink(page.next ?? '', baseUrl);
  if (!checked.ok) return checked;
  if (page.rows.length === 0 || visited.has(checked.href)) {
    // GitHub never sends an empty page that links on, nor a link back; following either could loop forever.
    return {
      ok: false,
      error: new GitHubError(
        'pagination_stalled',
        `Stopped: the API returned ${page.rows.length === 0 ? 'an empty page that still links to a next page' : 'a next-page link to a page already fetched'}. Rows after it were not fetched; run again to retry.`,
        { url: checked.href },
      ),
    };
  }
  return checked;
}

/** Turns a 2xx response into a cached page, refusing bodies that are not what the method returns. */
function toPage(url: string, res: TransportResponse, input: PageLoopInput, now: number): CachedPage {
  const { rows, note } = readPage(url, res, input.shape, input.rowsKey);
  const links = parseLink(res.headers.link);
  return {
    url,
    rows,
    etag: res.headers.etag,
    next: links.next,
    lastPage: pageNumberOf(links.last),
    storedAt: now,
    ...(note === undefined ? {} : { note }),
  };
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rows of a successful response, as the catalogue says the method answers: an array of rows, the
 * array under `rowsKey` of a wrapping object (`{ total_count, workflow_runs: [...] }`), or one object as
 * one row. No content (204, or an empty body) and a download's redirect are no rows, with a note that
 * says why. Throws `malformed_response` for a body of another shape.
 */
export function readPage(
  url: string,
  res: TransportResponse,
  shape: ResponseShape,
  rowsKey?: string,
): { rows: readonly Row[]; note?: string } {
  const data = res.data;
  if (shape === 'redirect' || (res.status >= 300 && res.status < 400) || res.status === 0) {
    const location = safeLocation(res.headers.location);
    return {
      rows: [],
      note: `GitHub answered with a redirect to a file to download (logs or an archive): the playground shows no files${location ? `; the file is at ${location}` : ''}.`,
    };
  }
  if (res.status === 204 || res.status === 205 || data === '' || data === undefined || data === null) {
    return { rows: [], note: `GitHub answered ${String(res.status)} with no content: there are no rows.` };
  }
  // The catalogue's shape decides; a body that is plainly rows of the other shape is still read.
  const listed = rowsKey !== undefined && isRow(data) ? data[rowsKey] : data;
  const array = Array.isArray(listed) && listed.every(isRow) ? listed : undefined;
  const rows =
    shape === 'list' ? array : isRow(data) ? [data] : (array ?? (shape === 'empty' ? [] : undefined));
  if (!rows) {
    const what =
      shape !== 'list'
        ? 'a JSON object'
        : rowsKey === undefined
          ? 'a JSON array of rows'
          : `a JSON object with its rows in an array under "${rowsKey}"`;
    throw new GitHubError(
      'malformed_response',
      `The API answered ${url} with a body that is not ${what} (malformed or truncated JSON?).`,
      { status: res.status, url },
    );
  }
  return { rows };
}

/** A redirect's target, shown only when it is a plain https URL (a hostile server could send anything). */
function safeLocation(value: string | undefined): string | undefined {
  if (value === undefined || /[^!-~]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
