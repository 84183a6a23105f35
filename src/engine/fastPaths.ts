/**
 * The engine's fast paths: places where it computes a result itself, with plain data operations,
 * instead of running alasql's generated code or the general SQLite-like functions, because it can
 * show that the two give the same result: LIKE matched by a pattern compiled once (like.ts), JSON
 * paths read by steps parsed once (jsonPath.ts), a one-table query's rows walked by the engine, and
 * DISTINCT over plain columns keyed as its rows are built (scan.ts). Each falls back to the general
 * path for anything it does not take.
 *
 * The switches are for the differential tests, which run the same input through both paths and
 * compare; the counters say that a fast path was taken, so a test fails if one silently stops being
 * used. No query can reach this module: compiled code calls only the functions alasql is given.
 */

export type FastPath = 'like' | 'json' | 'distinct' | 'scan';

interface FastPathState {
  /** Whether each path is on (always, unless a test turned one off). */
  readonly on: Record<FastPath, boolean>;
  /** How many times each was taken: LIKE and JSON per value, DISTINCT and the table scan per run. */
  readonly taken: Record<FastPath, number>;
}

/**
 * Read where the paths run, bound once per module (`const state = FAST_PATHS`): they run per row, and
 * an imported binding can be a getter where the engine is not bundled (tsx, Vitest).
 */
export const FAST_PATHS: FastPathState = {
  on: { like: true, json: true, distinct: true, scan: true },
  taken: { like: 0, json: 0, distinct: 0, scan: 0 },
};

/**
 * Turns a fast path on or off, for tests; returns whether it was on. DISTINCT's and the scan's are read
 * when a query compiles (a core keeps its compiled queries), LIKE's and JSON's on every call.
 */
export function setFastPath(path: FastPath, on: boolean): boolean {
  const was = FAST_PATHS.on[path];
  FAST_PATHS.on[path] = on;
  return was;
}

/** How many times each fast path has been taken in this realm. */
export function fastPathCounts(): Readonly<Record<FastPath, number>> {
  return { ...FAST_PATHS.taken };
}
