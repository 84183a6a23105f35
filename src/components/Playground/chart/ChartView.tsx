import { useMemo, type ReactNode } from 'react';
import type { QueryResult } from '../run/types';
import type { ResultRows } from '../results/useResultRows';
import { ChartControls } from './ChartControls';
import { ChartFigure } from './ChartFigure';
import { overCap } from './chartLimits';
import { toChartData } from './chartData';
import { classifyColumns } from './columns';
import { describeChart } from './describeChart';
import { NothingToPlot, TooBig } from './NoChart';
import { resolveChart } from './proposeChart';
import { suggestAggregate } from './suggestAggregate';
import type { ChartChoice } from './types';
import { useChartRows } from './useChartRows';
import { usePlotRenderer } from './usePlotRenderer';
import styles from './chart.module.css';

export interface ChartViewProps {
  readonly result: QueryResult | undefined;
  readonly rows: ResultRows;
  readonly choice: ChartChoice;
  readonly onChoice: (choice: ChartChoice) => void;
  /** File name of the image exports, without extension. */
  readonly exportName: string;
}

/**
 * The Chart view: the chart the result suggests (or the reader chose), its settings, and in words why
 * there is none when there is none. The logic is in pure modules (`columns`, `proposeChart`,
 * `chartData`, `chartLimits`, `describeChart`, `suggestAggregate`); Plot loads with the view.
 */
export function ChartView({ result, rows, choice, onChoice, exportName }: ChartViewProps): ReactNode {
  const renderer = usePlotRenderer();
  const { rows: chartRows, complete } = useChartRows(result, rows);
  const columns = useMemo(() => classifyColumns(result?.columns ?? [], chartRows), [result, chartRows]);
  const spec = useMemo(() => resolveChart(choice, columns, chartRows.length), [choice, columns, chartRows]);
  const data = useMemo(
    () => (spec ? toChartData(spec, columns, chartRows) : undefined),
    [spec, columns, chartRows],
  );
  const description = useMemo(() => (spec && data ? describeChart(spec, data) : ''), [spec, data]);

  if (!result) return <p className={styles.message}>Run a query to see its chart.</p>;
  if (result.text !== undefined || result.columns.length === 0)
    return <NothingToPlot suggestion={undefined} />;
  if (!spec || !data) return <NothingToPlot suggestion={suggestAggregate(columns)} />;
  const over = overCap(spec.kind, result.total, data.points.length);
  return (
    <div className={styles.view}>
      <ChartControls columns={columns} spec={spec} onChange={onChoice} />
      {over ? (
        <TooBig over={over} suggestion={suggestAggregate(columns, spec.x)} />
      ) : result.interim || !complete ? (
        <p className={styles.message}>Drawing the chart when every row has arrived…</p>
      ) : renderer.state === 'failed' ? (
        <p className={styles.message}>{renderer.message}</p>
      ) : renderer.state === 'loading' ? (
        <p className={styles.message}>Loading the chart…</p>
      ) : (
        <ChartFigure
          renderer={renderer}
          spec={spec}
          data={data}
          description={description}
          exportName={exportName}
        />
      )}
    </div>
  );
}
