/**
 * Whether rows of the first page can be shown before the rest arrive without misleading: not when
 * the query sorts, groups, de-duplicates or aggregates, since more pages would change what it shows.
 * Errs on the side of waiting: a false "no" only delays the first rows until all pages are in.
 */
const NEEDS_ALL_ROWS = /\b(ORDER\s+BY|GROUP\s+BY|DISTINCT|HAVING|COUNT|SUM|MIN|MAX|AVG|TOTAL|UNION)\b/i;

export function isStreamable(query: string): boolean {
  return !NEEDS_ALL_ROWS.test(query);
}
