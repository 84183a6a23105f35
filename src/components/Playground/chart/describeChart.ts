import type { ChartData } from './chartData';
import type { ChartKind, ChartSpec } from './types';

const KIND_NAMES: Readonly<Record<ChartKind, string>> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  dot: 'Dot chart',
};
const MARK_NOUNS: Readonly<Record<ChartKind, readonly [string, string]>> = {
  bar: ['bar', 'bars'],
  line: ['point', 'points'],
  area: ['point', 'points'],
  dot: ['dot', 'dots'],
};

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `a`, `a and b`, `a, b and c`. */
function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function count(n: number, [one, many]: readonly [string, string]): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** The chart's title, from the column names: `n by month`, `n by month and state`. */
export function chartTitle(spec: ChartSpec): string {
  const by = spec.group === undefined ? spec.x : `${spec.x} and ${spec.group}`;
  return `${list(spec.y)} by ${by}`;
}

/**
 * What the chart shows, in one sentence, for readers who cannot see it: `Bar chart of n by month
 * (2023-01 to 2023-09), 9 bars, from 3 to 41.` With several series it names them (up to five).
 */
export function describeChart(spec: ChartSpec, data: ChartData): string {
  const { points, series } = data;
  if (points.length === 0) return `${KIND_NAMES[spec.kind]} of ${chartTitle(spec)}: no values to draw.`;
  const first = data.xOrder[0] ?? '';
  const last = data.xOrder.at(-1) ?? '';
  const span = data.grain !== undefined && first !== last ? ` (${first} to ${last})` : '';
  const values = points.map((p) => p.y);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range =
    min === max ? `all ${NUMBER.format(min)}` : `from ${NUMBER.format(min)} to ${NUMBER.format(max)}`;
  const grouped =
    series.length > 1
      ? ` in ${NUMBER.format(series.length)} series${series.length <= 5 ? ` (${list(series)})` : ''}`
      : '';
  const dropped =
    data.dropped > 0 ? ` ${count(data.dropped, ['value', 'values'])} without a number or x left out.` : '';
  return `${KIND_NAMES[spec.kind]} of ${chartTitle(spec)}${span}, ${count(points.length, MARK_NOUNS[spec.kind])}${grouped}, ${range}.${dropped}`;
}
