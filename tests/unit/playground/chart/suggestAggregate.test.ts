import { describe, expect, it } from 'vitest';
import { classifyColumns } from '../../../../src/components/Playground/chart/columns';
import { suggestAggregate } from '../../../../src/components/Playground/chart/suggestAggregate';
import { VERSIONS } from './fixtures';

describe('suggestAggregate', () => {
  it('counts per month of a timestamp column', () => {
    const columns = classifyColumns(['id', 'name', 'created_at', 'package_type'], VERSIONS);
    expect(suggestAggregate(columns)).toEqual({
      select: 'substr(created_at, 1, 7) AS month, COUNT(*) AS n',
      groupBy: 'GROUP BY substr(created_at, 1, 7)',
      query:
        'SELECT substr(created_at, 1, 7) AS month, COUNT(*) AS n FROM … GROUP BY substr(created_at, 1, 7)',
    });
  });

  it('counts per year when the dates are months already', () => {
    const columns = classifyColumns(['month'], [{ month: '2024-01' }]);
    expect(suggestAggregate(columns)?.groupBy).toBe('GROUP BY substr(month, 1, 4)');
  });

  it('without dates, counts per the label with the fewest values', () => {
    const columns = classifyColumns(['id', 'name', 'package_type'], VERSIONS);
    expect(suggestAggregate(columns)).toMatchObject({
      select: 'package_type, COUNT(*) AS n',
      groupBy: 'GROUP BY package_type',
    });
  });

  it('prefers the column it is given', () => {
    const columns = classifyColumns(['name', 'package_type'], VERSIONS);
    expect(suggestAggregate(columns, 'name')?.groupBy).toBe('GROUP BY name');
  });

  it('writes only plain names: a column that needs quoting is never suggested', () => {
    const rows = [{ 'created at': '2024-01-01T00:00:00Z', 'id:1': 1, '<b>x</b>': 'a' }];
    expect(suggestAggregate(classifyColumns(Object.keys(rows[0] ?? {}), rows))).toBeUndefined();
  });

  it('has nothing to suggest for numbers alone', () => {
    expect(suggestAggregate(classifyColumns(['n'], [{ n: 1 }]))).toBeUndefined();
  });
});
