/**
 * What a local SELECT may contain. Everything not listed here is refused by `checkSelect`: alasql
 * compiles SQL to JavaScript and has no safe mode, so the list names what is known to be harmless
 * rather than what is known to be harmful.
 */

/** Binary operators (alasql's `Op.op`). `->` is handled separately: property reads only. */
export const BINARY_OPS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  '=',
  '==',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '||',
  'LIKE',
  'NOT LIKE',
  'ILIKE',
  'IN',
  'NOT IN',
  'BETWEEN',
  'NOT BETWEEN',
  'IS',
  'IS NOT',
  'GLOB',
]);

/** Unary operators; alasql records plain parentheses as a UniOp with no operator. */
export const UNARY_OPS: ReadonlySet<string | null | undefined> = new Set(['NOT', '-', '+', null, undefined]);

/** Aggregates, by alasql's upper-case id. */
export const AGGREGATES: ReadonlySet<string> = new Set(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG', 'TOTAL']);

/** The JSON functions this project adds to alasql (see `json.ts`), by their registered name. */
export const JSON_FUNCTIONS = ['json_extract', 'json_array_length', 'json_type'] as const;

/**
 * SQLite's functions the engine implements itself, as SQLite computes them (src/engine/
 * sqliteFunctions.ts, dateFunctions.ts), by the reader's name (any case) → the name the engine
 * registers. `max` and `min` with two or more arguments are SQLite's scalar functions (with one,
 * alasql parses the aggregate). `len` is the spelling alasql knew before.
 */
export const SQLITE_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['length', 'length'],
  ['len', 'length'],
  ['trim', 'trim'],
  ['ltrim', 'ltrim'],
  ['rtrim', 'rtrim'],
  ['max', 'scalar_max'],
  ['min', 'scalar_min'],
  ['split_part', 'split_part'],
  ['typeof', 'typeof'],
  ['glob', 'glob'],
  ['date', 'date'],
  ['time', 'time'],
  ['datetime', 'datetime'],
  ['julianday', 'julianday'],
  ['unixepoch', 'unixepoch'],
  ['strftime', 'strftime'],
  ['json_object', 'json_object'],
  ['json_array', 'json_array'],
]);

/**
 * SQLite's aggregates alasql lacks, by the reader's name (any case) → the reducer the engine registers
 * (src/engine/sqliteAggregates.ts), with how many arguments each takes. The checker turns the call
 * into an alasql REDUCE aggregate.
 */
export const SQLITE_AGGREGATES: ReadonlyMap<
  string,
  { readonly reducer: string; readonly args: readonly [number, number] }
> = new Map([
  ['group_concat', { reducer: 'STACKQL_GROUP_CONCAT', args: [1, 2] }],
  ['json_group_array', { reducer: 'STACKQL_JSON_GROUP_ARRAY', args: [1, 1] }],
  ['json_group_object', { reducer: 'STACKQL_JSON_GROUP_OBJECT', args: [2, 2] }],
]);

/**
 * How many more names each of SQLITE_AGGREGATES' reducers has (`STACKQL_GROUP_CONCAT_1` …): one per
 * differently written call in a query, since alasql keys an aggregate's state by its first argument.
 */
export const AGGREGATE_VARIANTS = 15;

/** The `index`-th name of a reducer: the reducer's own name first. */
export function aggregateVariant(reducer: string, index: number): string {
  return index === 0 ? reducer : `${reducer}_${String(index)}`;
}

/** alasql's built-in scalar functions the playground allows, upper case (alasql's own spelling). */
export const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS',
  'CEIL',
  'CEILING',
  'FLOOR',
  'ROUND',
  'POWER',
  'SQRT',
  'EXP',
  'GREATEST',
  'LEAST',
  'LOWER',
  'LCASE',
  'UPPER',
  'UCASE',
  'SUBSTR',
  'SUBSTRING',
  'MID',
  'INSTR',
  'REPLACE',
  'CONCAT',
  'CONCAT_WS',
  'COALESCE',
  'IFNULL',
  'ISNULL',
  'NULLIF',
  'IIF',
  'YEAR',
  'MONTH',
  'DAY',
  'DAYOFMONTH',
  'HOUR',
  'MINUTE',
  'SECOND',
  'DATEDIFF',
]);

/** Types `CAST(x AS type)` may convert to. */
export const CAST_TYPES: ReadonlySet<string> = new Set([
  'STRING',
  'TEXT',
  'VARCHAR',
  'INT',
  'INTEGER',
  'NUMBER',
  'FLOAT',
  'REAL',
  'BOOLEAN',
  'DATE',
  'DATETIME',
  'NUMERIC',
  'DECIMAL',
  'DOUBLE',
]);

/** Names a column or property may have: plain identifiers, and none that reach JS prototypes. */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Names every plain JS object has (Object.prototype's members, and `prototype`), lower case. A column,
 * alias or `->` property of one of these names would read a built-in (`metadata->constructor`), and
 * the engine freezes Object.prototype (see src/engine/SECURITY.md), so alasql's own
 * `row['toString'] = …` would fail: they are refused with a message that says why. A fixed list, so
 * the page's planner and the engine's checker agree whatever the realm adds.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'tostring',
  'tolocalestring',
  'valueof',
  'hasownproperty',
  'isprototypeof',
  'propertyisenumerable',
  '__definegetter__',
  '__definesetter__',
  '__lookupgetter__',
  '__lookupsetter__',
]);

/** Whether a name is one every JS object has (see RESERVED_NAMES), in any case. */
export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name.trim().toLowerCase());
}

/** Whether a name is a plain identifier that is not a prototype property. */
export function isSafeName(name: unknown): name is string {
  return typeof name === 'string' && IDENT.test(name) && !isReservedName(name);
}

/**
 * Whether an `AS` alias is safe: short, and no character that ends a JS string (quotes, backslash,
 * line breaks; alasql pastes some aliases into `r['…']` unescaped), and not a reserved name.
 */
export function isSafeAlias(alias: unknown): alias is string {
  return (
    typeof alias === 'string' &&
    alias.length > 0 &&
    alias.length <= 64 &&
    /^[^'"`\\[\]\r\n\u2028\u2029]+$/.test(alias) &&
    !isReservedName(alias)
  );
}
