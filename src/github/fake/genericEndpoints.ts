/**
 * Every method the `packages` handlers do not serve, answered from generated rows (`sample/resourceRows`)
 * by what the catalogue says of it: a list (paginated by `Link` when the method is, wrapped in
 * `{ total_count, [rowsKey]: rows }` when GitHub wraps it), one row, or nothing (204). Any path value is
 * a row of the sample, except a value that must be an integer and is not (the router answers 404).
 */
import { findResource } from '../../resources/registry';
import type { FieldDef, MethodDef, ResourceDef } from '../../resources/types';
import { typed } from '../sample/resourceRows';
import type { Row } from '../types';
import type { EndpointContext, EndpointResult } from './context';
import { error, paginate } from './context';
import type { Route } from './routes';

/** Path params whose column has another name in GitHub's rows (`/repos/{owner}/{repo}` → `name`). */
const COLUMN_OF: Readonly<Record<string, string>> = { repo: 'name', username: 'login', org: 'login' };

/** Where a `redirect` method's file is served (`createFakeGitHub` answers it with a few bytes). */
export const DOWNLOAD_PATH = '/__download';

/** Answers a matched request; a DELETE removes the row its path names. */
export function answerGeneric(route: Route, ctx: EndpointContext): EndpointResult {
  const { method, params } = route;
  if (/^\/user(?:\/|$)/.test(method.http.path) && !ctx.authenticated && !ctx.sampleMode) {
    return error(401, 'Requires authentication');
  }
  // A write touches the rows of the SELECT that reads its path (its lookup), else its own resource's.
  const resource = (method.lookup && findResource(method.lookup.resource)) ?? route.resource;
  const key = keyOf(resource, method, params);
  const found = key ? ctx.rows.find(resource, key.field, key.value) : ctx.rows.rows(resource)[0];
  if (method.http.method === 'DELETE' && key && !ctx.rows.remove(resource, key.field, key.value)) {
    return error(404, 'Not Found');
  }
  if (method.response === 'empty') return { status: 204 };
  if (method.response === 'redirect') {
    // GitHub redirects to the file (logs, an archive) on another host; here, to the fake's own.
    return { status: 302, headers: { location: `${ctx.url.origin}${DOWNLOAD_PATH}${ctx.url.pathname}` } };
  }
  const status = method.http.method === 'POST' ? 201 : 200;
  if (method.response === 'item') {
    return found ? { status, body: reflect(resource, found, params) } : error(404, 'Not Found');
  }
  const rows = filtered(resource, ctx.rows.rows(resource), ctx.url).map((r) => reflect(resource, r, params));
  const page =
    method.paginated && method.http.method === 'GET' ? paginate(rows, ctx.url) : { status, body: rows };
  return method.rowsKey === undefined
    ? page
    : { ...page, body: { total_count: rows.length, [method.rowsKey]: page.body } };
}

/**
 * The column and value that name the row a request is about, from the path's last param (`…/runs/
 * {run_id}`, `…/runs/{run_id}/cancel`): the column of that name, else of its last word (`run_id` →
 * `id`, `issue_number` → `number`, `team_slug` → `slug`), else the column GitHub names it by
 * (`COLUMN_OF`). None when the resource has no such column: the request reads its first row.
 */
function keyOf(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, string>>,
): { readonly field: FieldDef; readonly value: string } | undefined {
  const param = /\{(\w+)\}[^{]*$/.exec(method.http.path)?.[1];
  const value = param === undefined ? undefined : params[param];
  if (param === undefined || value === undefined) return undefined;
  const names = [param, param.slice(param.lastIndexOf('_') + 1), COLUMN_OF[param]];
  const field = resource.fields.find((f) => names.includes(f.name) && isScalar(f));
  return field && { field, value };
}

/** Whether a path value can stand in the column: a row's `owner` object stays the example's. */
function isScalar(field: FieldDef): boolean {
  return field.type === 'string' || field.type === 'integer' || field.type === 'number';
}

/** A row with the request's path values in the scalar columns of the same name (`org`, `repo`). */
function reflect(resource: ResourceDef, row: Row, params: Readonly<Record<string, string>>): Row {
  const fields = resource.fields.filter((f) => params[f.name] !== undefined && isScalar(f));
  if (fields.length === 0) return row;
  return { ...row, ...Object.fromEntries(fields.map((f) => [f.name, typed(f, params[f.name] ?? '')])) };
}

/** Rows whose enum columns match the query's value for them (`state=open`); other filters are ignored. */
function filtered(resource: ResourceDef, rows: readonly Row[], url: URL): readonly Row[] {
  const q = url.searchParams;
  const filters = resource.fields.filter((f) => f.enum?.includes(q.get(f.name) ?? ''));
  return filters.length === 0 ? rows : rows.filter((r) => filters.every((f) => r[f.name] === q.get(f.name)));
}
