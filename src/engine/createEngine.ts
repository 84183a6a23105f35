import { callKey, type ApiCall } from '../resources/calls';
import { sqlError, type Result, type SqlError } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import type { Engine, EngineOptions, EngineRun, RunHandle, WorkerLike } from './client';
import type { RunExtra, RunSummary } from './core';
import type { EngineResponse } from './protocol';
import { rowParams, type Row } from './rows';
import { definitionsOf, loadSource } from './tables';
import { findResource } from '../resources/registry';

interface QueuedRun {
  readonly id: number;
  /** When the page sent it (for the `engine:run` performance measure). */
  startedAt?: number;
  readonly message: {
    query: string;
    table: string;
    keys: readonly string[];
    windowSize: number;
    blocks?: number;
  } & RunExtra;
  readonly timeoutMs: number;
  readonly resolve: (r: Result<RunSummary>) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_WINDOW = 200;

/** What the reader is told when the engine had to be replaced, by what went wrong. */
function faultMessage(event: unknown): string {
  const reason = (event as { reason?: unknown } | null)?.reason;
  const kept = 'Your SQL and the rows already fetched are kept; run the query again.';
  return reason === 'malformed'
    ? `The query engine sent an answer the page does not accept, so it was stopped and restarted. ${kept}`
    : `The query engine stopped unexpectedly (it may have run out of memory) and was restarted. ${kept}`;
}

/**
 * A row's values of `columns` as a JSON array, as the engine shows the row: a field it lacks is null,
 * and a column that is no field is its call's param (`decorateRows`).
 */
export function keyTuple(
  row: Readonly<Record<string, unknown>>,
  columns: readonly string[],
  params: Readonly<Record<string, unknown>> = {},
  fields: ReadonlySet<string> = new Set(),
): string {
  return JSON.stringify(
    columns.map((c) => {
      if (Object.hasOwn(row, c)) return row[c] ?? null;
      return fields.has(c) ? null : (params[c] ?? null);
    }),
  );
}

/** Rows held for a dataset: the sum of its pages. */
function rowCount(d: { readonly pages: readonly (readonly Row[])[] } | undefined): number {
  return d ? d.pages.reduce((n, p) => n + p.length, 0) : 0;
}

/**
 * Records a finished run as the `engine:run` performance measure: from the moment the page sent it
 * to the answer, with the engine's own time in `detail`, so the difference is the round trip (the
 * benchmark reads these).
 */
function measureRun(run: QueuedRun, engineMs: number): void {
  if (run.startedAt === undefined || typeof performance.measure !== 'function') return;
  performance.measure('engine:run', { start: run.startedAt, detail: { engineMs } });
}

/**
 * The page's engine client. Runs are queued and sent one at a time, so a cancel or a time-out only
 * ever has to stop the run in progress, which it does by terminating the worker and starting a fresh
 * one. The client keeps a reference to every page it loaded (the GitHub client holds those rows
 * anyway, so this costs no copy) and sends them to the fresh worker, so a restart loses no data; only
 * earlier results are gone, and `fetchWindow` on one says to run the query again.
 */
export function createEngine(options: EngineOptions): Engine {
  const datasets = new Map<
    string,
    {
      call: Parameters<Engine['load']>[1];
      pages: (readonly Row[])[];
      complete: boolean;
      fetchedAt?: number;
    }
  >();
  const queue: QueuedRun[] = [];
  const windows = new Map<
    number,
    { readonly limit: number; readonly resolve: (r: Result<readonly ResultRow[]>) => void }
  >();
  const results = new Map<number, { generation: number; workerId: number }>();
  let running: { run: QueuedRun; timer: ReturnType<typeof setTimeout> } | undefined;
  let nextId = 0;
  let generation = 0;
  let restarts = 0;
  let disposed = false;
  /**
   * What the current worker may still send unasked: one `ready`, and one `loaded` per page sent. An
   * engine running injected code could flood the page with messages it never asked for; any message
   * beyond these (or for an id nothing waits on) ends that engine instead.
   */
  let expected = { ready: 1, loaded: 0 };
  let worker = start();

  function start(): WorkerLike {
    const w = options.createWorker();
    const gen = generation;
    expected = { ready: 1, loaded: 0 };
    w.onmessage = (event) => {
      if (gen === generation) receive(event.data);
    };
    w.onerror = (event) => {
      if (gen !== generation) return;
      fault(sqlError('engine', faultMessage(event)));
    };
    for (const [key, d] of datasets) {
      d.pages.forEach((rows, i) => {
        expected.loaded++;
        w.postMessage({ type: 'load', key, source: loadSource(d.call), rows, reset: i === 0 });
      });
    }
    return w;
  }

  function restart(): void {
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    generation++;
    restarts++;
    const gone = sqlError(
      'no-data',
      'The query engine was restarted and this result is gone; run the query again.',
    );
    for (const w of windows.values()) w.resolve({ ok: false, error: gone });
    windows.clear();
    results.clear();
    if (!disposed) worker = start();
    next();
  }

  function stopRunning(error: SqlError): void {
    if (!running) return;
    clearTimeout(running.timer);
    running.run.resolve({ ok: false, error });
    running = undefined;
  }

  function next(): void {
    if (running || disposed) return;
    const run = queue.shift();
    if (!run) return;
    const timer = setTimeout(() => {
      const seconds = run.timeoutMs / 1000;
      stopRunning(
        sqlError(
          'timeout',
          `The query ran for more than ${seconds} s and was stopped. Add a LIMIT or a narrower WHERE.`,
        ),
      );
      restart();
    }, run.timeoutMs);
    running = { run, timer };
    run.startedAt = performance.now();
    worker.postMessage({ type: 'run', id: run.id, ...run.message });
  }

  /** A crash or a broken protocol: the engine is not trusted further and is replaced. */
  function fault(error: SqlError): void {
    if (running) stopRunning(error);
    else options.onFault?.(error);
    restart();
  }

  function reject(): void {
    fault(sqlError('engine', faultMessage({ reason: 'malformed' })));
  }

  /**
   * The most rows a run may answer with: no SELECT over one table gives more rows than it holds (or
   * fewer than one: `SELECT COUNT(*)`), and a JOIN no more than the product of its tables' rows.
   */
  function rowBound(message: QueuedRun['message']): number {
    const rows = (keys: readonly string[]) =>
      Math.max(
        1,
        keys.reduce((n, key) => n + rowCount(datasets.get(key)), 0),
      );
    if (message.others || message.blocks !== undefined) {
      // Each SELECT of the query gives at most the rows of all its tables (no JOIN among them).
      const all = [message.keys, ...(message.others ?? []).map((o) => o.keys)].flat();
      return rows(all) * Math.max(1, message.blocks ?? 1);
    }
    return rows(message.keys) * (message.joined && !message.distinct ? rows(message.joined.keys) : 1);
  }

  function receive(msg: EngineResponse): void {
    if (msg.type === 'loaded' || msg.type === 'ready') {
      if (--expected[msg.type] < 0) reject();
      return;
    }
    if (msg.id === running?.run.id && msg.type !== 'window') {
      const { run, timer } = running;
      if (
        msg.type === 'result' &&
        (msg.summary.rows.length > run.message.windowSize || msg.summary.total > rowBound(run.message))
      ) {
        reject();
        return;
      }
      clearTimeout(timer);
      running = undefined;
      if (msg.type === 'error') run.resolve({ ok: false, error: msg.error });
      else {
        const id = ++nextId;
        results.set(id, { generation, workerId: msg.summary.resultId });
        measureRun(run, msg.summary.elapsedMs);
        run.resolve({ ok: true, value: { ...msg.summary, resultId: id } });
      }
      next();
      return;
    }
    const pending = windows.get(msg.id);
    if (!pending || msg.type === 'result' || (msg.type === 'window' && msg.rows.length > pending.limit)) {
      reject();
      return;
    }
    windows.delete(msg.id);
    pending.resolve(msg.type === 'error' ? { ok: false, error: msg.error } : { ok: true, value: msg.rows });
  }

  const closed = sqlError('engine', 'The query engine was shut down; reload the page.');

  return {
    load(apiBaseUrl, call, rows, reset) {
      if (disposed) return;
      const key = callKey(apiBaseUrl, call);
      const fresh: { call: typeof call; pages: (readonly Row[])[]; complete: boolean } = {
        call,
        pages: [],
        complete: false,
      };
      const d = reset ? fresh : (datasets.get(key) ?? fresh);
      d.pages.push(rows);
      datasets.set(key, d);
      expected.loaded++;
      worker.postMessage({
        type: 'load',
        key,
        source: loadSource(call),
        rows,
        reset: reset || d.pages.length === 1,
      });
    },
    markFetched(apiBaseUrl, call, fetched) {
      const d = datasets.get(callKey(apiBaseUrl, call));
      if (!d) return;
      d.complete = fetched.complete;
      d.fetchedAt = fetched.at;
    },
    status(apiBaseUrl, call) {
      const d = datasets.get(callKey(apiBaseUrl, call));
      return (
        d && {
          rows: rowCount(d),
          complete: d.complete,
          ...(d.fetchedAt === undefined ? {} : { fetchedAt: d.fetchedAt }),
        }
      );
    },
    keyTuples(apiBaseUrl, calls, columns) {
      const out = new Set<string>();
      for (const call of calls) {
        const d = datasets.get(callKey(apiBaseUrl, call));
        const resource = findResource(call.resource);
        const params = resource ? rowParams(resource, call) : call.params;
        const fields = new Set(resource?.fields.map((f) => f.name));
        for (const page of d?.pages ?? []) {
          for (const row of page) out.add(keyTuple(row, columns, params, fields));
        }
      }
      return out;
    },
    expireAll() {
      for (const d of datasets.values()) delete d.fetchedAt;
    },
    drop(apiBaseUrl, call) {
      const key = callKey(apiBaseUrl, call);
      datasets.delete(key);
      if (!disposed) worker.postMessage({ type: 'drop', key });
    },
    run(plan, apiBaseUrl, opts): RunHandle {
      const id = ++nextId;
      let resolve: (r: Result<RunSummary>) => void = () => undefined;
      const result = new Promise<Result<RunSummary>>((r) => (resolve = r));
      if (disposed) {
        resolve({ ok: false, error: closed });
        return { result, cancel: () => undefined };
      }
      const keysOf = (calls: readonly ApiCall[]) => calls.map((c) => callKey(apiBaseUrl, c));
      const windowSize = opts?.windowSize ?? options.windowSize ?? DEFAULT_WINDOW;
      const run: QueuedRun = {
        id,
        message: {
          query: plan.query,
          table: plan.table,
          keys: keysOf(plan.calls),
          windowSize,
          ...(plan.joined ? { joined: { table: plan.joined.table, keys: keysOf(plan.joined.calls) } } : {}),
          ...(plan.tables
            ? { others: plan.tables.map((t) => ({ table: t.table, keys: keysOf(t.calls) })) }
            : {}),
          ...(plan.blocks !== undefined ? { blocks: plan.blocks } : {}),
          ...(plan.distinct ? { distinct: { columns: [...plan.distinct.columns] } } : {}),
          definitions: definitionsOf(plan),
        },
        timeoutMs: opts?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        resolve,
      };
      queue.push(run);
      next();
      const cancel = (): void => {
        const queued = queue.indexOf(run);
        const cancelled = sqlError('cancelled', 'The query was cancelled.');
        if (queued >= 0) {
          queue.splice(queued, 1);
          resolve({ ok: false, error: cancelled });
        } else if (running?.run === run) {
          stopRunning(cancelled);
          restart();
        }
      };
      return { result, cancel };
    },
    fetchWindow(resultId, offset, limit) {
      const ref = results.get(resultId);
      if (disposed || ref?.generation !== generation) {
        const gone = sqlError('no-data', 'This result is no longer kept in the engine; run the query again.');
        return Promise.resolve({ ok: false, error: disposed ? closed : gone });
      }
      const id = ++nextId;
      return new Promise((resolve) => {
        windows.set(id, { limit, resolve });
        worker.postMessage({ type: 'window', id, resultId: ref.workerId, offset, limit });
      });
    },
    release(resultId) {
      const ref = results.get(resultId);
      results.delete(resultId);
      if (ref?.generation === generation && !disposed)
        worker.postMessage({ type: 'release', resultId: ref.workerId });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stopRunning(closed);
      for (const q of queue.splice(0)) q.resolve({ ok: false, error: closed });
      for (const w of windows.values()) w.resolve({ ok: false, error: closed });
      windows.clear();
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    },
    get restarts() {
      return restarts;
    },
  };
}

/** The base URL warm-up datasets are filed under: no client has it, so no query ever reads them. */
export const WARM_UP_BASE = 'warm-up:';

/** How long a warm-up may take, the engine's start included. */
const WARM_UP_TIMEOUT_MS = 30_000;

/** A query over no table, for warming up when the page's query cannot be compiled ahead. */
const TRIVIAL_RUN: EngineRun = { query: 'SELECT 1', table: 'no_table', calls: [] };

/** Whether `warmUp` compiles this plan itself: a single-table SELECT (no JOIN, WITH or UNION). */
export function warmable(plan: EngineRun): boolean {
  return !plan.joined && !plan.tables && plan.blocks === undefined;
}

/**
 * Pays the engine's cold start before the reader's first Run: the worker's start (the frame, alasql)
 * and a first compile, with `plan` (the query the page opens with) when it is a single-table SELECT,
 * so that very query is compiled and cached (`core.ts` keys compiled queries by their text, tables
 * and the params of their datasets, not by the rows). It runs over empty datasets of the plan's calls,
 * with their params, filed under `WARM_UP_BASE`, then releases the result and forgets the datasets:
 * nothing is fetched and nothing stays. Runs are queued, so a Run clicked meanwhile waits for it
 * (the compile it would have paid anyway). Resolves when done, with the error when the engine
 * crashed or broke its protocol meanwhile (it restarts itself), else undefined.
 */
export async function warmUp(engine: Engine, plan?: EngineRun): Promise<SqlError | undefined> {
  const run = plan && warmable(plan) ? plan : TRIVIAL_RUN;
  for (const call of run.calls) engine.load(WARM_UP_BASE, call, [], true);
  try {
    const restarts = engine.restarts;
    // Its clock starts before the engine is up, which a slow connection can take longer than a
    // query's 10 s over: timed out, the engine would be restarted and its start paid again.
    const result = await engine.run(run, WARM_UP_BASE, { timeoutMs: WARM_UP_TIMEOUT_MS }).result;
    if (result.ok) engine.release(result.value.resultId);
    // A crash while warming up (the engine was replaced meanwhile; not a refusal, nor an engine shut
    // down) is one between the reader's runs: the caller reports it as such.
    else if (result.error.code === 'engine' && engine.restarts > restarts) return result.error;
    return undefined;
  } finally {
    for (const call of run.calls) engine.drop(WARM_UP_BASE, call);
  }
}
