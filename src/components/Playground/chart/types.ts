/** The marks a chart draws with. */
export const CHART_KINDS = ['bar', 'line', 'area', 'dot'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** What a column's values can be plotted as: `none` for JSON, mixed types or no values at all. */
export type ColumnKind = 'number' | 'time' | 'label' | 'none';

/** How fine a time column's values are: its text (`2024`, `2024-05`, `2024-05-01`, a timestamp). */
export type TimeGrain = 'year' | 'month' | 'day' | 'instant';

/** A column of the result as the chart sees it. */
export interface ColumnInfo {
  readonly name: string;
  readonly kind: ColumnKind;
  /** For `time` columns. */
  readonly grain?: TimeGrain;
  /** Distinct non-null values (counted up to a bound: see `classifyColumns`). */
  readonly distinct: number;
}

/** A chart, complete: what `resolveChart` gives from the reader's choice and the result's columns. */
export interface ChartSpec {
  readonly kind: ChartKind;
  /** The label or date column along the x axis. */
  readonly x: string;
  /** Number columns: one series each (one only when `group` is set). */
  readonly y: readonly string[];
  /** A label column whose values colour the marks: one series per value. */
  readonly group?: string;
}

/**
 * What the reader chose (or a share link or an example carried): each part optional, each checked
 * against the result before use, so a choice that does not fit a result falls back to the proposal.
 */
export interface ChartChoice {
  readonly kind?: ChartKind;
  readonly x?: string;
  readonly y?: readonly string[];
  /** `null`: the reader chose no grouping (stronger than "not chosen", which lets the proposal pick). */
  readonly group?: string | null;
}

/** The results panel's views. */
export type ResultView = 'table' | 'json' | 'requests' | 'chart';

/** Which view the results panel shows, and the chart's settings: what a share link can carry. */
export interface ResultDisplay {
  readonly view: ResultView;
  readonly chart: ChartChoice;
}
