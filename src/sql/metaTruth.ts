import { sqlLike } from './like';

/**
 * The values and truth of a SHOW filter (metaFilter.ts), as SQLite would compute them over a listing
 * of text columns: three-valued logic, where a comparison with a missing value is unknown (null), and
 * NOT, AND and OR carry unknown through as SQL does. A row passes only when its condition is true.
 */

/** SQL's three-valued truth: null is unknown. */
export type Truth = boolean | null;

/** A listing cell or a literal of the condition. */
export type Value = string | number | null;

/** A listing cell as a value: text and numbers as they are, anything else as JSON text. */
export function cell(value: unknown): Value {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `=` as SQLite compares a TEXT column with a literal: a number meets text as its text form (the
 * column's affinity), and text compares exactly (`'EXEC' = 'exec'` is false; use LIKE to ignore case).
 */
export function equal(a: Value, b: Value): Truth {
  if (a === null || b === null) return null;
  return typeof a === typeof b ? a === b : String(a) === String(b);
}

/** SQLite's LIKE (ASCII case folded), unknown when either side is missing. */
export function likeOf(pattern: Value, value: Value): Truth {
  if (pattern === null || value === null) return null;
  return sqlLike(pattern, value);
}

/** NOT: unknown stays unknown. */
export function negate(t: Truth): Truth {
  return t === null ? null : !t;
}

/** OR (and IN's list): true if any is true, else unknown if any is unknown. */
export function anyOf(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** AND: false if any is false, else unknown if any is unknown. */
export function allOf(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}
