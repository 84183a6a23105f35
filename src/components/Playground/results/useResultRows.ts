import { useCallback, useEffect, useRef, useState } from 'react';
import type { Engine } from '@site/src/engine/client';
import type { ResultRow } from '@site/src/sql/types';
import type { QueryResult } from '../run/types';

/** Rows fetched from the worker at a time as the reader scrolls. */
const WINDOW = 500;
/** Rows fetched at a time when the whole result is needed (sorting, export). */
const BULK = 5000;

export interface ResultRows {
  /** Row `i` if it is here yet; undefined while its window is on the way. */
  readonly row: (i: number) => ResultRow | undefined;
  /** Asks for the windows covering rows `start … end`. */
  readonly ensure: (start: number, end: number) => void;
  /** Every row of the result, fetched in bulk windows (for sorting and export). */
  readonly all: () => Promise<readonly ResultRow[]>;
  /** Bumps when rows arrive, so the table re-renders. */
  readonly version: number;
}

/**
 * The rows of a result, a window at a time: the first window comes with the result, the rest from
 * the engine worker as they scroll into view, so a 100,000-row result never crosses to the page whole.
 */
export function useResultRows(result: QueryResult | undefined, engine: Engine): ResultRows {
  const rows = useRef<(ResultRow | undefined)[]>([]);
  const asked = useRef(new Set<number>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    rows.current = result ? [...result.rows] : [];
    asked.current = new Set();
    setVersion((v) => v + 1);
  }, [result]);

  const fetchWindow = useCallback(
    async (offset: number, limit: number): Promise<void> => {
      if (result?.resultId === undefined) return;
      const answer = await engine.fetchWindow(result.resultId, offset, limit);
      if (!answer.ok) return;
      answer.value.forEach((r, i) => {
        rows.current[offset + i] = r;
      });
      setVersion((v) => v + 1);
    },
    [engine, result],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      if (!result) return;
      for (let w = Math.floor(start / WINDOW); w * WINDOW <= Math.min(end, result.total - 1); w++) {
        if (asked.current.has(w) || rows.current[w * WINDOW] !== undefined) continue;
        asked.current.add(w);
        void fetchWindow(w * WINDOW, WINDOW);
      }
    },
    [result, fetchWindow],
  );

  const all = useCallback(async (): Promise<readonly ResultRow[]> => {
    if (!result) return [];
    for (let offset = 0; offset < result.total; offset += BULK) {
      if (
        rows.current.slice(offset, offset + BULK).filter(Boolean).length <
        Math.min(BULK, result.total - offset)
      ) {
        await fetchWindow(offset, BULK);
      }
    }
    return rows.current.filter((r): r is ResultRow => r !== undefined);
  }, [result, fetchWindow]);

  const row = useCallback((i: number) => rows.current[i], []);
  return { row, ensure, all, version };
}
