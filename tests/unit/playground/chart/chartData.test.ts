import { describe, expect, it } from 'vitest';
import {
  overCap,
  MAX_BARS,
  MAX_CHART_ROWS,
  MAX_POINTS,
} from '../../../../src/components/Playground/chart/chartLimits';
import { toChartData } from '../../../../src/components/Playground/chart/chartData';
import { classifyColumns } from '../../../../src/components/Playground/chart/columns';
import { chartTitle, describeChart } from '../../../../src/components/Playground/chart/describeChart';
import { BY_STATE, MONTHS } from './fixtures';

const monthColumns = classifyColumns(['month', 'n'], MONTHS);

describe('toChartData', () => {
  it('gives one point per row, dates parsed, in time order', () => {
    const data = toChartData({ kind: 'bar', x: 'month', y: ['n'] }, monthColumns, [...MONTHS].reverse());
    expect(data.points.map((p) => [p.xText, p.y, p.series])).toEqual([
      ['2023-01', 12, 'n'],
      ['2023-02', 3, 'n'],
      ['2023-03', 41, 'n'],
    ]);
    expect(data.points[0]?.x).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(data.xOrder).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(data.grain).toBe('month');
    expect(data.dropped).toBe(0);
  });

  it('orders labels by their total, largest first, and names series by group value', () => {
    const rows = [
      { who: 'b', state: 'x', n: 1 },
      { who: 'a', state: 'y', n: 5 },
      { who: 'b', state: 'y', n: 7 },
      { who: 'c', state: null, n: 2 },
    ];
    const columns = classifyColumns(['who', 'state', 'n'], rows);
    const data = toChartData({ kind: 'bar', x: 'who', y: ['n'], group: 'state' }, columns, rows);
    expect(data.xOrder).toEqual(['b', 'a', 'c']);
    expect(data.series).toEqual(['x', 'y', '(null)']);
  });

  it('counts and leaves out rows without an x and values that are not numbers', () => {
    const columns = classifyColumns(['month', 'state', 'n'], BY_STATE);
    const data = toChartData({ kind: 'bar', x: 'month', y: ['n'] }, columns, [
      ...BY_STATE,
      { month: null, n: 1 },
    ]);
    expect(data.points).toHaveLength(3);
    expect(data.dropped).toBe(2);
  });

  it('makes one series per y column', () => {
    const rows = [{ m: '2024-01', a: 1, b: 2 }];
    const data = toChartData(
      { kind: 'line', x: 'm', y: ['a', 'b'] },
      classifyColumns(['m', 'a', 'b'], rows),
      rows,
    );
    expect(data.series).toEqual(['a', 'b']);
  });

  it('keeps hostile text as the text it is', () => {
    const name = '<img src=x onerror=alert(1)>';
    const rows = [{ name, n: 1 }];
    const data = toChartData(
      { kind: 'bar', x: 'name', y: ['n'] },
      classifyColumns(['name', 'n'], rows),
      rows,
    );
    expect(data.points[0]?.x).toBe(name);
  });
});

describe('describeChart', () => {
  it('says the kind, the columns, the span, the count and the range', () => {
    const spec = { kind: 'bar', x: 'month', y: ['n'] } as const;
    const data = toChartData(spec, monthColumns, MONTHS);
    expect(chartTitle(spec)).toBe('n by month');
    expect(describeChart(spec, data)).toBe(
      'Bar chart of n by month (2023-01 to 2023-03), 3 bars, from 3 to 41.',
    );
  });

  it('names the series and what was left out', () => {
    const spec = { kind: 'line', x: 'month', y: ['n'], group: 'state' } as const;
    const data = toChartData(spec, classifyColumns(['month', 'state', 'n'], BY_STATE), BY_STATE);
    expect(describeChart(spec, data)).toBe(
      'Line chart of n by month and state (2023-01 to 2023-02), 3 points in 2 series (active and deleted), from 2 to 10. 1 value without a number or x left out.',
    );
  });

  it('says when there is nothing to draw', () => {
    const spec = { kind: 'dot', x: 'month', y: ['n'] } as const;
    expect(describeChart(spec, toChartData(spec, monthColumns, []))).toBe(
      'Dot chart of n by month: no values to draw.',
    );
  });
});

describe('overCap', () => {
  it('refuses more rows than a chart draws from, whatever the kind', () => {
    expect(overCap('line', MAX_CHART_ROWS + 1, 10)).toEqual({
      limit: MAX_CHART_ROWS,
      count: MAX_CHART_ROWS + 1,
      noun: 'rows',
    });
    expect(overCap('line', MAX_CHART_ROWS, MAX_POINTS)).toBeUndefined();
  });

  it('draws at most 200 bars and 2,000 points', () => {
    expect(overCap('bar', 300, MAX_BARS)).toBeUndefined();
    expect(overCap('bar', 300, MAX_BARS + 1)).toEqual({ limit: 200, count: 201, noun: 'bars' });
    expect(overCap('dot', 300, 300)).toBeUndefined();
    expect(overCap('area', 2_000, 2_001)).toEqual({ limit: 2_000, count: 2_001, noun: 'points' });
  });
});
