import type { ApiCall } from '../resources/calls';
import type { Result, SqlError } from '../sql/errors';
import type { ResultRow, SelectPlan } from '../sql/types';
import type { RunSummary } from './core';
import type { EngineRequest, EngineResponse } from './protocol';
import type { Row } from './rows';

/**
 * What the engine runs: a plan's query over its calls' rows, and for a JOIN the other table's calls;
 * or, with `distinct`, the JOIN's keys (the distinct values of those columns of the plan's table).
 */
export interface EngineRun extends Pick<
  SelectPlan,
  'query' | 'resource' | 'table' | 'calls' | 'tables' | 'blocks'
> {
  readonly joined?: {
    readonly table: string;
    readonly resource?: string;
    readonly calls: readonly ApiCall[];
  };
  readonly distinct?: { readonly columns: readonly string[] };
}

/** What the client needs of a Worker; a real `Worker` fits, and so does the tests' in-process fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: EngineResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface EngineOptions {
  /** Starts a worker: `createSandboxWorker` in the browser, a fake in tests. */
  readonly createWorker: () => WorkerLike;
  /** A run over this many milliseconds is stopped (default 10,000). */
  readonly timeoutMs?: number;
  /** Rows in the first window of a result (default 200). */
  readonly windowSize?: number;
  /**
   * Told when the engine crashed or broke the protocol while no run was waiting for it, and was
   * restarted (a run that was waiting gets the same error as its result instead).
   */
  readonly onFault?: (error: SqlError) => void;
}

/** A started run: its outcome, and a way to stop it. */
export interface RunHandle {
  readonly result: Promise<Result<RunSummary>>;
  /** Stops the run: dropped from the queue, or, if running, the worker is replaced. */
  cancel(): void;
}

/** What the engine holds for one call. */
export interface DatasetStatus {
  readonly rows: number;
  /** Every page arrived. */
  readonly complete: boolean;
  /** When the last fetch of it ended (epoch ms); undefined while pages still arrive, or once expired. */
  readonly fetchedAt?: number;
}

/** The page's side of the engine. Nothing here blocks: every answer comes back as a promise. */
export interface Engine {
  /** Sends a page of a call's rows to the worker (`reset` for the first page of a fetch). */
  load(apiBaseUrl: string, call: ApiCall, rows: readonly Row[], reset: boolean): void;
  /**
   * Records that a fetch of a call ended at `at` (epoch ms): with all its pages (`complete`), or cut
   * short by a LIMIT push-down. Until the next `load` with `reset`, `status` reports it.
   */
  markFetched(
    apiBaseUrl: string,
    call: ApiCall,
    fetched: { readonly complete: boolean; readonly at: number },
  ): void;
  /**
   * What the engine holds for a call, or undefined: the one record of which rows are loaded. A new
   * query reuses a fetched dataset while it is fresh (see `CACHE_TTL_MS`), with no request and no
   * re-transfer. Survives worker restarts (pages are re-sent).
   */
  status(apiBaseUrl: string, call: ApiCall): DatasetStatus | undefined;
  /** Marks every dataset as stale (after a write): the next query fetches again. Rows stay until then. */
  expireAll(): void;
  /**
   * The distinct values of `columns` over the rows this page sent for `calls` (a column the rows lack
   * is the call's param, as the engine shows it), each as a JSON array: a JOIN's keys come from the
   * engine, which is untrusted, so the page accepts only keys its own rows have.
   */
  keyTuples(apiBaseUrl: string, calls: readonly ApiCall[], columns: readonly string[]): ReadonlySet<string>;
  /** Forgets a call's rows, here and in the worker. */
  drop(apiBaseUrl: string, call: ApiCall): void;
  /** Runs a planned SELECT over the rows loaded for its calls; runs are queued, one at a time. */
  run(
    plan: EngineRun,
    apiBaseUrl: string,
    options?: { readonly timeoutMs?: number; readonly windowSize?: number },
  ): RunHandle;
  /** Rows `offset … offset+limit-1` of a result a run returned. */
  fetchWindow(resultId: number, offset: number, limit: number): Promise<Result<readonly ResultRow[]>>;
  /** Frees a result the page no longer shows. */
  release(resultId: number): void;
  /** Stops the worker; later calls answer with an error. */
  dispose(): void;
  /** How many times the worker was replaced (after a timeout, a cancel or a crash). */
  readonly restarts: number;
}

export { createEngine } from './createEngine';
