import type { SqlError } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import type { RunExtra, RunSummary } from './core';
import type { Row } from './rows';
import type { LoadSource } from './tables';

/**
 * Messages from the page to the engine worker. Nothing here carries a token: the worker only ever sees
 * rows, call descriptions and SQL text.
 *
 * There is no `cancel` message on purpose: alasql runs a query synchronously, so the worker could not
 * read a cancel message until the run it should stop had finished. The client queues runs itself and
 * stops a running one by terminating the worker.
 */
export type EngineRequest =
  /** A page of a call's rows; `reset` starts the dataset over (its first page). */
  | {
      readonly type: 'load';
      readonly key: string;
      /** The table the rows belong to and their call's param values (the worker has no catalogue). */
      readonly source: LoadSource;
      readonly rows: readonly Row[];
      readonly reset: boolean;
    }
  | { readonly type: 'drop'; readonly key: string }
  /**
   * Run a checked local SELECT (`SelectPlan.query`) over the datasets `keys`, in order, as `table`; a
   * JOIN's other table as `joined`; or, with `distinct`, give the JOIN's keys instead (see EngineCore).
   */
  | ({
      readonly type: 'run';
      readonly id: number;
      readonly query: string;
      readonly table: string;
      readonly keys: readonly string[];
      readonly windowSize: number;
      /** How many SELECTs the query has, for the most rows its answer may have. */
      readonly blocks?: number;
    } & RunExtra)
  /** Rows `offset … offset+limit-1` of an earlier result. */
  | {
      readonly type: 'window';
      readonly id: number;
      readonly resultId: number;
      readonly offset: number;
      readonly limit: number;
    }
  | { readonly type: 'release'; readonly resultId: number };

/** Messages from the engine worker to the page. */
export type EngineResponse =
  /** The engine has started and takes requests (its first message). */
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly key: string; readonly total: number }
  | { readonly type: 'result'; readonly id: number; readonly summary: RunSummary }
  | { readonly type: 'window'; readonly id: number; readonly rows: readonly ResultRow[] }
  | { readonly type: 'error'; readonly id: number; readonly error: SqlError };
