import { valueKey } from './distinct';

/**
 * `x IN (SELECT …)` and `x NOT IN (SELECT …)` as SQLite answers them, which alasql's own code does not
 * (it says false where SQLite says NULL). The sub-query's values become a set once (harden.ts keeps it
 * for the run unless the sub-query is correlated), keyed by type and value as DISTINCT keys them.
 */

/** A sub-query's values, as `x IN (…)` looks them up. */
export interface ValueSet {
  readonly keys: ReadonlySet<string>;
  readonly hasNull: boolean;
  readonly size: number;
}

/** The values of a sub-query's one column (alasql's flattened result). */
export function subqueryValues(values: unknown): ValueSet {
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  const keys = new Set<string>();
  let hasNull = false;
  for (const v of list) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) hasNull = true;
    else keys.add(valueKey(v));
  }
  return { keys, hasNull, size: list.length };
}

/**
 * SQLite's `x IN (sub-query)` (`negate`: NOT IN): over no rows false (true); NULL when x is NULL;
 * true (false) when a value equals x; otherwise NULL when a value is NULL, else false (true).
 */
export function inValues(x: unknown, set: ValueSet, negate: boolean): boolean | undefined {
  if (set.size === 0) return negate;
  if (x === null || x === undefined) return undefined;
  if (set.keys.has(valueKey(x))) return !negate;
  return set.hasNull ? undefined : negate;
}

/** The names alasql's generated code calls these by (see harden.ts). */
export const IN_VALUES = '__stackql_in';
export const SUBQUERY_VALUES = '__stackql_subquery_values';
