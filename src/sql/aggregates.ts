/**
 * SQLite's MIN and MAX as alasql reducers. alasql's own MIN/MAX only compare numbers and dates, so
 * `MAX(created_at)` over ISO timestamps (text) would give nothing; SQLite compares any values, NULL
 * ignored, numbers before text. The checker rewrites MIN/MAX to these (see `checkExpr.ts`).
 */

/** SQLite's order of values of different types: numbers first, then text. */
function rank(v: unknown): number {
  return typeof v === 'number' || typeof v === 'bigint' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareSqlValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (ra === 2) return 0;
  return (a as number | string) < (b as number | string)
    ? -1
    : (a as number | string) > (b as number | string)
      ? 1
      : 0;
}

/**
 * A reducer in alasql's protocol: stage 1 starts a group with its first value, stage 2 folds in the
 * next value, stage 3 finishes. `sign` +1 keeps the largest value, -1 the smallest.
 */
function extreme(sign: 1 | -1) {
  return (value: unknown, acc: unknown, stage: number): unknown => {
    const v = value ?? null;
    if (stage === 1) return v;
    if (stage === 3) return acc ?? null;
    if (v === null) return acc;
    if (acc === null || acc === undefined) return v;
    return compareSqlValues(v, acc) * sign > 0 ? v : acc;
  };
}

/** `MAX(x)` as SQLite computes it. */
export const sqliteMax = extreme(1);
/** `MIN(x)` as SQLite computes it. */
export const sqliteMin = extreme(-1);
