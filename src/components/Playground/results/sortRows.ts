import type { ResultRow } from '@site/src/sql/types';
import { cellText } from './exporters';

export interface SortState {
  readonly column: string;
  readonly direction: 'ascending' | 'descending';
}

function compare(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1; // NULLs last, either way
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [cellText(a), cellText(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Row positions in display order for a column sort (stable; NULLs last in both directions). */
export function sortOrder(rows: readonly ResultRow[], sort: SortState): number[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keys = rows.map((r) => r[sort.column]);
  return keys
    .map((_, i) => i)
    .sort((i, j) => {
      const a = keys[i];
      const b = keys[j];
      const nullish = a === null || a === undefined || b === null || b === undefined;
      return (nullish ? compare(a, b) : sign * compare(a, b)) || i - j;
    });
}
