import alasql from 'alasql';

import { className, kindOf, parseAlasql, type AstNode } from './ast';
import { checkExpression, CORRELATED, type ExprContext } from './checkExpr';
import { checkClauseKey, type KeyNames } from './clauseKeys';
import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { isSafeAlias, isSafeName, SQLITE_AGGREGATES } from './allowList';
import { JSON_EACH_COLUMNS } from './json';
import { extractWindows, hasWindow, wrapWindows, type WindowBlock } from './windows';
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

type ColumnCtor = new (params: { columnid: string }) => AstNode;
const AggrValue = (alasql as unknown as { yy: { AggrValue: { prototype: unknown } } }).yy.AggrValue;
/** The engine's aggregate that gives a value of its group (sqliteAggregates.ts). */
export const ANY_VALUE = 'STACKQL_ANY';
const ColumnNode = (alasql as unknown as { yy: { Column: ColumnCtor } }).yy.Column;

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
  /**
   * Every SELECT of the query (this one, those of its UNION and sub-queries, WITH's inlined), each
   * with the tables it reads and its WHERE: the planner reads each one's params from its own WHERE.
   */
  readonly blocks: readonly CheckedBlock[];
  /** The names of the columns the query gives, in order; undefined when a `*` reads unknown columns. */
  readonly outputs?: readonly string[];
  /** The enclosing SELECTs' qualifiers the query reads: a sub-query that reads any is correlated. */
  readonly outerRefs: ReadonlySet<string>;
  /** The query's `json_each` tables, which the engine builds from their source's rows before it runs. */
  readonly laterals: readonly Lateral[];
  /** Its SELECTs with window functions, inner ones first, which the engine computes before it runs. */
  readonly windows: readonly WindowBlock[];
}

/**
 * `FROM t, json_each(t.col [, path]) AS j` (or `CROSS JOIN`, `JOIN … ON`, `LEFT JOIN … ON`): a table
 * of `json_each` rows per row of `t`. The checked tree joins it to `t` by a hidden row number
 * (`LATERAL_ROW`), and the engine fills it from `args` over `t`'s rows before the query runs.
 */
export interface Lateral {
  /** The local table of the json_each rows (`json_each_1`). */
  readonly table: string;
  /** The resource table whose rows it expands, and that table's qualifier in the query. */
  readonly source: string;
  readonly qualifier: string;
  /** The JSON value, and the optional path: checked expressions over the source's columns. */
  args: readonly AstNode[];
}

/** The hidden row number a json_each row shares with the row it came from (see Lateral). */
export const LATERAL_ROW = '__stackql_row';

/** One SELECT of a query: what it reads and its WHERE. */
export interface CheckedBlock {
  readonly sources: readonly SourceRef[];
  readonly join?: CheckedJoin;
  readonly where?: AstNode;
}

/** Where a SELECT sits in the query, which decides what it may be. */
type Role = 'top' | 'from' | 'compound' | 'in' | 'scalar' | 'exists';

/** The names an enclosing SELECT lets a sub-query read (a correlated sub-query: `WHERE u.id = t.id`). */
interface OuterScope {
  readonly qualifiers: ReadonlySet<string>;
  readonly columns?: ReadonlySet<string>;
  /** The qualifier of the one enclosing table that has each column. */
  readonly owners: ReadonlyMap<string, string>;
}

/** What checking one SELECT of a query carries: the blocks found so far, and where this one sits. */
interface BlockEnv {
  readonly blocks: CheckedBlock[];
  readonly laterals: Lateral[];
  readonly windows: WindowBlock[];
  /** How many window tables are named so far (an outer one is named before its inner ones are). */
  readonly counter: {
    windows: number;
    selects: number;
    /** The text's real literals (see `realLiterals`), read once per query. */
    reals?: ReadonlySet<number>;
  };
  readonly role: Role;
  readonly outer?: OuterScope;
  readonly depth: number;
}

/** The compound operators, as alasql names the key that holds the next SELECT. */
const COMPOUNDS: readonly (readonly [string, string])[] = [
  ['union', 'UNION'],
  ['unionall', 'UNION ALL'],
  ['except', 'EXCEPT'],
  ['intersect', 'INTERSECT'],
];

/** How deep SELECTs may nest (sub-queries, FROM sub-queries, WITH, UNION chains). */
const MAX_BLOCK_DEPTH = 16;
/** How many SELECTs a query may have, CTEs counted once per use: checking each costs time. */
const MAX_SELECTS = 200;

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
  'queries',
  'exists',
  'union',
  'unionall',
  'except',
  'intersect',
  'as',
  'queriesidx',
]);

const CLAUSE_MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  into: ['INTO', 'INTO is not allowed: the playground only reads rows, it never writes them anywhere.'],
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
  const [parsedSt, second] = parsed.value;
  if (second) return fail(sqlError('multiple-statements', 'Only one statement can run at a time.'));
  let st = parsedSt;
  if (kindOf(st) === 'WithSelect' && st) {
    const inlined = inlineWith(st, text, tables);
    if (!inlined.ok) return inlined;
    st = inlined.value;
  }
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
  return checkSelectNode(st, text, tables, {
    blocks: [],
    laterals: [],
    windows: [],
    counter: { windows: 0, selects: 0 },
    role: 'top',
    depth: 0,
  });
}

/**
 * `WITH a AS (SELECT …), b AS (…) SELECT …` as the one SELECT it means: each reference to a CTE (in
 * FROM or JOIN, in the main SELECT or a later CTE) becomes a copy of the CTE's SELECT, as a FROM
 * sub-query named after it. alasql's own WITH would store each CTE as a table of the database, where
 * a CTE named like a resource's table would replace that table's rows.
 */
function inlineWith(st: AstNode, text: string, tables: readonly LocalTable[]): Result<AstNode> {
  const err = (message: string, ...needles: string[]) =>
    fail<AstNode>(sqlError('not-allowed', message, text, locate(text, needles)));
  const withs = Array.isArray(st.withs) ? (st.withs as AstNode[]) : [];
  const defined = new Map<string, AstNode>();
  const budget = { nodes: MAX_INLINED_NODES };
  for (const w of withs) {
    const name = w.name;
    if (w.recursive === true) {
      return err('WITH RECURSIVE is not supported: write each step as its own CTE.', 'RECURSIVE');
    }
    if (typeof name !== 'string' || !isSafeName(name) || kindOf(w.select) !== 'Select') {
      return err('Write each CTE as name AS (SELECT …).', 'WITH');
    }
    const lower = name.toLowerCase();
    if (defined.has(lower)) return err(`The CTE ${name} is defined twice.`, name);
    if (tables.some((t) => t.table.toLowerCase() === lower)) {
      return err(`The CTE ${name} has the name of a resource's table: pick another name.`, name);
    }
    const body = replaceCtes(w.select as AstNode, defined, budget);
    if (body === undefined) return err(TOO_BIG, 'WITH');
    defined.set(lower, body);
  }
  const main = replaceCtes(st.select as AstNode, defined, budget);
  if (main === undefined || kindOf(main) !== 'Select') return err(TOO_BIG, 'WITH');
  return ok(main);
}

/** Parse-tree nodes WITH may expand to: a CTE read twice by a CTE read twice … doubles each time. */
const MAX_INLINED_NODES = 20_000;
const TOO_BIG =
  'This WITH expands to too large a query (each use of a CTE is a copy of it): use each CTE fewer times.';

/**
 * `node` with each FROM/JOIN table named like a CTE replaced by a copy of its SELECT; undefined when
 * the copies would exceed the budget.
 */
function replaceCtes(
  node: AstNode,
  ctes: ReadonlyMap<string, AstNode>,
  budget: { nodes: number },
  depth = 0,
): AstNode | undefined {
  if (depth > 200 || budget.nodes < 0) return undefined;
  const swap = (value: unknown, as?: unknown): unknown => {
    if (kindOf(value) !== 'Table') return value;
    const t = value as AstNode;
    const cte =
      typeof t.tableid === 'string' && t.databaseid === undefined
        ? ctes.get(t.tableid.toLowerCase())
        : undefined;
    if (!cte) return value;
    const copy = copyTree(cte, budget) as AstNode;
    copy.as = as ?? t.as ?? t.tableid;
    return copy;
  };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'from' && Array.isArray(value)) {
      node.from = value.map((v) => swap(v));
    } else if (key === 'joins' && Array.isArray(value)) {
      for (const j of value as AstNode[]) {
        const swapped = swap(j.table, j.as) as AstNode;
        if (swapped !== j.table) {
          // alasql's own shape of `JOIN (SELECT …) AS x`.
          j.select = swapped;
          j.as = swapped.as;
          Reflect.deleteProperty(j, 'table');
          Reflect.deleteProperty(swapped, 'as');
        }
      }
    }
  }
  for (const value of Object.values(node)) {
    const children = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const child of children) {
      if (
        typeof child === 'object' &&
        child !== null &&
        replaceCtes(child as AstNode, ctes, budget, depth + 1) === undefined
      ) {
        return undefined;
      }
    }
  }
  return budget.nodes < 0 ? undefined : node;
}

/**
 * A deep copy of a tree (same classes), where a node met twice stays one node in the copy (alasql
 * keeps each sub-query both in its expression and in the SELECT's `queries`). Each node copied is
 * taken from `budget`.
 */
function copyTree(value: unknown, budget: { nodes: number }, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  budget.nodes--;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(copyTree(v, budget, seen));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = copyTree(v, budget, seen);
  return out;
}

function checkSelectNode(
  st: AstNode,
  text: string,
  tables: readonly LocalTable[],
  env: BlockEnv,
): Result<CheckedSelect> {
  const err = (message: string, needles: readonly string[], code: SqlError['code'] = 'not-allowed') =>
    fail<CheckedSelect>(sqlError(code, message, text, locate(text, needles)));
  if (++env.counter.selects > MAX_SELECTS) {
    return err(
      `This query has more than ${String(MAX_SELECTS)} SELECTs (each use of a CTE counts): use fewer sub-queries or CTEs.`,
      ['SELECT'],
    );
  }
  if (env.depth > MAX_BLOCK_DEPTH) {
    return err(`Sub-queries, UNIONs and CTEs may nest ${String(MAX_BLOCK_DEPTH)} deep at most.`, ['SELECT']);
  }
  for (const [key, value] of Object.entries(st)) {
    if (value === undefined || value === false || SELECT_KEYS.has(key)) continue;
    const known = CLAUSE_MESSAGES[key];
    return known ? err(known[1], [known[0]]) : err(`The ${key} clause is not allowed in the playground.`, []);
  }
  if (st.as !== undefined && !isSafeAlias(st.as)) {
    return err('A sub-query alias must be a plain name (letters, digits, _).', []);
  }
  if (hasWindow(st)) {
    // FROM sub-queries' windows are taken out by checkDerived; the outermost SELECT's are wrapped.
    if (env.role !== 'top') {
      return err(
        'Window functions work in the outermost SELECT, a FROM sub-query or a CTE; not yet in a sub-query used as a value, after IN or in a UNION.',
        ['OVER'],
      );
    }
    const wrapped = wrapWindows(st, text);
    if (!wrapped.ok) return wrapped;
    return checkSelectNode(wrapped.value, text, tables, env);
  }
  const compound = COMPOUNDS.find(([key]) => st[key] !== undefined);
  // A DISTINCT whose rows feed more SQL (a FROM sub-query, one SELECT of a UNION) is a GROUP BY:
  // alasql's own DISTINCT is not used (see rewrite.ts), and only the outermost one can be done after.
  const nested = env.role === 'from' || env.role === 'compound' || compound !== undefined;
  if (st.distinct === true && (env.role === 'in' || env.role === 'exists' || env.role === 'scalar')) {
    Reflect.deleteProperty(st, 'distinct'); // changes neither membership nor the first row
  } else if (st.distinct === true && nested) {
    const e = distinctAsGroup(st, text);
    if (e) return fail(e);
  }
  const from = st.from;
  const sources: SourceRef[] = [];
  let blockTables = tables;
  let join: CheckedJoin | undefined;
  let current: Lateral | undefined;
  let lateral:
    { node: AstNode; call: AstNode; as: unknown; mode: 'INNER' | 'LEFT'; on?: AstNode } | undefined;
  if (from !== undefined) {
    const [source, other, third] = Array.isArray(from) ? (from as unknown[]) : [from];
    if (other !== undefined) {
      if (!isJsonEach(other) || third !== undefined)
        return err('FROM takes one resource: combine two with JOIN … ON a.x = b.y.', [',']);
      lateral = { node: other as AstNode, call: other as AstNode, as: (other as AstNode).as, mode: 'INNER' };
    }
    const joins = Array.isArray(st.joins) ? (st.joins as AstNode[]) : [];
    const [j] = joins;
    if (!lateral && j && joins.length === 1 && isJsonEach(j.func)) {
      const extra = Object.keys(j).find(
        (k) => j[k] !== undefined && !['joinmode', 'func', 'as', 'on'].includes(k),
      );
      const mode =
        j.joinmode === 'LEFT'
          ? 'LEFT'
          : j.joinmode === 'INNER' || j.joinmode === 'CROSS'
            ? 'INNER'
            : undefined;
      if (extra !== undefined || !mode)
        return err('Join json_each(…) with a comma, CROSS JOIN, JOIN … ON or LEFT JOIN … ON.', ['JOIN']);
      lateral = {
        node: j,
        call: j.func as AstNode,
        as: j.as,
        mode,
        ...(j.on ? { on: j.on as AstNode } : {}),
      };
      Reflect.deleteProperty(st, 'joins');
    }
    if (kindOf(source) === 'Select') {
      const derived = checkDerived(source as AstNode, text, tables, env);
      if (!derived.ok) return derived;
      const { local, window } = derived.value;
      blockTables = [...tables, local];
      sources.push({ table: local.table });
      // A sub-query with window functions is read from the table the engine computes for it.
      if (window !== undefined) (from as unknown[])[0] = new yy.Table({ tableid: window, as: local.table });
    } else {
      const first = readSource(source as AstNode | undefined, tables, text);
      if (!first.ok) return first;
      sources.push(first.value);
    }
    const [firstSource] = sources;
    if (lateral && firstSource) {
      if (!tables.some((t) => t.table === firstSource.table)) {
        return err(
          'json_each(…) expands a column of a resource: FROM github.<service>.<resource> r, json_each(r.column).',
          ['json_each'],
        );
      }
      const as = lateral.as === undefined || lateral.as === 'default' ? 'json_each' : lateral.as;
      if (typeof as !== 'string' || !isSafeName(as))
        return err('A table alias must be a plain name (letters, digits, _).', []);
      const table = `json_each_${String(env.laterals.length + 1)}`;
      const qualifier = firstSource.alias ?? firstSource.table;
      if (as.toLowerCase() === qualifier.toLowerCase()) {
        return err(`json_each(…) needs an alias other than ${as}: write json_each(…) AS j.`, ['json_each']);
      }
      current = { table, source: firstSource.table, qualifier, args: [] };
      env.laterals.push(current);
      blockTables = [...blockTables, { table, columns: new Set(JSON_EACH_COLUMNS) }];
      sources.push({ table, alias: as });
    }
    // A JOIN of a sub-query or a CTE: checked as a SELECT of its own, then joined as the table it makes.
    const [sub, secondJoin] = Array.isArray(st.joins) ? (st.joins as AstNode[]) : [];
    let joinsToCheck: unknown = st.joins;
    if (sub && secondJoin === undefined && kindOf(sub.select) === 'Select') {
      const select = sub.select as AstNode;
      select.as = sub.as;
      const derived = checkDerived(select, text, tables, env);
      if (!derived.ok) return derived;
      const { local, window } = derived.value;
      blockTables = [...blockTables, local];
      Reflect.deleteProperty(select, 'as');
      if (window !== undefined) {
        sub.table = new yy.Table({ tableid: window });
        Reflect.deleteProperty(sub, 'select');
      }
      sub.as = local.table;
      joinsToCheck = [
        Object.assign(Object.create(Object.getPrototypeOf(sub) as object) as AstNode, {
          joinmode: sub.joinmode,
          table: new yy.Table({ tableid: local.table }),
          ...(sub.on !== undefined ? { on: sub.on } : {}),
        }),
      ];
    }
    const joined = firstSource ? checkJoins(joinsToCheck, firstSource, blockTables, text) : ok(undefined);
    if (!joined.ok) return joined;
    if (joined.value) {
      sources.push(joined.value.source);
      join = joined.value.join;
    }
  } else if (st.joins !== undefined) {
    return err('JOIN needs a FROM table first.', ['JOIN']);
  }
  const alias = sources[0]?.alias;
  const scope = nameScope(sources, blockTables);
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
  const outer = env.outer;
  const ownColumns = scope.columns;
  // A sub-query reads its own tables first, then the enclosing SELECT's (SQLite's name resolution).
  const columns =
    outer && ownColumns ? new Set([...ownColumns, ...(outer.columns ?? [])]) : outer ? undefined : ownColumns;
  const outerOwners = outer
    ? new Map([...outer.owners].filter(([c]) => !ownColumns?.has(c) && ownColumns !== undefined))
    : undefined;
  const owners =
    outerOwners && outerOwners.size > 0 ? new Map([...outerOwners, ...(scope.owners ?? [])]) : scope.owners;
  const ownQualifiers = scope.qualifiers.size > 0 ? scope.qualifiers : new Set(tables.map((t) => t.table));
  const subqueries: AstNode[] = [];
  const exists: AstNode[] = [];
  const ctx: ExprContext = {
    text,
    realLiterals: (env.counter.reals ??= realLiterals(text)),
    aliases: outputNames,
    clause: 'select',
    tables: outer ? new Set([...ownQualifiers, ...outer.qualifiers]) : ownQualifiers,
    aggregates: 0,
    refs: new Set(),
    ...(columns ? { columns } : {}),
    ...(scope.ambiguous ? { ambiguous: scope.ambiguous } : {}),
    ...(owners ? { owners } : {}),
  };
  ctx.subquery = (node, use, holder) => {
    const inner: OuterScope = {
      qualifiers: ctx.tables,
      ...(ctx.columns ? { columns: ctx.columns } : {}),
      owners: ownersOf(sources, blockTables, outer),
    };
    const checked = checkSelectNode(node, text, tables, {
      blocks: env.blocks,
      laterals: env.laterals,
      windows: env.windows,
      counter: env.counter,
      role: use,
      outer: inner,
      depth: env.depth + 1,
    });
    if (!checked.ok) return checked.error;
    if (use === 'exists') exists.push(holder);
    else subqueries.push(holder);
    for (const q of checked.value.outerRefs) ctx.refs?.add(q);
    if (checked.value.outerRefs.size > 0) CORRELATED.add(node);
    const count = checked.value.outputs?.length;
    if (use !== 'exists' && count !== undefined && count !== 1) {
      return sqlError(
        'not-allowed',
        `A sub-query ${use === 'in' ? 'after IN' : 'used as a value'} gives one column; this one gives ${String(count)}.`,
        text,
        locate(text, ['SELECT']),
      );
    }
    return undefined;
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
  // HAVING may read an output alias too (`COUNT(*) AS n … HAVING n > 1`), aggregates included.
  if (st.having !== undefined && columns) st.having = inlineAliases(st.having, selected, columns, true);
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
  if (lateral && current) {
    const e = checkLateralArgs(lateral.call, current, ctx, text);
    if (e) return fail(e);
    if (lateral.on) {
      ctx.clause = 'where';
      const onError = checkExpression(lateral.on, ctx);
      if (onError) return fail(onError);
    }
  }
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
  if (group.length > 0 || aggregatesOutsideOrder > 0) bareColumns(selected, group);
  const outputs = outputsOf(selected, sources, blockTables);
  const order = listOf(st.order);
  for (const item of order) {
    const o = item as AstNode;
    const extra = Object.keys(o).some(
      (k) => !['expression', 'direction', 'nocase'].includes(k) && o[k] !== undefined,
    );
    if (kindOf(o) !== 'Expression' || extra) return err('This ORDER BY form is not allowed.', ['ORDER']);
    const key = checkClauseKey(o.expression, 'ORDER BY', text, keyNames);
    if (!key.ok) return key;
    o.expression = key.value;
    if (compound) {
      const e = compoundOrderKey(o, outputs, text);
      if (e) return fail(e);
      continue;
    }
    const e = checkExpression(o.expression, ctx);
    if (e) return fail(e);
  }
  if (from === undefined && (ctx.columnRefs ?? 0) > 0) {
    return outer
      ? err(
          'A sub-query without FROM cannot read columns yet: write the expression itself, without (SELECT …).',
          ['SELECT'],
        )
      : err('Columns need a table: add FROM github.<service>.<resource> WHERE …', [], 'syntax');
  }
  const limit = numberOf(st.limit);
  const offset = numberOf(st.offset);
  const top = numberOf(st.top);
  if (limit === null || offset === null || top === null) {
    return err('LIMIT, OFFSET and TOP take a plain number, e.g. LIMIT 10.', ['LIMIT', 'OFFSET', 'TOP']);
  }
  // alasql runs each sub-query by its index in the SELECT that holds it: set here, from the tree as
  // checked, rather than trusting the parser's bookkeeping (which misnumbers nested sub-queries).
  // A sub-query used as a value finds itself at queriesidx - 1, an IN's (on its Op) at queriesidx.
  st.queries = subqueries.map((holder, i) => {
    const scalar = kindOf(holder) === 'Select';
    holder.queriesidx = scalar ? i + 1 : i;
    return scalar ? holder : (holder.right as AstNode);
  });
  st.exists = exists.map((holder, i) => {
    holder.existsidx = i;
    return holder.value as AstNode;
  });
  if (lateral && current)
    joinLateral(st, current, sources[sources.length - 1]?.alias ?? 'json_each', lateral);
  const block = { sources, ...(join ? { join } : {}), ...(where ? { where } : {}) };
  // The outermost SELECT first: the planner names the query after the resource it reads.
  if (env.role === 'top') env.blocks.unshift(block);
  else env.blocks.push(block);
  if (compound) {
    const e = checkCompound(st, compound, outputs, text, tables, env, ctx.refs);
    if (e) return fail(e);
  }
  const outerRefs = new Set([...(ctx.refs ?? [])].filter((q) => !ownQualifiers.has(q)));
  const reshapes =
    order.length > 0 ||
    listOf(st.group).length > 0 ||
    st.having !== undefined ||
    st.distinct === true ||
    aggregatesOutsideOrder > 0 ||
    compound !== undefined ||
    lateral !== undefined;
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
    blocks: env.blocks,
    ...(outputs ? { outputs } : {}),
    outerRefs,
    laterals: env.laterals,
    windows: env.windows,
  });
}

/**
 * In a grouped SELECT, a column that is neither an aggregate nor a GROUP BY key (`SELECT year, month,
 * COUNT(*) … GROUP BY month`) takes its value from a row of the group, as SQLite's bare columns do,
 * where alasql would give NULL: it becomes the engine's STACKQL_ANY aggregate of itself, under its own
 * name. A function of the keys is the same on every row of the group, so nothing else changes.
 */
function bareColumns(selected: unknown[], group: readonly unknown[]): void {
  const keys = new Set(group.map((g) => sqlTextOf(g as AstNode).toLowerCase()));
  // With one MIN or MAX, SQLite takes bare columns from the row it picked.
  const extremes = selected.filter((c) => {
    const node = c as AstNode;
    return (
      kindOf(node) === 'AggrValue' &&
      node.aggregatorid === 'REDUCE' &&
      (node.funcid === 'MIN' || node.funcid === 'MAX')
    );
  }) as AstNode[];
  const [extreme] = extremes.length === 1 ? extremes : [];
  for (const [i, c] of selected.entries()) {
    const node = c as AstNode;
    if (node.columnid === '*' || containsAggregate(node)) continue;
    const name =
      typeof node.as === 'string'
        ? node.as
        : kindOf(node) === 'Column'
          ? String(node.columnid)
          : sqlTextOf(node);
    const text = sqlTextOf(copyNode(node, true) as AstNode).toLowerCase();
    if (keys.has(text) || keys.has(name.toLowerCase())) continue;
    if (!isSafeAlias(name)) continue;
    const any = Object.create(AggrValue.prototype as object) as AstNode;
    // The node itself (not a copy), so the checker's marks on it (REAL_ARITHMETIC) still apply.
    Reflect.deleteProperty(node, 'as');
    Object.assign(any, { aggregatorid: 'REDUCE', funcid: ANY_VALUE, expression: node, as: name });
    if (extreme) {
      any.funcid = extreme.funcid === 'MIN' ? 'STACKQL_AT_MIN' : 'STACKQL_AT_MAX';
      any.args = [node, copyNode(extreme.expression)];
    }
    selected[i] = any;
  }
}

/** Whether a FROM or JOIN item is a call of json_each. */
function isJsonEach(value: unknown): boolean {
  const funcid = (value as AstNode | null)?.funcid;
  return kindOf(value) === 'FuncValue' && typeof funcid === 'string' && funcid.toLowerCase() === 'json_each';
}

/**
 * json_each's arguments: the JSON value and an optional path, expressions over its source's columns
 * only (not its own, no aggregate, no sub-query), recorded for the engine.
 */
function checkLateralArgs(
  call: AstNode,
  lateral: Lateral,
  ctx: ExprContext,
  text: string,
): SqlError | undefined {
  const e = (message: string) => sqlError('not-allowed', message, text, locate(text, ['json_each']));
  const args = Array.isArray(call.args) ? (call.args as AstNode[]) : [];
  const extra = Object.keys(call).find((k) => call[k] !== undefined && !['funcid', 'args', 'as'].includes(k));
  if (extra !== undefined || args.length < 1 || args.length > 2) {
    return e(
      "json_each takes a JSON value and an optional path: json_each(r.topics) or json_each(r.metadata, '$.tags').",
    );
  }
  const { subquery, refs, aggregates } = ctx;
  ctx.subquery = undefined;
  ctx.refs = new Set();
  ctx.clause = 'where';
  try {
    for (const arg of args) {
      const found = checkExpression(arg, ctx);
      if (found) return found;
    }
    if (ctx.aggregates !== aggregates) return e('json_each(…) cannot take an aggregate.');
    if ([...ctx.refs].some((q) => q !== lateral.qualifier)) {
      return e(`json_each(…) reads columns of ${lateral.qualifier} only.`);
    }
  } finally {
    ctx.subquery = subquery;
    ctx.refs = refs;
  }
  lateral.args = args;
  return undefined;
}

type NodeCtor = new (params: Record<string, unknown>) => AstNode;
const yy = (alasql as unknown as { yy: Record<'Join' | 'Table' | 'Op', NodeCtor> }).yy;

/** The block's json_each as a JOIN of its table on the hidden row number (and the ON written, if any). */
function joinLateral(
  st: AstNode,
  lateral: Lateral,
  alias: string,
  written: { readonly mode: 'INNER' | 'LEFT'; readonly on?: AstNode },
): void {
  const row = (tableid: string) => new ColumnNode({ columnid: LATERAL_ROW, tableid } as { columnid: string });
  const same = new yy.Op({ op: '=', left: row(alias), right: row(lateral.qualifier) });
  const on = written.on ? new yy.Op({ op: 'AND', left: same, right: written.on }) : same;
  st.from = [(st.from as unknown[])[0]];
  st.joins = [
    new yy.Join({ joinmode: written.mode, table: new yy.Table({ tableid: lateral.table }), as: alias, on }),
  ];
}

/**
 * A FROM sub-query, checked as a SELECT of its own, as the table it makes: named by its alias, with
 * the columns it gives (unknown when a `*` reads unknown columns).
 */
function checkDerived(
  node: AstNode,
  text: string,
  tables: readonly LocalTable[],
  env: BlockEnv,
): Result<{ readonly local: LocalTable; readonly window?: string }> {
  const name = typeof node.as === 'string' ? node.as : 'subquery';
  if (tables.some((t) => t.table.toLowerCase() === name.toLowerCase())) {
    return fail(
      sqlError(
        'not-allowed',
        `The sub-query's alias ${name} is the name of a resource's table: pick another, e.g. AS s.`,
        text,
        locate(text, [name]),
      ),
    );
  }
  let windowed: (WindowBlock & { readonly names: readonly string[] }) | undefined;
  if (hasWindow(node)) {
    const extracted = extractWindows(node, text, `window_${String(++env.counter.windows)}`);
    if (!extracted.ok) return extracted;
    windowed = extracted.value;
  }
  // SQLite does not let a FROM sub-query read the enclosing SELECT's columns either.
  const checked = checkSelectNode(node, text, tables, {
    blocks: env.blocks,
    laterals: env.laterals,
    windows: env.windows,
    counter: env.counter,
    role: 'from',
    depth: env.depth + 1,
  });
  if (!checked.ok) return checked;
  node.as = name;
  const outputs = checked.value.outputs;
  if (windowed) {
    const { names, ...block } = windowed;
    env.windows.push(block);
    const read = outputs?.filter((o) => !o.startsWith('__stackql_'));
    const columns = read ? new Set([...names, ...read].map((o) => o.toLowerCase())) : undefined;
    return ok({ local: { table: name, ...(columns ? { columns } : {}) }, window: block.table });
  }
  return ok({
    local: { table: name, ...(outputs ? { columns: new Set(outputs.map((o) => o.toLowerCase())) } : {}) },
  });
}

/**
 * The next SELECT of a UNION / UNION ALL / EXCEPT / INTERSECT, checked as a SELECT of its own: the
 * same number of columns, which take the first SELECT's names (rows are matched by position, as in
 * SQLite). Only one kind of operator per chain: alasql would group `a UNION b UNION ALL c` from the
 * right, SQLite from the left. An outermost UNION, EXCEPT or INTERSECT runs as UNION ALL (or alasql's
 * EXCEPT/INTERSECT) followed by the engine's DISTINCT, as SQLite's remove duplicates.
 */
function checkCompound(
  st: AstNode,
  [key, word]: readonly [string, string],
  outputs: readonly string[] | undefined,
  text: string,
  tables: readonly LocalTable[],
  env: BlockEnv,
  refs: Set<string> | undefined,
): SqlError | undefined {
  const e = (message: string, ...needles: string[]) =>
    sqlError('not-allowed', message, text, locate(text, needles));
  const next = st[key] as AstNode;
  if (kindOf(next) !== 'Select') return e(`${word} takes a SELECT.`, word.split(' ')[0] ?? word);
  const mixed = COMPOUNDS.find(([k]) => k !== key && next[k] !== undefined);
  if (mixed) {
    return e(
      `${word} and ${mixed[1]} in one chain are not supported yet: use one of them, or put part of the chain in a FROM sub-query.`,
      mixed[1].split(' ')[0] ?? mixed[1],
    );
  }
  if (key === 'except' && next.except !== undefined) {
    return e('One EXCEPT per query: write a EXCEPT b, or put part of it in a FROM sub-query.', 'EXCEPT');
  }
  if (key !== 'unionall' && env.role === 'from') {
    return e(
      `${word} inside a FROM sub-query is not supported yet: use UNION ALL there (with SELECT DISTINCT … FROM it), or move the ${word} to the outer query.`,
      word.split(' ')[0] ?? word,
    );
  }
  for (const k of ['order', 'limit', 'offset', 'top']) {
    if (next[k] !== undefined) {
      return e(
        'ORDER BY and LIMIT come once, after the last SELECT of a UNION, and apply to all of it.',
        'ORDER',
        'LIMIT',
      );
    }
  }
  const checked = checkSelectNode(next, text, tables, {
    blocks: env.blocks,
    laterals: env.laterals,
    windows: env.windows,
    counter: env.counter,
    role: 'compound',
    ...(env.outer ? { outer: env.outer } : {}),
    depth: env.depth + 1,
  });
  if (!checked.ok) return checked.error;
  for (const q of checked.value.outerRefs) refs?.add(q);
  const theirs = checked.value.outputs;
  const stars = [st, next].some((s) => listOf(s.columns).some((c) => (c as AstNode).columnid === '*'));
  if (stars && (outputs?.join() ?? '\u0000') !== (theirs?.join() ?? '\u0001')) {
    return e(
      `In a ${word}, name each SELECT's columns: SELECT * works when every SELECT reads the same resource.`,
      '*',
    );
  }
  if (outputs && theirs && outputs.length !== theirs.length) {
    return e(
      `The SELECTs of a ${word} give ${String(outputs.length)} and ${String(theirs.length)} columns: each must give the same number.`,
      word.split(' ')[0] ?? word,
    );
  }
  if (outputs && !stars) {
    listOf(next.columns).forEach((c, i) => {
      const name = outputs[i];
      if (name !== undefined && isSafeAlias(name)) (c as AstNode).as = name;
    });
  }
  if (env.role === 'top' && key !== 'unionall') {
    if (key === 'union') {
      st.unionall = next;
      Reflect.deleteProperty(st, 'union');
    }
    st.distinct = true;
  }
  return undefined;
}

/** In a compound SELECT, an ORDER BY key is a result column: by name, or by position (`ORDER BY 2`). */
function compoundOrderKey(
  o: AstNode,
  outputs: readonly string[] | undefined,
  text: string,
): SqlError | undefined {
  const key = o.expression as AstNode;
  const names = outputs ?? [];
  if (kindOf(key) === 'NumValue' && typeof key.value === 'number') {
    const name = names[key.value - 1];
    if (name !== undefined && isSafeName(name)) {
      o.expression = new ColumnNode({ columnid: name });
      return undefined;
    }
  }
  if (kindOf(key) === 'Column' && key.tableid === undefined && typeof key.columnid === 'string') {
    const id = key.columnid.toLowerCase();
    const name = names.find((n) => n.toLowerCase() === id);
    if (name !== undefined) {
      key.columnid = name;
      return undefined;
    }
  }
  return sqlError(
    'not-allowed',
    `ORDER BY after a UNION sorts by a result column: write its name or position${names.length > 0 ? ` (${names.join(', ')})` : ''}.`,
    text,
    locate(text, ['ORDER']),
  );
}

/**
 * `SELECT DISTINCT a, b …` as `SELECT a, b … GROUP BY a, b`, the same rows, for a SELECT whose rows
 * feed more SQL. Undefined, or why it cannot be.
 */
function distinctAsGroup(st: AstNode, text: string): SqlError | undefined {
  const selected = listOf(st.columns) as AstNode[];
  const e = (message: string) => sqlError('not-allowed', message, text, locate(text, ['DISTINCT']));
  if (selected.some((c) => c.columnid === '*')) {
    return e('SELECT DISTINCT * in a sub-query or a UNION is not supported yet: name the columns.');
  }
  if (st.group !== undefined || selected.some((c) => containsAggregate(c))) {
    return e('SELECT DISTINCT with GROUP BY or an aggregate in a sub-query or a UNION is not supported yet.');
  }
  st.group = selected.map((c) => copyNode(c, true));
  Reflect.deleteProperty(st, 'distinct');
  return undefined;
}

/** The qualifier of the one table of a SELECT (or the SELECT around it) that has each column. */
function ownersOf(
  sources: readonly SourceRef[],
  tables: readonly LocalTable[],
  outer: OuterScope | undefined,
): ReadonlyMap<string, string> {
  const owners = new Map(outer?.owners ?? []);
  const counts = new Map<string, number>();
  for (const s of sources) {
    for (const c of tables.find((t) => t.table === s.table)?.columns ?? []) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      owners.set(c, s.alias ?? s.table);
    }
  }
  for (const [c, n] of counts) if (n > 1) owners.delete(c);
  return owners;
}

/** alasql's SQL text of an expression node, which is also how it names an unaliased column. */
function sqlTextOf(node: AstNode): string {
  return (node as unknown as { toString(): string }).toString();
}

/** The names of the columns a SELECT gives, in order; undefined when a `*` reads unknown columns. */
function outputsOf(
  selected: readonly unknown[],
  sources: readonly SourceRef[],
  tables: readonly LocalTable[],
): string[] | undefined {
  const out: string[] = [];
  for (const c of selected) {
    const node = c as AstNode;
    if (node.columnid === '*') {
      const read =
        node.tableid === undefined ? sources : sources.filter((s) => (s.alias ?? s.table) === node.tableid);
      for (const s of read) {
        const cols = tables.find((t) => t.table === s.table)?.columns;
        if (!cols) return undefined;
        out.push(...cols);
      }
    } else {
      out.push(
        typeof node.as === 'string'
          ? node.as
          : kindOf(node) === 'Column'
            ? String(node.columnid)
            : sqlTextOf(node),
      );
    }
  }
  return out;
}

/**
 * `expr` with each unqualified name that is no column but a SELECT-list alias replaced by a copy of
 * the aliased expression. A copy, not the same node: the checker rewrites nodes as it checks them.
 */
function inlineAliases(
  expr: unknown,
  selected: readonly unknown[],
  columns: ReadonlySet<string>,
  aggregates = false,
): unknown {
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
      if (target !== undefined && (aggregates || !containsAggregate(target))) return copyNode(target, true);
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
