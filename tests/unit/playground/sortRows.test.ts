import { describe, expect, it } from 'vitest';

import { sortOrder } from '../../../src/components/Playground/results/sortRows';
import type { ResultRow } from '../../../src/sql/types';

function sorted(rows: readonly ResultRow[], column: string, direction: 'ascending' | 'descending') {
  return sortOrder(rows, { column, direction }).map((i) => rows[i]?.[column]);
}

describe('sortOrder', () => {
  it('sorts numbers by value, not as text', () => {
    const rows = [{ n: 10 }, { n: 9 }, { n: 100 }, { n: -1 }];
    expect(sorted(rows, 'n', 'ascending')).toEqual([-1, 9, 10, 100]);
    expect(sorted(rows, 'n', 'descending')).toEqual([100, 10, 9, -1]);
  });

  it('sorts strings', () => {
    const rows = [{ s: 'b' }, { s: 'a' }, { s: 'c' }];
    expect(sorted(rows, 's', 'ascending')).toEqual(['a', 'b', 'c']);
    expect(sorted(rows, 's', 'descending')).toEqual(['c', 'b', 'a']);
  });

  it('puts NULL and missing values last in both directions', () => {
    const rows: ResultRow[] = [{ n: null }, { n: 2 }, {}, { n: 1 }, { n: undefined }, { n: 3 }];
    expect(sorted(rows, 'n', 'ascending')).toEqual([1, 2, 3, null, undefined, undefined]);
    expect(sorted(rows, 'n', 'descending')).toEqual([3, 2, 1, null, undefined, undefined]);
  });

  it('is stable: equal keys keep their order, in both directions', () => {
    const rows = [
      { k: 1, id: 'a' },
      { k: 0, id: 'b' },
      { k: 1, id: 'c' },
      { k: null, id: 'd' },
      { k: 0, id: 'e' },
      { k: null, id: 'f' },
    ];
    const ids = (direction: 'ascending' | 'descending') =>
      sortOrder(rows, { column: 'k', direction }).map((i) => rows[i]?.id);
    expect(ids('ascending')).toEqual(['b', 'e', 'a', 'c', 'd', 'f']);
    expect(ids('descending')).toEqual(['a', 'c', 'b', 'e', 'd', 'f']);
  });

  it('orders objects by their JSON text', () => {
    const rows = [{ m: { t: 'b' } }, { m: { t: 'a' } }];
    expect(sorted(rows, 'm', 'ascending')).toEqual([{ t: 'a' }, { t: 'b' }]);
  });

  it('returns positions, leaving the rows untouched', () => {
    const rows = [{ n: 2 }, { n: 1 }];
    expect(sortOrder(rows, { column: 'n', direction: 'ascending' })).toEqual([1, 0]);
    expect(rows).toEqual([{ n: 2 }, { n: 1 }]);
    expect(sortOrder([], { column: 'n', direction: 'ascending' })).toEqual([]);
  });
});
