import type { ChartKind } from './types';

/** Rows a chart draws from at most: more are not fetched from the engine, the reader aggregates. */
export const MAX_CHART_ROWS = 2_000;
/** Bars a chart draws at most: more are too thin to read or to label. */
export const MAX_BARS = 200;
/** Points, dots or area vertices a chart draws at most. */
export const MAX_POINTS = 2_000;

/** Why a chart is not drawn: too many rows or marks, with the limit and the count. */
export interface OverCap {
  readonly limit: number;
  readonly count: number;
  /** `rows`, `bars` or `points`. */
  readonly noun: string;
}

/**
 * Whether a chart of `kind` over `rows` rows and `marks` marks is over its limit: the chart is not
 * drawn then (a picture of 100,000 points says less than its aggregate, and costs seconds to draw).
 */
export function overCap(kind: ChartKind, rows: number, marks: number): OverCap | undefined {
  if (rows > MAX_CHART_ROWS) return { limit: MAX_CHART_ROWS, count: rows, noun: 'rows' };
  const limit = kind === 'bar' ? MAX_BARS : MAX_POINTS;
  if (marks > limit) return { limit, count: marks, noun: kind === 'bar' ? 'bars' : 'points' };
  return undefined;
}
