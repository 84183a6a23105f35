import { className, kindOf, parseAlasql, type AstNode } from './ast';
import { checkExpression, type ExprContext } from './checkExpr';
import { checkClauseKey, type KeyNames } from './clauseKeys';
import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { isSafeAlias, SQLITE_AGGREGATES } from './allowList';
import { locate } from './locate';
import { tokenize } from './tokenize';
import {
  checkJoins,
  nameScope,
  readSource,
  type CheckedJoin,
  type LocalTable,
  type SourceRef,
} from './checkJoin';

/** A local SELECT that passed the allow-list, with what the planner needs to know about it. */
export interface CheckedSelect {
  /** alasql's Select node: the very tree that was checked is the one that gets compiled. */
  readonly ast: AstNode;
  /** The FROM table's alias (`FROM github.packages.org_versions v`), if any. */
  readonly alias?: string;
  /** The tables read, FROM's first, then the JOIN's; empty for `SELECT 1`. */
  readonly sources: readonly SourceRef[];
  /** The query's JOIN, if it has one. */
  readonly join?: CheckedJoin;
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
  'joins',
]);

const CLAUSE_MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  into: ['INTO', 'INTO is not allowed: the playground only reads rows, it never writes them anywhere.'],
  union: ['UNION', 'UNION is not supported: run the SELECTs one at a time.'],
  unionall: ['UNION', 'UNION ALL is not supported: run the SELECTs one at a time.'],
  except: ['EXCEPT', 'EXCEPT is not supported: run the SELECTs one at a time.'],
  intersect: ['INTERSECT', 'INTERSECT is not supported: run the SELECTs one at a time.'],
  queries: [
    'SELECT',
    'Sub-queries are not supported: use one SELECT (with a JOIN to combine two resources).',
  ],
  exists: ['EXISTS', 'EXISTS sub-queries are not supported: use a JOIN to combine two resources.'],
  modifier: ['SELECT', 'SELECT VALUE/ROW/COLUMN/MATRIX modifiers are not supported: use a plain SELECT.'],
  pivot: ['PIVOT', 'PIVOT is not supported.'],
  unpivot: ['UNPIVOT', 'UNPIVOT is not supported.'],
};

/**
 * Parses `text` (one local SELECT over some of `tables`) with alasql and walks the tree against the
 * allow-list. Returns the checked tree, or an error that says what is not allowed and, where it can, where.
 */
export function checkSelect(text: string, tables: readonly LocalTable[]): Result<CheckedSelect> {
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
  return checkSelectNode(st, text, tables);
}

function checkSelectNode(st: AstNode, text: string, tables: readonly LocalTable[]): Result<CheckedSelect> {
  const err = (message: string, needles: readonly string[], code: SqlError['code'] = 'not-allowed') =>
    fail<CheckedSelect>(sqlError(code, message, text, locate(text, needles)));
  for (const [key, value] of Object.entries(st)) {
    if (value === undefined || value === false || SELECT_KEYS.has(key)) continue;
    if (key === 'queries' && Array.isArray(value) && value.length === 0) continue;
    const known = CLAUSE_MESSAGES[key];
    return known ? err(known[1], [known[0]]) : err(`The ${key} clause is not allowed in the playground.`, []);
  }
  const from = st.from;
  const sources: SourceRef[] = [];
  let join: CheckedJoin | undefined;
  if (from !== undefined) {
    const [source, other] = Array.isArray(from) ? (from as unknown[]) : [from];
    if (other !== undefined)
      return err('FROM takes one resource: combine two with JOIN … ON a.x = b.y.', [',']);
    const first = readSource(source as AstNode | undefined, tables, text);
    if (!first.ok) return first;
    sources.push(first.value);
    const joined = checkJoins(st.joins, first.value, tables, text);
    if (!joined.ok) return joined;
    if (joined.value) {
      sources.push(joined.value.source);
      join = joined.value.join;
    }
  } else if (st.joins !== undefined) {
    return err('JOIN needs a FROM table first.', ['JOIN']);
  }
  const alias = sources[0]?.alias;
  const scope = nameScope(sources, tables);
  const selected = Array.isArray(st.columns) ? (st.columns as unknown[]) : [];
  const outputNames = new Set(
    selected.flatMap((c) => {
      const as = (c as AstNode | null)?.as;
      return typeof as === 'string' ? [as.toLowerCase()] : [];
    }),
  );
  if (sources.length > 1) {
    const stars = selected.filter((c) => (c as AstNode | null)?.columnid === '*');
    if (
      stars.some((c) => (c as AstNode).tableid === undefined) ||
      (stars.length > 0 && selected.length > 1)
    ) {
      return err(
        'In a JOIN, SELECT * would merge the columns both tables have (id, name, …) into one: name the columns, e.g. p.name AS package, v.name AS version, or take one table whole, e.g. SELECT v.*.',
        ['*'],
      );
    }
  }
  const columns = scope.columns;
  const ctx: ExprContext = {
    text,
    realLiterals: realLiterals(text),
    aliases: outputNames,
    clause: 'select',
    tables: scope.qualifiers.size > 0 ? scope.qualifiers : new Set(tables.map((t) => t.table)),
    aggregates: 0,
    ...(columns ? { columns } : {}),
    ...(scope.ambiguous ? { ambiguous: scope.ambiguous } : {}),
    ...(scope.owners ? { owners: scope.owners } : {}),
  };
  // ORDER BY and GROUP BY may name an output alias that shares a name both tables have.
  const keyAmbiguous = scope.ambiguous && new Set([...scope.ambiguous].filter((c) => !outputNames.has(c)));
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
  // SQLite reads a SELECT-list alias in WHERE when no column has its name; alasql does not, so the
  // alias becomes a copy of its expression there (checked as any other WHERE expression).
  if (whereWrap?.expression !== undefined && columns) {
    whereWrap.expression = inlineAliases(whereWrap.expression, selected, columns);
  }
  const where = whereWrap?.expression as AstNode | undefined;
  // The ON's shape was checked above; its nodes go through the same walk as every other expression.
  const on = join && Array.isArray(st.joins) ? (st.joins[0] as AstNode | undefined)?.on : undefined;
  const parts: unknown[] = [...selected, ...(where ? [where] : []), ...(on ? [on] : []), st.having ?? null];
  if (
    whereWrap !== undefined &&
    (kindOf(whereWrap) !== 'Expression' ||
      Object.keys(whereWrap).some((k) => k !== 'expression' && whereWrap[k] !== undefined))
  ) {
    return err('This WHERE clause form is not allowed.', ['WHERE']);
  }
  distinctOutputNames(selected);
  for (const part of parts) {
    if (part === null) continue;
    ctx.clause = part === where || part === on ? 'where' : part === st.having ? 'keys' : 'select';
    const e = checkExpression(part, ctx);
    if (e) return fail(e);
  }
  ctx.clause = 'keys';
  if (keyAmbiguous) ctx.ambiguous = keyAmbiguous;
  for (const part of group) {
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
    return err('Columns need a table: add FROM github.<service>.<resource> WHERE …', [], 'syntax');
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
    sources,
    ...(join ? { join } : {}),
    hasTable: from !== undefined,
    ...(where ? { where } : {}),
    reshapes,
    ...(limit !== undefined || top !== undefined ? { limit: limit ?? top } : {}),
    ...(offset !== undefined ? { offset } : {}),
  });
}

/**
 * `expr` with each unqualified name that is no column but a SELECT-list alias replaced by a copy of
 * the aliased expression. A copy, not the same node: the checker rewrites nodes as it checks them.
 */
function inlineAliases(expr: unknown, selected: readonly unknown[], columns: ReadonlySet<string>): unknown {
  const aliases = new Map<string, unknown>();
  for (const c of selected) {
    const as = (c as AstNode | null)?.as;
    if (typeof as === 'string' && !columns.has(as.toLowerCase())) aliases.set(as.toLowerCase(), c);
  }
  if (aliases.size === 0) return expr;
  const visit = (value: unknown, depth: number): unknown => {
    if (depth > 200 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => visit(v, depth + 1));
    const node = value as AstNode;
    if (kindOf(node) === 'Column' && node.tableid === undefined && typeof node.columnid === 'string') {
      const target = aliases.get(node.columnid.toLowerCase());
      if (target !== undefined && !containsAggregate(target)) return copyNode(target, true);
    }
    for (const key of Object.keys(node)) node[key] = visit(node[key], depth + 1);
    return node;
  };
  return visit(expr, 0);
}

/** Whether an expression holds an aggregate (an alias of one is no WHERE term, in SQLite either). */
function containsAggregate(value: unknown, depth = 0): boolean {
  if (depth > 200 || typeof value !== 'object' || value === null) return false;
  if (kindOf(value) === 'AggrValue' || isSqliteAggregate(value)) return true;
  return Object.values(value).some((v) => containsAggregate(v, depth + 1));
}

/**
 * A call of one of SQLite's aggregates alasql lacks, before checkExpr.ts makes it the engine's
 * reducer: a plain call (`json_group_object(…)`) or alasql's own REDUCE parse (`group_concat(…)`).
 */
function isSqliteAggregate(value: unknown): boolean {
  const kind = kindOf(value);
  const funcid = (value as AstNode).funcid;
  return (
    (kind === 'FuncValue' || kind === 'AggrValue') &&
    typeof funcid === 'string' &&
    SQLITE_AGGREGATES.has(funcid.toLowerCase())
  );
}

/** A deep copy of an AST node, same classes (alasql compiles by them), without the `as` at the top. */
function copyNode(value: unknown, top = false): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => copyNode(v));
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (!(top && k === 'as')) out[k] = copyNode(v);
  return out;
}

/**
 * Gives each output column its own name: rows are objects keyed by column name, so `SELECT id, id`,
 * `p.name, v.name` or `7 / 2, 7 / 2.0` (both named 7/2) would otherwise keep one column where SQLite
 * gives two. A later column of a name already taken becomes `name:1`, `name:2` … (alasql's own
 * naming for repeated aggregates); one whose name could not be an alias becomes `column_N`.
 */
function distinctOutputNames(selected: readonly unknown[]): void {
  const seen = new Set<string>();
  for (const [i, c] of selected.entries()) {
    const node = c as AstNode | null;
    if (!node || node.columnid === '*') continue;
    const name =
      typeof node.as === 'string'
        ? node.as
        : kindOf(node) === 'Column'
          ? String(node.columnid)
          : (node as unknown as { toString(): string }).toString();
    let unique = name;
    for (let k = 1; seen.has(unique); k++) unique = `${name}:${String(k)}`;
    // A call the checker turns into one of the engine's reducers keeps the name it was written with.
    const renamed = node.as === undefined && isSqliteAggregate(node);
    if ((unique !== name || renamed) && !isSafeAlias(unique)) unique = `column_${String(i + 1)}`;
    seen.add(unique);
    if (unique !== name || renamed) node.as = unique;
  }
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

/** The values of the number literals of a text written as reals (`2.0`, `.5`, `1e3`). */
function realLiterals(text: string): ReadonlySet<number> {
  const lexed = tokenize(text);
  if (!lexed.ok) return new Set();
  return new Set(
    lexed.value.tokens.filter((t) => t.kind === 'number' && /[.eE]/.test(t.text)).map((t) => Number(t.text)),
  );
}
