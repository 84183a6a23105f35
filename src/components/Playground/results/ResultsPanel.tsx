import type { ReactNode } from 'react';
import type { Engine } from '@site/src/engine/client';
import type { RequestLogEntry } from '@site/src/github';
import { ChartView } from '../chart/ChartView';
import type { ResultDisplay, ResultView } from '../chart/types';
import type { QueryResult } from '../run/types';
import { ExportButtons } from './ExportButtons';
import { RequestLog } from './RequestLog';
import { ResultsTable } from './ResultsTable';
import { toJson } from './exporters';
import { resultSummary } from './resultSummary';
import { useResultRows } from './useResultRows';
import styles from './results.module.css';

export interface ResultsPanelProps {
  readonly result: QueryResult | undefined;
  readonly log: readonly RequestLogEntry[];
  readonly engine: Engine;
  readonly apiBaseUrl: string;
  /** Base name of export files, without extension (`org_versions`). */
  readonly exportName: string;
  /** The view and the chart's settings: the playground keeps them, for share links and examples. */
  readonly display: ResultDisplay;
  readonly onDisplay: (display: ResultDisplay) => void;
}

const VIEWS: readonly [ResultView, string][] = [
  ['table', 'Table'],
  ['json', 'JSON'],
  ['requests', 'Requests'],
  ['chart', 'Chart'],
];
/** Rows shown in the JSON view; the export has them all. */
const JSON_ROWS = 200;

/** The result of the last run as a table, JSON, the request log or a chart, with a row count, then exports. */
export function ResultsPanel({
  result,
  log,
  engine,
  apiBaseUrl,
  exportName,
  display,
  onDisplay,
}: ResultsPanelProps): ReactNode {
  const { view } = display;
  const rows = useResultRows(result, engine);
  return (
    <section aria-label="Results">
      <div className={styles.toolbar}>
        <div role="group" aria-label="Result view">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-pressed={view === id}
              className={`button button--sm ${view === id ? 'button--primary' : 'button--secondary'}`}
              onClick={() => {
                onDisplay({ ...display, view: id });
              }}
            >
              {label}
              {id === 'requests' ? ` (${log.length})` : ''}
            </button>
          ))}
        </div>
      </div>
      {/* Not live: it changes with every page of a long list; the playground announces milestones. */}
      <p role="status" aria-live="off" className={result?.partial ? styles.partial : styles.status}>
        {result ? resultSummary(result) : 'Run a query to see results.'}
      </p>
      {view === 'table' && result?.text !== undefined && (
        <pre
          className={styles.answer}
          // Scrolls when long: focusable, so a keyboard can scroll it (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label="Result text"
        >
          {result.text}
        </pre>
      )}
      {view === 'table' && result && result.text === undefined && (
        <ResultsTable result={result} rows={rows} apiBaseUrl={apiBaseUrl} />
      )}
      {view === 'json' && result && (
        <pre
          className={styles.jsonView}
          // Scrolls when long or wide: focusable, so a keyboard can scroll it (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label="Results as JSON"
        >
          {toJson(result.columns, result.rows.slice(0, JSON_ROWS))}
          {result.total > JSON_ROWS
            ? `\n… ${result.total - JSON_ROWS} more rows: use Export JSON for all.`
            : ''}
        </pre>
      )}
      {view === 'requests' && <RequestLog entries={log} />}
      {view === 'chart' && (
        <ChartView
          result={result}
          rows={rows}
          choice={display.chart}
          onChoice={(chart) => {
            onDisplay({ view: 'chart', chart });
          }}
          exportName={exportName}
        />
      )}
      {/* After the rows, so the focus order is results → exports. */}
      {result && <ExportButtons result={result} rows={rows} name={exportName} />}
    </section>
  );
}
