import type { ResultRow } from '@site/src/sql/types';
import { parseTime } from './columns';
import type { ChartSpec, ColumnInfo, TimeGrain } from './types';

/** One mark's worth of data: a bar, a point of a line or area, a dot. */
export interface ChartPoint {
  /** A Date on a time axis, the label's text otherwise. */
  readonly x: Date | string;
  /** x as the reader reads it: the cell's own text (`2024-05`). */
  readonly xText: string;
  readonly y: number;
  /** The y column's name (several y columns) or the grouping column's value. */
  readonly series: string;
}

/** The points to draw, in x order, and what was left out. */
export interface ChartData {
  readonly points: readonly ChartPoint[];
  /** x values in axis order: time ascending, labels by their total, largest first. */
  readonly xOrder: readonly string[];
  /** Series in order of first appearance (one when there is neither a group nor several y columns). */
  readonly series: readonly string[];
  /** Rows without an x, or points without a number. */
  readonly dropped: number;
  /** The grain of a time x; undefined for labels. */
  readonly grain?: TimeGrain;
}

/** The text a group value is shown as: NULL has a name of its own. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '(null)';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- cells here are text, numbers or booleans
  return String(value);
}

/**
 * The result's rows as chart points: one per row and y column. Time x values are parsed; labels
 * stay text. A row with no x, or a y that is not a finite number, is counted, not drawn.
 */
export function toChartData(
  spec: ChartSpec,
  columns: readonly ColumnInfo[],
  rows: readonly ResultRow[],
): ChartData {
  const xInfo = columns.find((c) => c.name === spec.x);
  const time = xInfo?.kind === 'time';
  const points: ChartPoint[] = [];
  let dropped = 0;
  for (const row of rows) {
    const raw = row[spec.x];
    if (raw === null || raw === undefined) {
      dropped += spec.y.length;
      continue;
    }
    const xText = valueText(raw);
    const x = time ? parseTime(xText)?.date : xText;
    for (const name of spec.y) {
      const y = row[name];
      if (x === undefined || typeof y !== 'number' || !Number.isFinite(y)) {
        dropped++;
        continue;
      }
      const series = spec.group !== undefined ? valueText(row[spec.group]) : name;
      points.push({ x, xText, y, series });
    }
  }
  const series = [...new Set(points.map((p) => p.series))];
  if (time) {
    points.sort((a, b) => (a.x as Date).getTime() - (b.x as Date).getTime());
    return { points, xOrder: [...new Set(points.map((p) => p.xText))], series, dropped, grain: xInfo.grain };
  }
  const totals = new Map<string, number>();
  for (const p of points) totals.set(p.xText, (totals.get(p.xText) ?? 0) + p.y);
  // Labels by their total, largest first (a stable sort keeps first appearance among equals).
  const xOrder = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  return { points, xOrder, series, dropped };
}
