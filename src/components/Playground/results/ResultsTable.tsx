import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResultRow } from '@site/src/sql/types';
import type { QueryResult } from '../run/types';
import { Cell } from './Cell';
import { cellText } from './exporters';
import { sortOrder, type SortState } from './sortRows';
import type { ResultRows } from './useResultRows';
import styles from './results.module.css';

export interface ResultsTableProps {
  readonly result: QueryResult;
  readonly rows: ResultRows;
  readonly apiBaseUrl: string;
}

const ROW_HEIGHT = 34;

/**
 * The result as an ARIA table, virtualized: only the rows in view are in the DOM, and their windows
 * are fetched from the worker as they scroll in. Header buttons sort (the whole result, in the page).
 */
export function ResultsTable({ result, rows, apiBaseUrl }: ResultsTableProps): ReactNode {
  const scroller = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<SortState | undefined>();
  const [order, setOrder] = useState<{ rows: readonly ResultRow[]; order: number[] } | undefined>();
  const [inspected, setInspected] = useState<object | undefined>();
  const { columns, total } = result;

  useEffect(() => {
    setSort(undefined);
    setOrder(undefined);
    setInspected(undefined);
  }, [result]);

  useEffect(() => {
    if (!sort) return;
    let live = true;
    void rows.all().then((all) => {
      if (live) setOrder({ rows: all, order: sortOrder(all, sort) });
    });
    return () => {
      live = false;
    };
  }, [sort, rows]);

  // We do not use the React Compiler, so the virtualizer's unmemoizable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (!sort) rows.ensure(first, last);
  }, [first, last, rows, sort]);

  const rowAt = (i: number): ResultRow | undefined =>
    sort && order ? order.rows[order.order[i] ?? -1] : sort ? undefined : rows.row(i);
  const gridTemplateColumns = columnWidths(columns, result.rows);

  return (
    <>
      <div
        ref={scroller}
        className={styles.scroller}
        // A scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Result rows, scrollable"
      >
        <div role="table" aria-label="Query results" aria-rowcount={total + 1} className={styles.table}>
          <div role="rowgroup" className={styles.head}>
            <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns }}>
              {columns.map((c) => {
                const active = sort?.column === c ? sort.direction : undefined;
                return (
                  <div role="columnheader" key={c} aria-sort={active ?? 'none'} className={styles.th}>
                    <button
                      type="button"
                      className={styles.sort}
                      onClick={() => {
                        setSort({
                          column: c,
                          direction: active === 'ascending' ? 'descending' : 'ascending',
                        });
                      }}
                    >
                      {c}
                      <span aria-hidden="true">
                        {active === 'ascending' ? ' ▲' : active === 'descending' ? ' ▼' : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  role="row"
                  key={item.key}
                  aria-rowindex={item.index + 2}
                  className={styles.row}
                  style={{
                    gridTemplateColumns,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {columns.map((c) => (
                    <div role="cell" key={c} className={styles.td}>
                      {row ? (
                        <Cell value={row[c]} apiBaseUrl={apiBaseUrl} onInspect={setInspected} />
                      ) : (
                        <span className={styles.loading}>…</span>
                      )}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {inspected !== undefined && (
        <section aria-label="Cell value" className={styles.inspector}>
          <button
            type="button"
            className={styles.expand}
            onClick={() => {
              setInspected(undefined);
            }}
          >
            Collapse
          </button>
          <pre className={styles.jsonPre}>{JSON.stringify(inspected, null, 2)}</pre>
        </section>
      )}
    </>
  );
}

/** Fixed column widths from the names and the first window, so every virtual row lines up. */
function columnWidths(columns: readonly string[], sample: readonly ResultRow[]): string {
  return columns
    .map((c) => {
      let longest = c.length + 2;
      for (const row of sample.slice(0, 200)) {
        const text = cellText(row[c]);
        longest = Math.max(longest, Math.min(text.length, 48));
      }
      // ch counts characters; the cell's padding comes on top.
      return `calc(${Math.max(longest + 1, 6)}ch + 1.4rem)`;
    })
    .join(' ');
}
