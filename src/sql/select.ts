import { findResource, allResourcesAndAliases } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { NO_PICKS, picked, viaMembers, type Picks } from './aliases';
import { callKey, type ApiCall } from '../resources/calls';
import { checkSelect, type CheckedSelect } from './check';
import type { AstNode } from './ast';
import type { LocalTable } from './checkJoin';
import { planJoin } from './joinPlan';
import { nearest } from './nearest';
import { knownColumns } from './columns';
import { fail, ok, sqlError, type Result } from './errors';
import { buildCalls, paramNames, pickMethod } from './params';
import { blank, readDottedName, type Statement } from './statement';
import { isKeyword } from './tokenize';
import type { DeletePlan, SelectPlan } from './types';
import { unquoteIntegers, whereParams } from './where';

/** A resource named in a statement (after FROM or JOIN), and where. */
export interface NamedResource {
  readonly resource: ResourceDef;
  readonly span: { start: number; end: number };
}

/** The reader's statement with each resource name swapped for its local table, same length. */
interface LocalText {
  readonly text: string;
  /** The resources named, in order of appearance, each once. */
  readonly resources: readonly NamedResource[];
}

/**
 * Rewrites the StackQL-only parts of a statement into text alasql can parse, without moving any
 * character: `FROM github.packages.org_versions` (or `JOIN …`) becomes `FROM org_versions` padded with
 * spaces (an alias's name becomes its picked member's, or the alias as one resource before a pick), a
 * double-quoted known column (`"created_at"`, an identifier in SQLite) becomes `[created_at]`, and
 * digits quoted for an integer param become the number (`unquoteIntegers`). Other double-quoted text
 * stays a string, which is also what SQLite falls back to.
 */
export function localText(st: Statement, picks: Picks = NO_PICKS): Result<LocalText> {
  const { tokens, source } = st;
  let text = st.blanked;
  const resources: NamedResource[] = [];
  let unknown: { start: number; end: number } | undefined;
  tokens.forEach((t, i) => {
    if (unknown || !(isKeyword(t, 'FROM') || isKeyword(t, 'JOIN'))) return;
    const name = readDottedName(tokens, i + 1);
    if (!name || tokens[name.next]?.text === '(') return; // a function in FROM: the checker refuses it
    const found = picked(findResource(name.parts.join('.')), picks);
    if (!found) {
      if (name.parts.length >= 3) unknown = name.span; // shorter names: the checker reports unknown tables
      return;
    }
    if (!resources.some((r) => r.resource === found)) resources.push({ resource: found, span: name.span });
    text = blank(text, name.span);
    text = text.slice(0, name.span.start) + found.name + text.slice(name.span.start + found.name.length);
  });
  if (unknown) {
    const id = source.slice(unknown.start, unknown.end);
    const hint = nearest(
      id,
      allResourcesAndAliases().map((r) => r.id),
    );
    return fail(
      sqlError(
        'unknown-resource',
        `Unknown resource ${id}.${hint ? ` Did you mean ${hint}?` : ''} SHOW SERVICES IN github and SHOW RESOURCES IN github.<service> list what there is.`,
        source,
        unknown,
      ),
    );
  }
  const columns = new Set(resources.flatMap((r) => [...knownColumns(r.resource)]));
  for (const t of tokens) {
    if (t.kind === 'quoted' && t.text.startsWith('"') && columns.has(t.value.toLowerCase())) {
      text = text.slice(0, t.start) + `[${t.value}]` + text.slice(t.end);
    }
  }
  text = unquoteIntegers(text, tokens, resources);
  return ok({ text, resources });
}

/** The local tables of the named resources, for the checker. */
export function localTables(resources: readonly NamedResource[]): LocalTable[] {
  return resources.map((r) => ({ table: r.resource.name, columns: knownColumns(r.resource) }));
}

/** The table a query with no FROM (`SELECT 1 + 1`) runs over: an empty one. */
const NO_TABLE = 'no_table';

/** Plans a SELECT: checks it, reads the params from WHERE, picks the method, and the calls. */
export function planSelect(st: Statement): Result<SelectPlan> {
  return viaMembers(st, planSelectOn);
}

function planSelectOn(st: Statement, picks: Picks): Result<SelectPlan> {
  const local = localText(st, picks);
  if (!local.ok) return local;
  const { text, resources } = local.value;
  const checked = checkSelect(text, localTables(resources));
  if (!checked.ok) return checked;
  const c = checked.value;
  if (c.blocks.length > 1) return planBlocks(st, text, c, resources);
  const first = resources.find((r) => r.resource.name === c.sources[0]?.table);
  if (!first) {
    if (c.hasTable)
      return fail(
        sqlError('unknown-resource', 'Write the full name of a resource: FROM github.<service>.<resource>.'),
      );
    return ok({ kind: 'select', calls: [], query: text, table: NO_TABLE, streamable: false });
  }
  if (c.join) return planJoin(st, text, c, resources);
  const { resource } = first;
  const read = readCalls(st, text, first, c.alias, c.where);
  if (!read.ok) return read;
  const { method, calls, localTerms } = read.value;
  const pushDown = c.limit !== undefined && !c.reshapes && localTerms === 0;
  return ok({
    kind: 'select',
    resource: resource.id,
    method: method.name,
    calls,
    query: text,
    table: resource.name,
    // Rows of one call can show page by page, unless more pages would change what the first shows.
    streamable: calls.length === 1 && !c.reshapes,
    ...(pushDown ? { maxRows: (c.limit ?? 0) + (c.offset ?? 0) } : {}),
  });
}

/**
 * The calls one SELECT makes to a resource it reads (as `alias`): the params its WHERE gives that
 * resource pick the method, and each combination of IN-list values is a call. `localTerms` counts the
 * WHERE terms left to filter locally.
 */
function readCalls(
  st: Statement,
  text: string,
  named: NamedResource,
  alias: string | undefined,
  where: AstNode | undefined,
): Result<{ method: ResourceDef['methods'][number]; calls: readonly ApiCall[]; localTerms: number }> {
  const { resource, span } = named;
  const tables = new Set([resource.name, ...(alias ? [alias] : [])]);
  const params = whereParams(where, paramNames(resource, 'SELECT'), tables, text);
  const method = pickMethod(resource, 'SELECT', new Set(params.terms.map((t) => t.name)), st.source, span);
  if (!method.ok) return method;
  const calls = buildCalls(resource, method.value, params.terms, st.source);
  if (!calls.ok) return calls;
  return ok({ method: method.value, calls: calls.value, localTerms: params.localTerms });
}

/**
 * Plans a query of more than one SELECT (UNION, sub-queries, WITH): each SELECT that reads a resource
 * gives that resource's calls from its own WHERE, as a query of one SELECT would; a resource read by
 * several SELECTs is fetched once with all their calls, and each SELECT's WHERE keeps only its own rows
 * (every row carries the params of the call that fetched it). The first resource of the outermost
 * SELECT is the plan's table; the others are `tables`.
 */
function planBlocks(
  st: Statement,
  text: string,
  c: CheckedSelect,
  resources: readonly NamedResource[],
): Result<SelectPlan> {
  const fetched = new Map<
    string,
    { resource: ResourceDef; method: string; calls: ApiCall[]; keys: Set<string> }
  >();
  for (const block of c.blocks) {
    const read = block.sources.flatMap((src) => {
      const named = resources.find((r) => r.resource.name === src.table);
      return named ? [{ src, named }] : [];
    });
    // A JOIN of two resources feeds one from the other (planJoin); with a CTE or a sub-query on one
    // side, the resource side is fetched from its own WHERE, as any other SELECT's.
    if (block.join && read.length > 1) {
      return fail(
        sqlError(
          'not-allowed',
          'A JOIN of two resources cannot be combined with sub-queries, UNION or WITH yet: run the JOIN as a query of its own, or JOIN a CTE.',
          st.source,
          read[0]?.named.span,
        ),
      );
    }
    for (const { src, named } of read) {
      const { resource } = named;
      const own = readCalls(st, text, named, src.alias, block.where);
      if (!own.ok) return own;
      const { method, calls } = own.value;
      let entry = fetched.get(resource.name);
      if (!entry) {
        entry = { resource, method: method.name, calls: [], keys: new Set() };
        fetched.set(resource.name, entry);
      }
      for (const call of calls) {
        const key = callKey('', call);
        if (!entry.keys.has(key)) entry.calls.push(call);
        entry.keys.add(key);
      }
    }
  }
  const [first, ...others] = [...fetched.values()];
  const total = [...fetched.values()].reduce((n, f) => n + f.calls.length, 0);
  if (total > MAX_QUERY_CALLS) {
    return fail(
      sqlError(
        'not-allowed',
        `This query would make ${String(total)} API calls (at most ${String(MAX_QUERY_CALLS)}): give its SELECTs fewer IN values, or fewer SELECTs.`,
        st.source,
        resources[0]?.span,
      ),
    );
  }
  return ok({
    kind: 'select',
    ...(first ? { resource: first.resource.id, method: first.method } : {}),
    calls: first?.calls ?? [],
    query: text,
    table: first?.resource.name ?? NO_TABLE,
    streamable: false,
    blocks: c.blocks.length,
    ...(others.length > 0
      ? {
          tables: others.map((o) => ({
            resource: o.resource.id,
            method: o.method,
            table: o.resource.name,
            calls: o.calls,
          })),
        }
      : {}),
  });
}

/** The most API calls one query of several SELECTs may make, over all its resources. */
const MAX_QUERY_CALLS = 50;

/**
 * Plans a DELETE: its WHERE may only give the method's params, joined with AND, because the
 * statement names exactly the versions to delete and nothing is filtered locally first.
 */
export function planDelete(st: Statement): Result<DeletePlan> {
  return viaMembers(st, planDeleteOn);
}

function planDeleteOn(st: Statement, picks: Picks): Result<DeletePlan> {
  if (!isKeyword(st.tokens[1], 'FROM')) {
    return fail(
      sqlError('syntax', 'Write DELETE FROM github.<service>.<resource> WHERE …', st.source, st.tokens[0]),
    );
  }
  const local = localText(st, picks);
  if (!local.ok) return local;
  const { text } = local.value;
  const [named, other] = local.value.resources;
  const resource = named?.resource;
  const nameSpan = named?.span;
  if (other) {
    return fail(sqlError('not-allowed', 'DELETE takes one resource, without JOIN.', st.source, other.span));
  }
  if (!resource) {
    return fail(
      sqlError(
        'unknown-resource',
        'Write DELETE FROM github.<service>.<resource> WHERE …',
        st.source,
        st.tokens[1],
      ),
    );
  }
  // Parse the WHERE as a SELECT's, so the same allow-list and param reading apply.
  const asSelect = deleteAsSelect(text, st);
  const checked = checkSelect(asSelect, localTables(local.value.resources));
  if (!checked.ok) return checked;
  if (checked.value.join) {
    return fail(sqlError('not-allowed', 'DELETE takes one resource, without JOIN.', st.source, nameSpan));
  }
  const tables = new Set([resource.name]);
  const where = whereParams(checked.value.where, paramNames(resource, 'DELETE'), tables, text);
  if (where.localTerms > 0 || checked.value.limit !== undefined || checked.value.reshapes) {
    return fail(
      sqlError(
        'not-allowed',
        `DELETE takes only the method params in WHERE, joined with AND (${[...paramNames(resource, 'DELETE')].join(', ')}): it deletes exactly what it names.`,
        st.source,
        nameSpan,
      ),
    );
  }
  const method = pickMethod(resource, 'DELETE', new Set(where.terms.map((t) => t.name)), st.source, nameSpan);
  if (!method.ok) return method;
  const calls = buildCalls(resource, method.value, where.terms, st.source);
  if (!calls.ok) return calls;
  return ok({ kind: 'delete', resource: resource.id, method: method.value.name, calls: calls.value });
}

/**
 * `DELETE FROM x WHERE …` as `SELECT*FROM x WHERE …`, same length where the gap after DELETE has a
 * space to spare, so error positions in the WHERE stay the reader's.
 */
function deleteAsSelect(text: string, st: Statement): string {
  const del = st.tokens[0];
  const from = st.tokens[1];
  if (!del || !from) return text;
  const gap = text.slice(del.end, from.start);
  const space = gap.search(/[^\n]/);
  const head = text.slice(0, del.start) + 'SELECT';
  if (space === -1) return `${head} *${text.slice(del.end)}`;
  return `${head}${gap.slice(0, space)}*${gap.slice(space + 1)}${text.slice(from.start)}`;
}
