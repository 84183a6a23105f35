import { isIdLike } from './columns';
import type { ChartChoice, ChartKind, ChartSpec, ColumnInfo } from './types';

/** Colours a chart tells apart at a glance: a grouping column with more values is not offered. */
export const MAX_GROUPS = 10;
/** Number columns drawn side by side at most (one series each). */
export const MAX_Y = 6;
/** Up to this many distinct dates (years, months or days) are bars; more, or timestamps, a line. */
const MAX_TIME_BARS = 60;

/** Columns that can go along the x axis: dates first (a time axis reads best), then labels. */
export function xOptions(columns: readonly ColumnInfo[]): ColumnInfo[] {
  return [...columns.filter((c) => c.kind === 'time'), ...columns.filter((c) => c.kind === 'label')];
}

/** Columns that can be plotted as values: every number column, ids included (the reader may want them). */
export function yOptions(columns: readonly ColumnInfo[], x?: string): ColumnInfo[] {
  return columns.filter((c) => c.kind === 'number' && c.name !== x);
}

/** Columns that can colour the marks: labels and dates other than x with few enough values. */
export function groupOptions(columns: readonly ColumnInfo[], x: string): ColumnInfo[] {
  return columns.filter(
    (c) => (c.kind === 'label' || c.kind === 'time') && c.name !== x && c.distinct <= MAX_GROUPS,
  );
}

/** The kind a chart over `x` starts as: bars for labels and few dates, a line for many or timestamps. */
export function defaultKind(x: ColumnInfo): ChartKind {
  if (x.kind !== 'time') return 'bar';
  return x.grain !== 'instant' && x.distinct <= MAX_TIME_BARS ? 'bar' : 'line';
}

/** The number columns a chart proposes: measures, not identifiers, unless ids are all there is. */
function measures(columns: readonly ColumnInfo[], x: string): ColumnInfo[] {
  return yOptions(columns, x).filter((c) => !isIdLike(c.name));
}

/**
 * The chart a result suggests on its own, or undefined when it has nothing to plot: it needs a label
 * or date column and a number column that is not an id. Dates go along x (the first date column, else
 * the first label column); a second label column with few values, when x repeats (long rows such as
 * `month, state, n`), colours the marks.
 */
export function proposeChart(columns: readonly ColumnInfo[], rowCount: number): ChartSpec | undefined {
  const x = xOptions(columns)[0];
  if (!x) return undefined;
  const y = measures(columns, x.name).slice(0, MAX_Y);
  const first = y[0];
  if (!first) return undefined;
  const repeats = x.distinct < rowCount;
  const group = repeats
    ? groupOptions(columns, x.name).find((c) => c.kind === 'label' && c.distinct > 1)
    : undefined;
  return {
    kind: defaultKind(x),
    x: x.name,
    y: group ? [first.name] : y.map((c) => c.name),
    ...(group ? { group: group.name } : {}),
  };
}

/**
 * The chart to draw: the reader's choice where it fits the result (a known x column, number columns
 * for y, a grouping column with few values), the proposal for the rest. Undefined when neither gives
 * an x and a y.
 */
export function resolveChart(
  choice: ChartChoice,
  columns: readonly ColumnInfo[],
  rowCount: number,
): ChartSpec | undefined {
  const proposal = proposeChart(columns, rowCount);
  const xs = xOptions(columns);
  const x = xs.find((c) => c.name === choice.x) ?? xs.find((c) => c.name === proposal?.x) ?? xs[0];
  if (!x) return undefined;
  const numbers = yOptions(columns, x.name).map((c) => c.name);
  const chosenY = (choice.y ?? []).filter((name) => numbers.includes(name));
  const y = chosenY.length > 0 ? chosenY : (proposal?.y ?? measures(columns, x.name).map((c) => c.name));
  const validY = y.filter((name) => numbers.includes(name)).slice(0, MAX_Y);
  const groups = groupOptions(columns, x.name).map((c) => c.name);
  const wanted = choice.group === undefined ? proposal?.group : (choice.group ?? undefined);
  const group = wanted !== undefined && groups.includes(wanted) ? wanted : undefined;
  const first = validY[0];
  if (first === undefined) return undefined;
  return {
    kind: choice.kind ?? (x.name === proposal?.x ? proposal.kind : defaultKind(x)),
    x: x.name,
    y: group ? [first] : validY,
    ...(group ? { group } : {}),
  };
}
