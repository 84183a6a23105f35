import alasql from 'alasql';

import {
  AGGREGATES,
  AGGREGATE_VARIANTS,
  aggregateVariant,
  BINARY_OPS,
  BUILTIN_FUNCTIONS,
  CAST_TYPES,
  JSON_FUNCTIONS,
  SQLITE_AGGREGATES,
  SQLITE_FUNCTIONS,
  UNARY_OPS,
  isReservedName,
  isSafeAlias,
  isSafeName,
} from './allowList';
import { className, kindOf, type AstNode, type NodeKind } from './ast';
import { sqlError, type SqlError } from './errors';
import { locate } from './locate';
import { nearest } from './nearest';

/** What an expression check needs and records. */
export interface ExprContext {
  /** The local query text, for error positions. */
  readonly text: string;
  /** Names a column may be qualified with: the local table and its alias. */
  readonly tables: ReadonlySet<string>;
  /** Known column names, lower case: `ORG` is read as `org`, as SQLite's names are case-insensitive. */
  readonly columns?: ReadonlySet<string>;
  /**
   * Columns of more than one joined table: unqualified, they would be a guess, as SQLite says. Not
   * readonly: ORDER BY and GROUP BY may name an output alias that shares such a name.
   */
  ambiguous?: ReadonlySet<string>;
  /** In a JOIN, the qualifier of the one table that has each other column (see `nameScope`). */
  readonly owners?: ReadonlyMap<string, string>;
  /** Count of aggregates seen, so the planner knows the rows get combined. */
  aggregates: number;
  /** Count of column references seen: a SELECT without FROM may have none. */
  columnRefs?: number;
  /**
   * Values of the number literals written as reals (`2.0`, `1e3`): alasql reads both `2` and `2.0`
   * as the number 2, where SQLite keeps `2.0` a real, so `7 / 2.0` is 3.5 but `7 / 2` is 3.
   */
  readonly realLiterals?: ReadonlySet<number>;
  /** The SELECT list's aliases, lower case: names GROUP BY, HAVING and ORDER BY may use. */
  readonly aliases?: ReadonlySet<string>;
  /**
   * Where the expression is: in WHERE and ON an alias of an aggregate is not readable (the others are
   * inlined there, see check.ts), in the SELECT list no alias is (SQLite neither).
   */
  clause?: 'select' | 'where' | 'keys';
  /** Whether the expression is an aggregate's argument: another aggregate there is SQLite's misuse. */
  inAggregate?: boolean;
  /**
   * The engine's reducer name given to each of SQLite's aggregate calls so far, by the call's whole
   * text: alasql tells aggregates apart by their first argument alone, so `group_concat(name, ',')`
   * and `group_concat(name, ';')` need two names, or they would share one accumulator.
   */
  reducers?: Map<string, string>;
  /**
   * Checks a sub-query met in an expression (`x IN (SELECT …)`, `(SELECT MAX(id) …)`, `EXISTS (…)`)
   * as a SELECT of its own, and records `holder` (the node alasql's code finds it from). Without it,
   * sub-queries are refused.
   */
  subquery?: (select: AstNode, use: 'in' | 'scalar' | 'exists', holder: AstNode) => SqlError | undefined;
  /** The qualifiers the expression's columns name (after the owners above are applied). */
  refs?: Set<string>;
}

/**
 * The sub-queries that read a column of an enclosing SELECT (correlated): the engine runs them once
 * per row. The others it runs once per query and keeps their answer (harden.ts). Marked by the checker.
 */
export const CORRELATED = new WeakSet();

/**
 * The `/` and `%` nodes with a real operand, as SQLite types them (see isReal): the engine compiles
 * the others to SQLite's integer division (harden.ts). Marked here, where the tree is checked.
 */
export const REAL_ARITHMETIC = new WeakSet();

const REAL_FUNCTIONS = new Set(['julianday']);

/** What a window function (`… OVER (…)`) is told, wherever alasql put its OVER. */
const WINDOW_MESSAGE =
  'Window functions (… OVER (PARTITION BY …)) are not supported yet: use GROUP BY for one row per group.';

/** One of SQLite's aggregates alasql lacks, as allowList.ts SQLITE_AGGREGATES describes it. */
type SqliteAggregate = typeof SQLITE_AGGREGATES extends ReadonlyMap<string, infer A> ? A : never;

/** What `group_concat(DISTINCT …)` and the like are told. */
function distinctMessage(raw: string): string {
  return `${raw}(DISTINCT …) is not supported yet: write ${raw}(…) over a GROUP BY instead.`;
}

/**
 * Whether SQLite types an expression REAL before it sees any value: a real literal, a CAST to a
 * REAL type, AVG, TOTAL, julianday, or arithmetic over one of those. Values read from rows are
 * typed at run time instead (an integral number is an integer, as GitHub's JSON gives them).
 */
function isReal(value: unknown, ctx: ExprContext): boolean {
  const node = value as AstNode | undefined;
  switch (kindOf(node)) {
    case 'NumValue':
      return (
        typeof node?.value === 'number' &&
        (!Number.isInteger(node.value) || (ctx.realLiterals?.has(node.value) ?? false))
      );
    case 'Convert':
      return /REAL|FLOA|DOUB/i.test(String(node?.dbtypeid));
    case 'AggrValue':
      return (
        ['AVG', 'TOTAL'].includes(String(node?.aggregatorid).toUpperCase()) ||
        (node?.aggregatorid === 'REDUCE' && isReal(node.expression, ctx))
      );
    case 'FuncValue':
      return REAL_FUNCTIONS.has(String(node?.funcid));
    case 'UniOp':
      return isReal(node?.right, ctx);
    case 'Op':
      return (
        ['+', '-', '*', '/', '%'].includes(String(node?.op)) &&
        (isReal(node?.left, ctx) || isReal(node?.right, ctx))
      );
    default:
      return false;
  }
}

/** Keys each node kind may carry besides `as`; a key outside this list is refused. */
const NODE_KEYS: Readonly<Partial<Record<NodeKind, readonly string[]>>> = {
  Column: ['columnid', 'tableid'],
  Op: ['op', 'left', 'right', 'right1', 'right2', 'queriesidx'],
  UniOp: ['op', 'right'],
  NumValue: ['value'],
  StringValue: ['value'],
  LogicValue: ['value'],
  NullValue: [],
  FuncValue: ['funcid', 'args'],
  AggrValue: ['aggregatorid', 'expression', 'distinct'],
  CaseValue: ['expression', 'whens', 'elses'],
  Convert: ['expression', 'dbtypeid', 'dbsize', 'dbprecision'],
};

const JSON_NAMES: ReadonlySet<string> = new Set(JSON_FUNCTIONS);

/**
 * Walks one expression against the allow-list. Returns the first thing not allowed, or undefined.
 * Function names are rewritten to the spelling alasql looks up, so the checked tree compiles as is.
 */
export function checkExpression(value: unknown, ctx: ExprContext): SqlError | undefined {
  const err = (message: string, ...needles: string[]): SqlError =>
    sqlError('not-allowed', message, ctx.text, locate(ctx.text, needles));
  const kind = kindOf(value);
  const node = value as AstNode;
  if (kind === 'Select' && ctx.subquery && !ctx.inAggregate) {
    if (node.as !== undefined && !isSafeAlias(node.as)) return err('A column alias must be a plain name.');
    return ctx.subquery(node, 'scalar', node);
  }
  if (kind === 'ExistsValue' && ctx.subquery) {
    const extra = Object.keys(node).find((k) => node[k] !== undefined && k !== 'value' && k !== 'existsidx');
    if (extra !== undefined || kindOf(node.value) !== 'Select')
      return err('Write EXISTS (SELECT …).', 'EXISTS');
    return ctx.subquery(node.value as AstNode, 'exists', node);
  }
  if (
    !kind ||
    kind === 'Select' ||
    kind === 'Table' ||
    kind === 'Expression' ||
    kind === 'WithSelect' ||
    kind === 'ExistsValue'
  )
    return rejectNode(value, err);
  // alasql parses `group_concat(…)` (these two spellings) as its own REDUCE aggregate.
  if (kind === 'AggrValue' && node.aggregatorid === 'REDUCE' && typeof node.funcid === 'string') {
    const aggregate = SQLITE_AGGREGATES.get(node.funcid.toLowerCase());
    if (aggregate) return fromParsedReduce(node, node.funcid, aggregate, ctx, err);
  }
  const allowed = NODE_KEYS[kind] ?? [];
  for (const key of Object.keys(node)) {
    if (node[key] === undefined || key === 'as' || allowed.includes(key)) continue;
    if (key === 'over') {
      return err(WINDOW_MESSAGE, 'OVER');
    }
    return err(`${key} is not allowed in an expression (in ${className(node)}).`);
  }
  if (node.as !== undefined && !isSafeAlias(node.as)) {
    if (typeof node.as === 'string' && isReservedName(node.as)) {
      return err(
        `The alias ${node.as} is reserved: every JavaScript object has a ${node.as} property, which the engine keeps fixed. Pick another name, e.g. ${node.as}_.`,
        node.as,
      );
    }
    return err('An alias may not contain quotes, backslashes or line breaks, and is at most 64 characters.');
  }
  const check = (child: unknown): SqlError | undefined => checkExpression(child, ctx);
  switch (kind) {
    case 'Column': {
      const id = node.columnid;
      if (typeof id === 'string' && isReservedName(id)) {
        return err(
          `${id} is not a column: every JavaScript object has a ${id} property, so the name is reserved.`,
          id,
        );
      }
      if (typeof id !== 'string' || (id !== '*' && !isSafeName(id))) {
        return err('Column names must be plain names (letters, digits and _).', String(id));
      }
      if (ctx.columns?.has(id.toLowerCase())) node.columnid = id.toLowerCase();
      else if (id !== '*' && ctx.columns) {
        const unknown = unknownColumn(id, ctx);
        if (unknown) return err(unknown, id);
      }
      ctx.columnRefs = (ctx.columnRefs ?? 0) + 1;
      const table = node.tableid;
      if (table === undefined && ctx.ambiguous?.has(id.toLowerCase())) {
        return err(
          `ambiguous column name: ${id} (more than one joined table has it). Qualify it with the table's alias, e.g. p.${id}.`,
          id,
        );
      }
      // In a JOIN, an unqualified column is read from the one table that has it, not alasql's guess.
      const owner = table === undefined ? ctx.owners?.get(id.toLowerCase()) : undefined;
      if (owner !== undefined) node.tableid = owner;
      if (typeof node.tableid === 'string') ctx.refs?.add(node.tableid);
      if (table !== undefined && (typeof table !== 'string' || !ctx.tables.has(table))) {
        const name = typeof table === 'string' ? table : '';
        return err(`Unknown table ${name} before a column: use the table's alias or no prefix.`, name);
      }
      return undefined;
    }
    case 'NumValue':
      return typeof node.value === 'number' ? undefined : err('Malformed number.');
    case 'StringValue':
      return typeof node.value === 'string' ? undefined : err('Malformed string.');
    case 'LogicValue':
      return typeof node.value === 'boolean' ? undefined : err('Malformed boolean.');
    case 'NullValue':
      return undefined;
    case 'UniOp':
      if (!UNARY_OPS.has(node.op as string | null | undefined))
        return err(`The operator ${String(node.op)} is not allowed.`, String(node.op));
      return check(node.right);
    case 'Op':
      return checkOp(node, ctx, err);
    case 'FuncValue':
      return checkFunction(node, ctx, err);
    case 'AggrValue': {
      const id = typeof node.aggregatorid === 'string' ? node.aggregatorid.toUpperCase() : '';
      if (!AGGREGATES.has(id))
        return err(`The aggregate ${id} is not allowed; use COUNT, SUM, MIN, MAX or AVG.`, id);
      if (ctx.inAggregate) return err(nestedMessage(id), id);
      ctx.aggregates++;
      // alasql's MIN/MAX ignore text, and its SUM of no rows is 0: SQLite's reducers (registered by
      // the engine) instead. SUM(DISTINCT …) has its own (rewrite.ts).
      if (id === 'MIN' || id === 'MAX' || (id === 'SUM' && node.distinct !== true)) {
        node.aggregatorid = 'REDUCE';
        node.funcid = id;
      }
      const expr = node.expression as AstNode | undefined;
      if (kindOf(expr) !== 'Column' || expr?.columnid !== '*') return checkArgument(expr, ctx);
      // alasql takes SUM(*) and COUNT(DISTINCT *) and gives nothing useful; SQLite refuses them.
      return id === 'COUNT' && node.distinct !== true
        ? undefined
        : err(
            `Only COUNT(*) takes *: write a column, e.g. ${id}(${node.distinct === true ? 'DISTINCT ' : ''}id).`,
            id,
          );
    }
    case 'CaseValue': {
      const whens = Array.isArray(node.whens) ? (node.whens as unknown[]) : [];
      const bad = whens.find(
        (w) =>
          typeof w !== 'object' ||
          w === null ||
          Object.getPrototypeOf(w) !== Object.prototype ||
          Object.keys(w).some((k) => k !== 'when' && k !== 'then'),
      );
      if (bad !== undefined || whens.length === 0) return err('Malformed CASE expression.', 'CASE');
      const parts = [
        node.expression,
        ...whens.flatMap((w) => [(w as AstNode).when, (w as AstNode).then]),
        node.elses,
      ];
      for (const p of parts) {
        if (p === undefined) continue;
        const e = check(p);
        if (e) return e;
      }
      return undefined;
    }
    case 'Convert': {
      const type = typeof node.dbtypeid === 'string' ? node.dbtypeid.toUpperCase() : '';
      if (!CAST_TYPES.has(type)) return err(`CAST to ${type} is not allowed.`, 'CAST');
      // alasql pastes the size and precision into the code it generates: numbers only.
      const sizes = [node.dbsize, node.dbprecision].filter((v) => v !== undefined);
      if (sizes.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
        return err('A CAST size must be a whole number, e.g. CAST(x AS VARCHAR(10)).', 'CAST');
      }
      return check(node.expression);
    }
  }
}

/**
 * What is wrong with a name that is no column of the tables read, as SQLite says it (`no such column`),
 * with the nearest column's name; undefined when it names an alias where one may be read.
 */
function unknownColumn(id: string, ctx: ExprContext): string | undefined {
  const lower = id.toLowerCase();
  if (ctx.aliases?.has(lower)) {
    if (ctx.clause === 'keys') return undefined;
    if (ctx.clause === 'where') {
      // Other aliases were inlined (check.ts inlineAliases): this one names an aggregate.
      return `${id} names an aggregate of the SELECT list, which WHERE cannot filter on (in SQLite neither): write HAVING ${id} … after GROUP BY.`;
    }
  }
  const hint = nearest(lower, [...(ctx.columns ?? [])]);
  return `No such column: ${id}.${hint ? ` Did you mean ${hint}?` : ''} DESCRIBE the resource to list its columns.`;
}

function checkOp(
  node: AstNode,
  ctx: ExprContext,
  err: (m: string, ...n: string[]) => SqlError,
): SqlError | undefined {
  const op = typeof node.op === 'string' ? node.op : '';
  if (op === '->') {
    const right = node.right as AstNode | string;
    const ok =
      typeof right === 'string'
        ? isSafeName(right)
        : kindOf(right) === 'NumValue' && Number.isInteger(right.value);
    if (!ok)
      return err(
        '-> may only read a property (metadata->container->tags), not call a method or read a JS prototype.',
        '->',
      );
    return checkExpression(node.left, ctx);
  }
  if (!BINARY_OPS.has(op)) return err(`The operator ${op} is not allowed.`, op);
  if ((op === '/' || op === '%') && (isReal(node.left, ctx) || isReal(node.right, ctx)))
    REAL_ARITHMETIC.add(node);
  if ((op === 'IN' || op === 'NOT IN') && kindOf(node.right) === 'Select' && ctx.subquery) {
    const e = checkExpression(node.left, ctx);
    return e ?? ctx.subquery(node.right as AstNode, 'in', node);
  }
  if (node.queriesidx !== undefined) return err('Malformed sub-query.', 'SELECT');
  const rights = op === 'IN' || op === 'NOT IN' ? node.right : node.right === undefined ? [] : [node.right];
  if (!Array.isArray(rights))
    return err('IN takes a list of values; sub-queries and parameters are not allowed.', 'IN');
  for (const child of [
    node.left,
    ...(rights as unknown[]),
    ...(node.right1 === undefined ? [] : [node.right1, node.right2]),
  ]) {
    const e = checkExpression(child, ctx);
    if (e) return e;
  }
  return undefined;
}

function checkFunction(
  node: AstNode,
  ctx: ExprContext,
  err: (m: string, ...n: string[]) => SqlError,
): SqlError | undefined {
  const raw = typeof node.funcid === 'string' ? node.funcid : '';
  const aggregate = SQLITE_AGGREGATES.get(raw.toLowerCase());
  if (aggregate) return toAggregate(node, raw, aggregate, ctx, err);
  const sqlite = SQLITE_FUNCTIONS.get(raw.toLowerCase());
  if (sqlite !== undefined) node.funcid = sqlite;
  else if (JSON_NAMES.has(raw.toLowerCase())) node.funcid = raw.toLowerCase();
  else if (BUILTIN_FUNCTIONS.has(raw.toUpperCase())) node.funcid = raw.toUpperCase();
  else return err(`The function ${raw}() is not allowed here.`, raw);
  const args = node.args === undefined ? [] : node.args;
  if (!Array.isArray(args)) return err('Malformed function call.', raw);
  for (const a of args as unknown[]) {
    const e = checkExpression(a, ctx);
    if (e) return e;
  }
  return undefined;
}

const AggrValue = (alasql as unknown as { yy: { AggrValue: { prototype: object } } }).yy.AggrValue;

/**
 * Makes a checked call the REDUCE aggregate of one of the engine's names for `aggregate.reducer`: the
 * same name for the same call, another (`…_1`, `…_2`) for a call that differs after its first argument
 * (see ExprContext.reducers). Undefined, or the message when a query has more such calls than names.
 */
function becomeAggregate(
  node: AstNode,
  args: unknown[],
  aggregate: SqliteAggregate,
  ctx: ExprContext,
  raw: string,
): SqlError | undefined {
  const reducers = (ctx.reducers ??= new Map<string, string>());
  const signature = `${aggregate.reducer}(${args.map(String).join('\u0000')})`;
  let funcid = reducers.get(signature);
  if (funcid === undefined) {
    const mine = (r: string) => r === aggregate.reducer || r.startsWith(`${aggregate.reducer}_`);
    const taken = [...reducers.values()].filter(mine).length;
    if (taken > AGGREGATE_VARIANTS) {
      return sqlError(
        'not-allowed',
        `A query may have at most ${String(AGGREGATE_VARIANTS + 1)} different ${raw}() calls.`,
        ctx.text,
        locate(ctx.text, [raw]),
      );
    }
    funcid = aggregateVariant(aggregate.reducer, taken);
    reducers.set(signature, funcid);
  }
  Object.setPrototypeOf(node, AggrValue.prototype);
  node.aggregatorid = 'REDUCE';
  node.funcid = funcid;
  node.expression = args[0];
  Reflect.deleteProperty(node, 'over');
  return undefined;
}

/** SQLite's message for an aggregate inside another, with what to write instead. */
function nestedMessage(id: string): string {
  return `${id}() cannot be inside another aggregate (SQLite: misuse of aggregate function). Aggregate once, e.g. COUNT(DISTINCT x), or group in one query and combine the groups in another.`;
}

/** An aggregate's argument, checked with `inAggregate` set, so an aggregate inside it is refused. */
function checkArgument(arg: unknown, ctx: ExprContext): SqlError | undefined {
  const outer = ctx.inAggregate;
  ctx.inAggregate = true;
  try {
    return checkExpression(arg, ctx);
  } finally {
    ctx.inAggregate = outer;
  }
}

/**
 * A call of one of SQLite's aggregates alasql lacks (`group_concat(name, '; ')`), which alasql parsed
 * as a plain function, made the REDUCE aggregate of the engine's reducer, after its arguments are
 * checked. `group_concat(DISTINCT …)` is refused: alasql's parse of a call drops the DISTINCT.
 */
function toAggregate(
  node: AstNode,
  raw: string,
  aggregate: SqliteAggregate,
  ctx: ExprContext,
  err: (m: string, ...n: string[]) => SqlError,
): SqlError | undefined {
  const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
  if (new RegExp(`\\b${raw}\\s*\\(\\s*DISTINCT\\b`, 'i').test(ctx.text)) {
    return err(distinctMessage(raw), raw);
  }
  const e = checkAggregateArgs(args, raw, aggregate, ctx, err);
  if (e) return e;
  ctx.aggregates++;
  return becomeAggregate(node, args, aggregate, ctx, raw);
}

/** `group_concat(…)` as alasql parsed it (a REDUCE aggregate of its own): the engine's reducer. */
function fromParsedReduce(
  node: AstNode,
  raw: string,
  aggregate: SqliteAggregate,
  ctx: ExprContext,
  err: (m: string, ...n: string[]) => SqlError,
): SqlError | undefined {
  const allowed = ['aggregatorid', 'funcid', 'expression', 'args', 'distinct', 'over'];
  const extra = Object.keys(node).find((k) => node[k] !== undefined && k !== 'as' && !allowed.includes(k));
  if (extra !== undefined) return err(`${extra} is not allowed in ${raw}().`, raw);
  if (node.over !== undefined) {
    return err(WINDOW_MESSAGE, 'OVER');
  }
  if (node.distinct === true) {
    return err(distinctMessage(raw), raw);
  }
  const args = Array.isArray(node.args) ? (node.args as unknown[]) : [node.expression];
  const e = checkAggregateArgs(args, raw, aggregate, ctx, err);
  if (e) return e;
  ctx.aggregates++;
  return becomeAggregate(node, args, aggregate, ctx, raw);
}

/** An aggregate's argument count, then each argument, checked. */
function checkAggregateArgs(
  args: readonly unknown[],
  raw: string,
  aggregate: SqliteAggregate,
  ctx: ExprContext,
  err: (m: string, ...n: string[]) => SqlError,
): SqlError | undefined {
  const [min, max] = aggregate.args;
  if (ctx.inAggregate) return err(nestedMessage(raw), raw);
  if (args.length < min || args.length > max) {
    const count = min === max ? String(min) : `${String(min)} or ${String(max)}`;
    return err(`${raw}() takes ${count} argument${max === 1 ? '' : 's'}.`, raw);
  }
  for (const a of args) {
    const e = checkArgument(a, ctx);
    if (e) return e;
  }
  return undefined;
}

/** The message for a node kind that is never allowed in an expression. */
function rejectNode(value: unknown, err: (m: string, ...n: string[]) => SqlError): SqlError {
  const name = className(value);
  const messages: Readonly<Record<string, [string, ...string[]]>> = {
    JavaScript: ['JavaScript (``…``) is not allowed in the playground.', '``'],
    ParamValue: ['Parameters (?, $name, :name) are not allowed: write the value in the query.', '?'],
    VarValue: ['Variables (@name) are not allowed in a SELECT: write the value in the query.'],
    Select: [
      'A sub-query cannot be inside an aggregate: aggregate in the sub-query, e.g. (SELECT SUM(x) FROM …).',
      'SELECT',
    ],
    ExistsValue: ['EXISTS cannot be inside an aggregate.', 'EXISTS'],
    WithSelect: ['WITH comes first, before the SELECT: WITH a AS (SELECT …) SELECT … FROM a.', 'WITH'],
    Json: ['JSON literals ({…} or […]) are not allowed: use strings and json_extract.', '{', '['],
    ArrayValue: ['ARRAY literals are not allowed.', 'ARRAY'],
    GroupExpression: ['ROLLUP, CUBE and GROUPING SETS are not supported.', 'ROLLUP', 'CUBE'],
  };
  const [message, ...needles] = messages[name] ?? [
    `${name === 'object' || name === 'string' ? 'This expression' : name} is not allowed here.`,
  ];
  return err(message, ...needles);
}
