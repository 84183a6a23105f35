import { describe, expect, it } from 'vitest';
import { classifyColumns } from '../../../../src/components/Playground/chart/columns';
import {
  groupOptions,
  proposeChart,
  resolveChart,
  xOptions,
  yOptions,
} from '../../../../src/components/Playground/chart/proposeChart';
import type { ResultRow } from '../../../../src/sql/types';
import { BY_STATE, MONTHS, VERSIONS } from './fixtures';

function propose(rows: readonly ResultRow[]) {
  const columns = Object.keys(rows[0] ?? {});
  return proposeChart(classifyColumns(columns, rows), rows.length);
}

describe('proposeChart', () => {
  it('proposes bars over time for a few months and a count', () => {
    expect(propose(MONTHS)).toEqual({ kind: 'bar', x: 'month', y: ['n'] });
  });

  it('proposes a line for timestamps', () => {
    const rows = [
      { created_at: '2024-01-01T10:00:00Z', size: 3 },
      { created_at: '2024-01-02T11:00:00Z', size: 5 },
    ];
    expect(propose(rows)).toEqual({ kind: 'line', x: 'created_at', y: ['size'] });
  });

  it('proposes a line for more months than bars read well', () => {
    const rows = Array.from({ length: 61 }, (_, i) => ({
      month: `${String(2000 + Math.floor(i / 12))}-${String(1 + (i % 12)).padStart(2, '0')}`,
      n: i,
    }));
    expect(propose(rows)?.kind).toBe('line');
  });

  it('proposes bars for labels, every number column a series', () => {
    const rows = [
      { name: 'web', version_count: 262, size: 10 },
      { name: 'api', version_count: 118, size: 4 },
    ];
    expect(propose(rows)).toEqual({ kind: 'bar', x: 'name', y: ['version_count', 'size'] });
  });

  it('colours long rows by their second label column', () => {
    expect(propose(BY_STATE)).toEqual({ kind: 'bar', x: 'month', y: ['n'], group: 'state' });
  });

  it('proposes nothing for ids and names (no measure), a lone count (no x) or no rows', () => {
    expect(propose(VERSIONS)).toBeUndefined();
    expect(propose([{ n: 3 }])).toBeUndefined();
    expect(proposeChart([], 0)).toBeUndefined();
  });
});

describe('options', () => {
  const columns = classifyColumns(
    ['month', 'state', 'n', 'id'],
    BY_STATE.map((r, i) => ({ ...r, id: i })),
  );
  it('offers dates then labels for x, every number for y, few-valued others for the colour', () => {
    expect(xOptions(columns).map((c) => c.name)).toEqual(['month', 'state']);
    expect(yOptions(columns, 'month').map((c) => c.name)).toEqual(['n', 'id']);
    expect(groupOptions(columns, 'month').map((c) => c.name)).toEqual(['state']);
    expect(groupOptions(columns, 'state').map((c) => c.name)).toEqual(['month']);
  });

  it('does not offer a colour column with more values than colours', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ month: '2024-01', who: `u${String(i)}`, n: i }));
    expect(groupOptions(classifyColumns(['month', 'who', 'n'], rows), 'month')).toEqual([]);
  });
});

describe('resolveChart', () => {
  const columns = classifyColumns(
    ['month', 'state', 'n', 'id'],
    BY_STATE.map((r, i) => ({ ...r, id: i })),
  );

  it('is the proposal when nothing was chosen', () => {
    expect(resolveChart({}, columns, 4)).toEqual({ kind: 'bar', x: 'month', y: ['n'], group: 'state' });
  });

  it('keeps what fits the result: kind, x, y, group', () => {
    expect(resolveChart({ kind: 'line', x: 'state', y: ['id'], group: 'month' }, columns, 4)).toEqual({
      kind: 'line',
      x: 'state',
      y: ['id'],
      group: 'month',
    });
  });

  it('ignores names that are not columns of the right kind, falling back to the proposal', () => {
    expect(resolveChart({ x: 'nope', y: ['state', 'ghost'], group: 'n' }, columns, 4)).toEqual({
      kind: 'bar',
      x: 'month',
      y: ['n'],
    });
  });

  it('honours "no grouping" over the proposal, and draws one y when grouped', () => {
    expect(resolveChart({ group: null, y: ['n', 'id'] }, columns, 4)).toEqual({
      kind: 'bar',
      x: 'month',
      y: ['n', 'id'],
    });
    expect(resolveChart({ group: 'state', y: ['n', 'id'] }, columns, 4)?.y).toEqual(['n']);
  });

  it('plots ids when the reader asks, though it never proposes them', () => {
    const versions = classifyColumns(['id', 'created_at'], [{ id: 1, created_at: '2024-01-01T00:00:00Z' }]);
    expect(resolveChart({}, versions, 1)).toBeUndefined();
    expect(resolveChart({ y: ['id'] }, versions, 1)).toEqual({ kind: 'line', x: 'created_at', y: ['id'] });
  });

  it('takes the kind that suits a newly chosen x when none was chosen', () => {
    expect(resolveChart({ x: 'state', group: null }, columns, 4)?.kind).toBe('bar');
  });
});
