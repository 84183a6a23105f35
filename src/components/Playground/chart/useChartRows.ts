import { useEffect, useState } from 'react';
import type { ResultRow } from '@site/src/sql/types';
import type { QueryResult } from '../run/types';
import type { ResultRows } from '../results/useResultRows';
import { MAX_CHART_ROWS } from './chartLimits';

/** The rows a chart draws from, and whether they are all here. */
export interface ChartRows {
  readonly rows: readonly ResultRow[];
  /** False while the rest of a result beyond its first window is on the way from the engine. */
  readonly complete: boolean;
}

/**
 * Every row of a result of up to `MAX_CHART_ROWS` rows (asking the engine for the windows past the
 * first); for a bigger result only its first window, to read its columns from: such a chart is not
 * drawn, the reader is asked to aggregate, so 100,000 rows never cross to the page for it.
 */
export function useChartRows(result: QueryResult | undefined, rows: ResultRows): ChartRows {
  const [loaded, setLoaded] = useState<{ result: QueryResult; rows: readonly ResultRow[] } | undefined>();
  const needsMore =
    result !== undefined && result.total <= MAX_CHART_ROWS && result.rows.length < result.total;
  const { all } = rows;
  useEffect(() => {
    if (!needsMore) return;
    let live = true;
    void all().then((every) => {
      if (live) setLoaded({ result, rows: every });
    });
    return () => {
      live = false;
    };
  }, [needsMore, result, all]);
  if (!result) return { rows: [], complete: true };
  if (!needsMore) return { rows: result.rows, complete: true };
  return loaded?.result === result
    ? { rows: loaded.rows, complete: true }
    : { rows: result.rows, complete: false };
}
