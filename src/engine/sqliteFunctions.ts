/**
 * SQLite's scalar functions where alasql's differ, and StackQL's `split_part`, as the engine
 * registers them (see alasqlSetup.ts and allowList.ts): NULL in gives NULL out, text is measured in
 * characters (code points), and what a function builds is charged to the run's text budget.
 *
 * NULL is `undefined` here, as in the code alasql generates.
 */
import { compareSqlValues } from '../sql/aggregates';
import { sqlText } from '../sql/text';
import { chargeText } from './budget';
import { DATE_FUNCTIONS } from './dateFunctions';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** SQLite `length(X)`: characters of text (numbers as their text), NULL for NULL. */
export function length(x: unknown): number | undefined {
  if (isNull(x)) return undefined;
  // Code points, as SQLite counts characters: every UTF-16 unit but the second of a pair.
  const text = sqlText(x);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The characters to trim: SQLite's default is the space only. */
function trimSet(chars: unknown): Set<string> | undefined {
  if (chars === undefined) return new Set([' ']);
  if (chars === null) return undefined;
  return new Set(sqlText(chars));
}

function trimmer(left: boolean, right: boolean) {
  return (...args: unknown[]): string | undefined => {
    const [x, chars] = args;
    const set = trimSet(args.length > 1 ? chars : undefined);
    if (isNull(x) || !set) return undefined;
    const text = Array.from(sqlText(x));
    let start = 0;
    let end = text.length;
    if (left) while (start < end && set.has(text[start] ?? '')) start++;
    if (right) while (end > start && set.has(text[end - 1] ?? '')) end--;
    const out = text.slice(start, end).join('');
    chargeText(out.length);
    return out;
  };
}

/** SQLite `trim(X[, Y])`, `ltrim`, `rtrim`: the characters of Y (default a space) off the ends. */
export const trim = trimmer(true, true);
export const ltrim = trimmer(true, false);
export const rtrim = trimmer(false, true);

/** SQLite's scalar `max(X, Y, …)` and `min(…)`: NULL if any argument is NULL. */
function extreme(sign: 1 | -1) {
  return (...args: unknown[]): unknown => {
    let best: unknown;
    for (const [i, v] of args.entries()) {
      if (isNull(v)) return undefined;
      if (i === 0 || compareSqlValues(v, best) * sign > 0) best = v;
    }
    return best;
  };
}
export const scalarMax = extreme(1);
export const scalarMin = extreme(-1);

/**
 * StackQL's `split_part(text, delimiter, n)` (PostgreSQL's): the n-th field of the text split at the
 * delimiter, counting from 1, or from the end when n is negative; '' past the last field. NULL if
 * any argument is NULL; n = 0 is NULL too (PostgreSQL raises an error). An empty delimiter leaves
 * one field, the whole text.
 */
export function splitPart(x: unknown, delimiter: unknown, n: unknown): string | undefined {
  if (isNull(x) || isNull(delimiter) || isNull(n)) return undefined;
  const index = Math.trunc(Number(n));
  if (!Number.isFinite(index) || index === 0) return undefined;
  const text = sqlText(x);
  const sep = sqlText(delimiter);
  const parts = sep === '' ? [text] : text.split(sep);
  const part = index > 0 ? parts[index - 1] : parts[parts.length + index];
  chargeText(part?.length ?? 0);
  return part ?? '';
}

const NUMERIC_PREFIX = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const INTEGER_PREFIX = /^\s*[+-]?\d+/;

/**
 * A value as a number, as SQLite converts it for arithmetic and CAST: numbers as they are, booleans
 * as 1/0, text by its longest numeric prefix (`'12abc'` is 12, `'abc'` is 0), JSON by its text.
 */
export function sqliteNumber(value: unknown, integer = false): number {
  if (typeof value === 'number') return integer ? Math.trunc(value) : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  const prefix = (integer ? INTEGER_PREFIX : NUMERIC_PREFIX).exec(sqlText(value));
  return prefix ? Number(prefix[0]) : 0;
}

/**
 * SQLite's type affinity of a CAST type name: INT… is INTEGER; CHAR, CLOB or TEXT in it, TEXT; REAL,
 * FLOA or DOUB, REAL; anything else (NUMERIC, DECIMAL, NUMBER, BOOLEAN, DATE, STRING …) NUMERIC.
 */
function affinity(type: string): 'INTEGER' | 'TEXT' | 'REAL' | 'NUMERIC' {
  const t = type.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'TEXT';
  if (/REAL|FLOA|DOUB/.test(t)) return 'REAL';
  return 'NUMERIC';
}

/** SQLite `CAST(x AS type)`, by the type's affinity; NULL stays NULL. Text built is charged. */
export function sqliteCast(value: unknown, type: string): unknown {
  if (isNull(value)) return undefined;
  switch (affinity(type)) {
    case 'TEXT': {
      const text = sqlText(value);
      chargeText(text.length);
      return text;
    }
    case 'INTEGER':
      return sqliteNumber(value, true);
    default:
      return sqliteNumber(value);
  }
}

/**
 * SQLite's `X / Y` and `X % Y` (harden.ts compiles both to these): NULL if either is NULL or Y is 0;
 * integer division (truncated) and remainder when both are integers and SQLite types neither REAL
 * (`real`, see checkExpr.ts isReal); `%` of reals works on their integer parts. Text is converted
 * by its numeric prefix.
 */
export function divide(x: unknown, y: unknown, real: boolean): number | undefined {
  if (isNull(x) || isNull(y)) return undefined;
  const a = sqliteNumber(x);
  const b = sqliteNumber(y);
  if (b === 0 || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  if (!real && Number.isInteger(a) && Number.isInteger(b)) return Math.trunc(a / b);
  return a / b;
}

export function remainder(x: unknown, y: unknown): number | undefined {
  if (isNull(x) || isNull(y)) return undefined;
  const a = Math.trunc(sqliteNumber(x));
  const b = Math.trunc(sqliteNumber(y));
  if (b === 0 || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return a % b;
}

/** SQLite `typeof(x)`: 'null', 'integer', 'real' or 'text' (a JSON column is text in SQLite). */
export function typeOf(x: unknown): string {
  if (isNull(x)) return 'null';
  if (typeof x === 'number') return Number.isInteger(x) ? 'integer' : 'real';
  if (typeof x === 'boolean' || typeof x === 'bigint') return 'integer';
  return 'text';
}

/** A GLOB pattern as a RegExp: `*`, `?` and `[…]` (`[^…]` negated, ranges), case-sensitive. */
function globRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) return /(?!)/;
      let set = pattern.slice(i + 1, close);
      const negate = set.startsWith('^');
      if (negate) set = set.slice(1);
      out += `[${negate ? '^' : ''}${set.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'u');
}

/** SQLite `glob(pattern, x)`, which `x GLOB pattern` calls: NULL if either is NULL. */
export function glob(pattern: unknown, x: unknown): number | undefined {
  if (isNull(pattern) || isNull(x)) return undefined;
  return globRegExp(sqlText(pattern)).test(sqlText(x)) ? 1 : 0;
}

/** Internal names the engine's code generation calls for `/` and `%` (see harden.ts). */
export const DIVIDE_OPERATOR = '__stackql_divide';
export const REMAINDER_OPERATOR = '__stackql_remainder';

/**
 * Every function here and in dateFunctions.ts by the name alasql's generated code calls it by: the
 * checker canonicalises the reader's spelling to it (allowList.ts SQLITE_FUNCTIONS).
 */
export const SQLITE_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  length,
  trim,
  ltrim,
  rtrim,
  scalar_max: scalarMax,
  scalar_min: scalarMin,
  split_part: splitPart,
  typeof: typeOf,
  glob,
  [DIVIDE_OPERATOR]: divide,
  [REMAINDER_OPERATOR]: remainder,
  ...DATE_FUNCTIONS,
};
