import type { QueryResult } from '../run/types';

/**
 * The one-line status of a result: rows, where from, how long, what is missing if partial, and the
 * client's note (`QueryResult.note`: GitHub answered with no content, or with a file to download).
 */
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
  // What the client noted (an empty answer, a download's location) belongs to the status too.
  const note = result.note ? ` ${result.note}` : '';
  return `${rows} from ${source} in ${Math.round(result.elapsedMs)} ms.${partial}${note}`;
}
