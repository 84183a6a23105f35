import { className, kindOf, parseAlasql, type AstNode } from './ast';
import { checkExpression, type ExprContext } from './checkExpr';
import { checkClauseKey, type KeyNames } from './clauseKeys';
import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { locate } from './locate';
import { isSafeName } from './allowList';

/** A local SELECT that passed the allow-list, with what the planner needs to know about it. */
export interface CheckedSelect {
  /** alasql's Select node: the very tree that was checked is the one that gets compiled. */
  readonly ast: AstNode;
  /** The table's alias (`FROM github.packages.org_versions v`), if any. */
  readonly alias?: string;
  /** Whether the query reads the table at all (`SELECT 1` does not). */
  readonly hasTable: boolean;
  /** The WHERE expression, if any. */
  readonly where?: AstNode;
  /** Whether rows are combined or reordered (ORDER BY, GROUP BY, HAVING, DISTINCT, an aggregate). */
  readonly reshapes: boolean;
  /** LIMIT (or TOP) and OFFSET, when given as numbers. */
  readonly limit?: number;
  readonly offset?: number;
}

const SELECT_KEYS = new Set([
  'columns',
  'from',
  'where',
  'group',
  'having',
  'order',
  'limit',
  'offset',
  'distinct',
  'top',
]);

const CLAUSE_MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  into: ['INTO', 'INTO is not allowed: the playground only reads rows, it never writes them anywhere.'],
  joins: ['JOIN', 'JOIN is not supported: query the one table github.packages.org_versions.'],
  union: ['UNION', 'UNION is not supported: run the SELECTs one at a time.'],
  unionall: ['UNION', 'UNION ALL is not supported: run the SELECTs one at a time.'],
  except: ['EXCEPT', 'EXCEPT is not supported: run the SELECTs one at a time.'],
  intersect: ['INTERSECT', 'INTERSECT is not supported: run the SELECTs one at a time.'],
  queries: ['SELECT', 'Sub-queries are not supported: use one SELECT over github.packages.org_versions.'],
  exists: [
    'EXISTS',
    'EXISTS sub-queries are not supported: use one SELECT over github.packages.org_versions.',
  ],
  modifier: ['SELECT', 'SELECT VALUE/ROW/COLUMN/MATRIX modifiers are not supported: use a plain SELECT.'],
  pivot: ['PIVOT', 'PIVOT is not supported.'],
  unpivot: ['UNPIVOT', 'UNPIVOT is not supported.'],
};

/**
 * Parses `text` (one local SELECT over `table`) with alasql and walks the tree against the allow-list.
 * Returns the checked tree, or an error that says what is not allowed and, where it can, where.
 */
export function checkSelect(
  text: string,
  table: string,
  columns?: ReadonlySet<string>,
): Result<CheckedSelect> {
  const parsed = parseAlasql(text);
  if (!parsed.ok) return parsed;
  const [st, second] = parsed.value;
  if (second) return fail(sqlError('multiple-statements', 'Only one statement can run at a time.'));
  if (kindOf(st) !== 'Select' || !st) {
    const what = className(st);
    return fail(
      sqlError(
        'not-allowed',
        `Only SELECT runs locally; ${what} statements are not allowed.`,
        text,
        locate(text, []),
      ),
    );
  }
  return checkSelectNode(st, text, table, columns);
}

function checkSelectNode(
  st: AstNode,
  text: string,
  table: string,
  columns: ReadonlySet<string> | undefined,
): Result<CheckedSelect> {
  const err = (message: string, needles: readonly string[], code: SqlError['code'] = 'not-allowed') =>
    fail<CheckedSelect>(sqlError(code, message, text, locate(text, needles)));
  for (const [key, value] of Object.entries(st)) {
    if (value === undefined || value === false || SELECT_KEYS.has(key)) continue;
    if (key === 'queries' && Array.isArray(value) && value.length === 0) continue;
    const known = CLAUSE_MESSAGES[key];
    return known ? err(known[1], [known[0]]) : err(`The ${key} clause is not allowed in the playground.`, []);
  }
  const from = st.from;
  let alias: string | undefined;
  if (from !== undefined) {
    const [source, other] = Array.isArray(from) ? (from as unknown[]) : [from];
    if (other !== undefined) return err('Query one table: FROM github.packages.org_versions.', [',']);
    const src = source as AstNode | undefined;
    if (kindOf(src) !== 'Table' || !src) {
      return err(
        'FROM only takes github.packages.org_versions: functions, files, URLs and parameters are not allowed there.',
        ['FROM'],
      );
    }
    if (src.tableid !== table || src.databaseid !== undefined) {
      const name = typeof src.tableid === 'string' ? src.tableid : '';
      return err(
        `Unknown table ${name}: write FROM github.packages.org_versions.`,
        [name],
        'unknown-resource',
      );
    }
    for (const key of Object.keys(src)) {
      if (key !== 'tableid' && key !== 'as' && src[key] !== undefined)
        return err(`${key} is not allowed in FROM.`, []);
    }
    if (src.as !== undefined) {
      if (!isSafeName(src.as)) return err('A table alias must be a plain name (letters, digits, _).', []);
      alias = src.as;
    }
  }
  const tables = new Set([table, ...(alias ? [alias] : [])]);
  const ctx: ExprContext = { text, tables, aggregates: 0, ...(columns ? { columns } : {}) };
  const selected = Array.isArray(st.columns) ? (st.columns as unknown[]) : [];
  const keyNames: KeyNames = {
    columns: columns ?? new Set(),
    aliases: selected.flatMap((c) => {
      const as = (c as AstNode | null)?.as;
      return typeof as === 'string' ? [as] : [];
    }),
  };
  // A bare string in GROUP BY or ORDER BY is refused, or becomes the alias it names (see clauseKeys.ts).
  const group = Array.isArray(st.group) ? (st.group as unknown[]) : [];
  for (const [i, term] of group.entries()) {
    const key = checkClauseKey(term, 'GROUP BY', text, keyNames);
    if (!key.ok) return key;
    group[i] = key.value;
  }
  const whereWrap = st.where as AstNode | undefined;
  const where = whereWrap?.expression as AstNode | undefined;
  const parts: unknown[] = [...selected, ...(where ? [where] : []), ...group, st.having ?? null];
  if (
    whereWrap !== undefined &&
    (kindOf(whereWrap) !== 'Expression' ||
      Object.keys(whereWrap).some((k) => k !== 'expression' && whereWrap[k] !== undefined))
  ) {
    return err('This WHERE clause form is not allowed.', ['WHERE']);
  }
  for (const part of parts) {
    if (part === null) continue;
    const e = checkExpression(part, ctx);
    if (e) return fail(e);
  }
  const aggregatesOutsideOrder = ctx.aggregates;
  for (const item of listOf(st.order)) {
    const o = item as AstNode;
    const extra = Object.keys(o).some(
      (k) => !['expression', 'direction', 'nocase'].includes(k) && o[k] !== undefined,
    );
    if (kindOf(o) !== 'Expression' || extra) return err('This ORDER BY form is not allowed.', ['ORDER']);
    const key = checkClauseKey(o.expression, 'ORDER BY', text, keyNames);
    if (!key.ok) return key;
    o.expression = key.value;
    const e = checkExpression(o.expression, ctx);
    if (e) return fail(e);
  }
  if (from === undefined && (ctx.columnRefs ?? 0) > 0) {
    return err('Columns need a table: add FROM github.packages.org_versions WHERE …', [], 'syntax');
  }
  const limit = numberOf(st.limit);
  const offset = numberOf(st.offset);
  const top = numberOf(st.top);
  if (limit === null || offset === null || top === null) {
    return err('LIMIT, OFFSET and TOP take a plain number, e.g. LIMIT 10.', ['LIMIT', 'OFFSET', 'TOP']);
  }
  const reshapes =
    listOf(st.order).length > 0 ||
    listOf(st.group).length > 0 ||
    st.having !== undefined ||
    st.distinct === true ||
    aggregatesOutsideOrder > 0;
  return ok({
    ast: st,
    ...(alias ? { alias } : {}),
    hasTable: from !== undefined,
    ...(where ? { where } : {}),
    reshapes,
    ...(limit !== undefined || top !== undefined ? { limit: limit ?? top } : {}),
    ...(offset !== undefined ? { offset } : {}),
  });
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-negative integer literal, undefined when absent, null for anything else. */
function numberOf(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  const node = value as AstNode;
  if (kindOf(node) !== 'NumValue') return null;
  const n = node.value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}
