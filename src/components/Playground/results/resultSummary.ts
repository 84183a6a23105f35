import type { QueryResult } from '../run/types';

/** The one-line status of a result: rows, where from, how long, and what is missing if partial. */
export function resultSummary(result: QueryResult): string {
  // Plain digits ("100000 rows"), so the count reads the same to people, screen readers and scripts.
  const rows = `${result.total} ${result.total === 1 ? 'row' : 'rows'}`;
  const source = {
    sample: 'sample data',
    github: 'GitHub',
    definition: 'the resource definition (no request)',
  }[result.source];
  if (result.interim) return `${rows} so far from ${source}; more pages are on the way`;
  const partial = result.partial
    ? ` Partial result: ${result.partial.pages} pages (${result.partial.rows} rows) arrived; the rest did not: ${result.partial.reason}`
    : '';
  return `${rows} from ${source} in ${Math.round(result.elapsedMs)} ms.${partial}`;
}
