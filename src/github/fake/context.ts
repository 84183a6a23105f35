/** What every endpoint of the fake gets and gives: the context of a request and the answer. */
import type { FakeDataset } from '../sample/model';
import type { SampleRows } from '../sample/resourceRows';

/** What an endpoint answers, before the fake adds headers, ETags and faults. */
export interface EndpointResult {
  readonly status: number;
  /** JSON body; undefined for 204. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Context an endpoint needs besides the route. */
export interface EndpointContext {
  readonly dataset: FakeDataset;
  /** The generated rows of every other resource, made on first request. */
  readonly rows: SampleRows;
  readonly url: URL;
  readonly hostile: boolean;
  readonly sampleMode: boolean;
  readonly now: number;
  /** Whether the request carried credentials (`/user/...` needs them, except in sample mode). */
  readonly authenticated: boolean;
}

const DOCS = 'https://docs.github.com/rest/packages/packages';

/** GitHub's JSON error body as an endpoint result. */
export function error(status: number, message: string): EndpointResult {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } };
}

/** GitHub's `Link` header: absolute URLs on the server's own origin, rels as GitHub orders them. */
export function linkHeader(url: URL, page: number, last: number): string {
  const at = (n: number): string => {
    const u = new URL(url.href);
    u.searchParams.set('page', String(n));
    return u.href;
  };
  const rels: [number, string][] = [];
  if (page > 1) rels.push([page - 1, 'prev']);
  if (page < last) rels.push([page + 1, 'next'], [last, 'last']);
  if (page > 1) rels.push([1, 'first']);
  return rels.map(([n, rel]) => `<${at(n)}>; rel="${rel}"`).join(', ');
}

/** `page` and `per_page` of a request as GitHub reads them: default 1 and 30, `per_page` at most 100. */
export function pageParams(url: URL): { readonly page: number; readonly perPage: number } {
  const q = url.searchParams;
  return {
    perPage: Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30)),
    page: Math.max(1, Math.trunc(Number(q.get('page') ?? 1)) || 1),
  };
}

/** One page of a list as GitHub serves it, with a `Link` header when there is more than one page. */
export function paginate(rows: readonly unknown[], url: URL): EndpointResult {
  const { page, perPage } = pageParams(url);
  const last = Math.max(1, Math.ceil(rows.length / perPage));
  const body = rows.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body, headers: rows.length > perPage ? { link: linkHeader(url, page, last) } : {} };
}
