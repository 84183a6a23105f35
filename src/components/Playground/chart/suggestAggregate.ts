import { MAX_BARS } from './chartLimits';
import type { ColumnInfo } from './types';

/** A GROUP BY that turns a result into something to plot, built from its own columns. */
export interface AggregateSuggestion {
  /** What to select instead: `substr(created_at, 1, 7) AS month, COUNT(*) AS n`. */
  readonly select: string;
  /** The clause to add: `GROUP BY substr(created_at, 1, 7)`. */
  readonly groupBy: string;
  /** The whole shape, FROM and WHERE left as `…`: what the page shows. */
  readonly query: string;
}

/** Names the suggestion may write bare: anything else would need quoting the allow-list refuses in GROUP BY. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

function build(expr: string, alias: string): AggregateSuggestion {
  const select = expr === alias ? `${expr}, COUNT(*) AS n` : `${expr} AS ${alias}, COUNT(*) AS n`;
  const groupBy = `GROUP BY ${expr}`;
  return { select, groupBy, query: `SELECT ${select} FROM … ${groupBy}` };
}

/** Counting by month (or by year, when months would be too many bars) for a date column. */
function byTime(c: ColumnInfo): AggregateSuggestion {
  const monthly = c.grain === 'day' || c.grain === 'instant';
  if (monthly && c.distinct > 0) return build(`substr(${c.name}, 1, 7)`, 'month');
  return build(`substr(${c.name}, 1, 4)`, 'year');
}

/**
 * The GROUP BY to add so the result has something to plot, or fewer marks than the limit: count rows
 * per month of a date column (`prefer` first, then any), else per value of the label column with the
 * fewest distinct values. Undefined when no column would do (no plain-named date or label column, or
 * every label as unique as the rows).
 */
export function suggestAggregate(
  columns: readonly ColumnInfo[],
  prefer?: string,
): AggregateSuggestion | undefined {
  const plain = columns.filter((c) => PLAIN.test(c.name));
  const times = plain.filter((c) => c.kind === 'time' && c.grain !== 'year');
  const time = times.find((c) => c.name === prefer) ?? times[0];
  if (time) return byTime(time);
  const labels = plain
    .filter((c) => c.kind === 'label' && c.distinct > 0 && c.distinct <= MAX_BARS)
    .sort((a, b) => a.distinct - b.distinct);
  const label =
    labels.find((c) => c.name === prefer && c.distinct > 1) ??
    labels.find((c) => c.distinct > 1) ??
    labels[0];
  return label ? build(label.name, label.name) : undefined;
}
