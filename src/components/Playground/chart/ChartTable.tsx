import type { ReactNode } from 'react';
import type { ChartData } from './chartData';
import type { ChartSpec } from './types';
import styles from './chart.module.css';

/** The numbers the chart draws, as a table: its text alternative beside the sentence (closed by default). */
export function ChartTable({
  spec,
  data,
}: {
  readonly spec: ChartSpec;
  readonly data: ChartData;
}): ReactNode {
  const multi = data.series.length > 1;
  const seriesHeader = spec.group ?? 'column';
  return (
    <details className={styles.table}>
      <summary>Data table of the chart ({data.points.length} rows)</summary>
      {/* Scrolls when long: focusable, so a keyboard can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-label="Chart data">
        <table>
          <caption className={styles.visuallyHidden}>The values the chart shows</caption>
          <thead>
            <tr>
              <th scope="col">{spec.x}</th>
              {multi && <th scope="col">{seriesHeader}</th>}
              <th scope="col">{spec.y.length === 1 ? spec.y[0] : 'value'}</th>
            </tr>
          </thead>
          <tbody>
            {data.points.map((p, i) => (
              // Points have no identity of their own; their order is the chart's.
              <tr key={i}>
                <td>{p.xText}</td>
                {multi && <td>{p.series}</td>}
                <td>{p.y}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
