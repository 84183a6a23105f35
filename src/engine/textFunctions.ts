import { sqlText } from '../sql/text';
import { chargeText } from './budget';
import { jsonExtractEngine } from './jsonPath';
import { sqliteNumber } from './sqliteFunctions';

/**
 * The functions that build new text, as the engine registers them in alasql: each charges what it
 * builds to the run's text budget (see budget.ts) before building it where the size is known up
 * front, and gives what SQLite gives: NULL in gives NULL out (alasql's gave '' for REPLACE and `||`),
 * `REPLACE(x, '', y)` is x, UPPER and LOWER change ASCII letters only.
 *
 * NULL is `undefined` here, as in the code alasql generates.
 */

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** SQLite `replace(X, Y, Z)`: every Y in X replaced by Z; NULL if any is NULL; X when Y is empty. */
export function replace(x: unknown, pattern: unknown, replacement: unknown): string | undefined {
  if (isNull(x) || isNull(pattern) || isNull(replacement)) return undefined;
  const text = sqlText(x);
  const p = sqlText(pattern);
  if (p === '') return text;
  const r = sqlText(replacement);
  let count = 0;
  for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + p.length)) count++;
  chargeText(text.length + count * (r.length - p.length));
  return count === 0 ? text : text.split(p).join(r);
}

/** SQLite `concat(X, …)`: the arguments as text, NULLs skipped. */
export function concat(...args: unknown[]): string {
  const parts = args.filter((a) => !isNull(a)).map(sqlText);
  chargeText(parts.reduce((n, s) => n + s.length, 0));
  return parts.join('');
}

/** SQLite `concat_ws(SEP, X, …)`: the non-NULL arguments joined by SEP; NULL if SEP is NULL. */
export function concatWs(separator: unknown, ...args: unknown[]): string | undefined {
  if (isNull(separator)) return undefined;
  const sep = sqlText(separator);
  const parts = args.filter((a) => !isNull(a)).map(sqlText);
  chargeText(parts.reduce((n, s) => n + s.length, 0) + sep.length * Math.max(parts.length - 1, 0));
  return parts.join(sep);
}

/** SQLite `X || Y`: NULL if either is NULL (alasql's read NULL and 0 as ''). */
export function concatOperator(x: unknown, y: unknown): string | undefined {
  if (isNull(x) || isNull(y)) return undefined;
  const a = sqlText(x);
  const b = sqlText(y);
  chargeText(a.length + b.length);
  return a + b;
}

/**
 * SQLite's `X + Y`: numeric addition, text converted by its numeric prefix (`'10' + 0` is 10), NULL
 * if either is NULL. (alasql's JavaScript `+` joined text instead.)
 */
export function plus(x: unknown, y: unknown): number | undefined {
  if (isNull(x) || isNull(y) || Number.isNaN(x) || Number.isNaN(y)) return undefined;
  if (typeof x === 'number' && typeof y === 'number') return x + y;
  return sqliteNumber(x) + sqliteNumber(y);
}

/** SQLite `upper(X)`: ASCII letters upper-cased, everything else as it is. */
export function upper(x: unknown): string | undefined {
  if (isNull(x)) return undefined;
  const text = sqlText(x);
  chargeText(text.length);
  return text.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** SQLite `lower(X)`: ASCII letters lower-cased, everything else as it is. */
export function lower(x: unknown): string | undefined {
  if (isNull(x)) return undefined;
  const text = sqlText(x);
  chargeText(text.length);
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * `json_extract`, charging the JSON text it builds for objects, arrays and several paths: each
 * path's piece as it is built (30 paths over a 16 MB text built 500 MB when charged only at the end).
 * One path into a parsed document is read by jsonPath.ts's fast path, which charges alike.
 */
export const jsonExtractCharged = jsonExtractEngine;

/** Internal function names the engine's code generation calls for `||` and `+` (see harden.ts). */
export const CONCAT_OPERATOR = '__stackql_concat';
export const PLUS_OPERATOR = '__stackql_plus';

/** Everything above under the name alasql's generated code calls it by (alasql.fn[name]). */
export const TEXT_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  REPLACE: replace,
  CONCAT: concat,
  CONCAT_WS: concatWs,
  UPPER: upper,
  UCASE: upper,
  LOWER: lower,
  LCASE: lower,
  json_extract: jsonExtractCharged,
  [CONCAT_OPERATOR]: concatOperator,
  [PLUS_OPERATOR]: plus,
};
