import { findResource } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { checkSelect } from './check';
import { knownColumns } from './columns';
import { fail, ok, sqlError, type Result } from './errors';
import { buildCalls, paramNames, pickMethod } from './params';
import { blank, readDottedName, type Statement } from './statement';
import { isKeyword } from './tokenize';
import type { DeletePlan, SelectPlan } from './types';
import { whereParams } from './where';

/** The reader's statement with the resource name swapped for the local table, same length. */
interface LocalText {
  readonly text: string;
  readonly resource?: ResourceDef;
  readonly nameSpan?: { start: number; end: number };
}

/**
 * Rewrites the StackQL-only parts of a statement into text alasql can parse, without moving any
 * character: `FROM github.packages.org_versions` becomes `FROM org_versions` padded with spaces, and a
 * double-quoted known column (`"created_at"`, an identifier in SQLite) becomes `[created_at]`. Other
 * double-quoted text stays a string, which is also what SQLite falls back to.
 */
export function localText(st: Statement): Result<LocalText> {
  const { tokens, source } = st;
  let text = st.blanked;
  let resource: ResourceDef | undefined;
  let nameSpan: { start: number; end: number } | undefined;
  tokens.forEach((t, i) => {
    if (!isKeyword(t, 'FROM')) return;
    const name = readDottedName(tokens, i + 1);
    if (!name || tokens[name.next]?.text === '(') return; // a function in FROM: the checker refuses it
    const id = name.parts.join('.').toLowerCase();
    const found = findResource(id);
    if (!found && name.parts.length < 3) return; // the checker reports unknown tables
    if (!found || (resource && found !== resource)) {
      resource = undefined;
      nameSpan = name.span;
      return;
    }
    resource = found;
    nameSpan = name.span;
    text = blank(text, name.span);
    text = text.slice(0, name.span.start) + found.name + text.slice(name.span.start + found.name.length);
  });
  if (nameSpan && !resource) {
    const id = source.slice(nameSpan.start, nameSpan.end);
    return fail(
      sqlError(
        'unknown-resource',
        `Unknown resource ${id}. This playground knows github.packages.org_versions.`,
        source,
        nameSpan,
      ),
    );
  }
  const columns = resource ? knownColumns(resource) : new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'quoted' && t.text.startsWith('"') && columns.has(t.value.toLowerCase())) {
      text = text.slice(0, t.start) + `[${t.value}]` + text.slice(t.end);
    }
  }
  return ok({ text, ...(resource ? { resource } : {}), ...(nameSpan ? { nameSpan } : {}) });
}

/** Plans a SELECT: checks it, reads the params from WHERE, picks the method, and the calls. */
export function planSelect(st: Statement): Result<SelectPlan> {
  const local = localText(st);
  if (!local.ok) return local;
  const { text, resource, nameSpan } = local.value;
  const table = resource?.name ?? 'org_versions';
  const checked = checkSelect(text, table, resource ? knownColumns(resource) : undefined);
  if (!checked.ok) return checked;
  const c = checked.value;
  if (!resource) {
    if (c.hasTable)
      return fail(sqlError('unknown-resource', `Write the full name: FROM github.packages.org_versions.`));
    return ok({ kind: 'select', calls: [], query: text, table });
  }
  const tables = new Set([table, ...(c.alias ? [c.alias] : [])]);
  const where = whereParams(c.where, paramNames(resource, 'SELECT'), tables, text);
  const method = pickMethod(resource, 'SELECT', new Set(where.terms.map((t) => t.name)), st.source, nameSpan);
  if (!method.ok) return method;
  const calls = buildCalls(resource, method.value, where.terms, st.source);
  if (!calls.ok) return calls;
  const pushDown = c.limit !== undefined && !c.reshapes && where.localTerms === 0;
  return ok({
    kind: 'select',
    resource: resource.id,
    method: method.value.name,
    calls: calls.value,
    query: text,
    table,
    ...(pushDown ? { maxRows: (c.limit ?? 0) + (c.offset ?? 0) } : {}),
  });
}

/**
 * Plans a DELETE: its WHERE may only give the method's params, joined with AND, because the
 * statement names exactly the versions to delete and nothing is filtered locally first.
 */
export function planDelete(st: Statement): Result<DeletePlan> {
  if (!isKeyword(st.tokens[1], 'FROM')) {
    return fail(
      sqlError('syntax', 'Write DELETE FROM github.packages.org_versions WHERE …', st.source, st.tokens[0]),
    );
  }
  const local = localText(st);
  if (!local.ok) return local;
  const { text, resource, nameSpan } = local.value;
  if (!resource)
    return fail(
      sqlError(
        'unknown-resource',
        'Write DELETE FROM github.packages.org_versions WHERE …',
        st.source,
        st.tokens[1],
      ),
    );
  // Parse the WHERE as a SELECT's, so the same allow-list and param reading apply.
  const asSelect = deleteAsSelect(text, st);
  const checked = checkSelect(asSelect, resource.name, knownColumns(resource));
  if (!checked.ok) return checked;
  const tables = new Set([resource.name]);
  const where = whereParams(checked.value.where, paramNames(resource, 'DELETE'), tables, text);
  if (where.localTerms > 0 || checked.value.limit !== undefined || checked.value.reshapes) {
    return fail(
      sqlError(
        'not-allowed',
        `DELETE takes only the method params in WHERE, joined with AND (${[...paramNames(resource, 'DELETE')].join(', ')}): it deletes exactly the versions it names.`,
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
