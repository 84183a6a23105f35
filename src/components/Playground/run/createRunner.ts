import type { ApiCall } from '@site/src/resources/calls';
import { getResource } from '@site/src/resources/registry';
import type { Engine, EngineRun } from '@site/src/engine/client';
import { keyTuple } from '@site/src/engine/createEngine';
import { CACHE_TTL_MS, isGitHubError, type GitHubClient } from '@site/src/github';
import { dependentCalls, keyColumns, tooManyCalls } from '@site/src/sql/joinPlan';
import type { SelectPlan, TablePlan } from '@site/src/sql/types';
import type { Result } from '@site/src/sql/errors';
import type { RunSummary } from '@site/src/engine/core';
import { fromSqlError, fromUnknown } from './toPlaygroundError';
import type { DataSource, PlaygroundError, QueryResult, RunProgress } from './types';

export interface SelectOptions {
  readonly client: GitHubClient;
  readonly source: DataSource;
  readonly signal: AbortSignal;
  /** Revalidate with GitHub (ETag) instead of reusing rows fetched in the last minute. */
  readonly refresh?: boolean;
  readonly onProgress: (progress: RunProgress) => void;
  /** A result over the first page while the rest still arrive. */
  readonly onInterim: (result: QueryResult) => void;
}

export type Outcome =
  | { readonly ok: true; readonly result: QueryResult }
  | { readonly ok: false; readonly error: PlaygroundError };

/** What fetching a list of calls came to: the calls whose rows the engine holds, and why it stopped. */
interface Fetched {
  readonly done: readonly ApiCall[];
  readonly rows: number;
  /** What the client said of answers that were not rows (no content, a redirect to a download). */
  readonly notes?: readonly string[];
  readonly partial?: QueryResult['partial'];
  readonly error?: PlaygroundError;
}

/**
 * Runs planned SELECTs: fetches each call's rows (or reuses rows the worker already holds), streams
 * them to the engine page by page, then runs the query. For a JOIN, the driving table's rows come
 * first; the engine gives their distinct keys, and the dependent table is fetched once per key,
 * serially. The token stays with the client; the engine only ever receives rows.
 */
export function createRunner(engine: Engine, now: () => number = Date.now) {
  /**
   * Rows the engine already holds for a call, when a new query may use them with no request: fetched
   * within the client's cache lifetime, and all of them (or at least the `needed` first ones).
   */
  function reusable(base: string, call: ApiCall, needed: number | undefined, refresh: boolean) {
    const entry = engine.status(base, call);
    if (!entry || refresh || entry.fetchedAt === undefined || now() - entry.fetchedAt > CACHE_TTL_MS)
      return undefined;
    return entry.complete || (needed !== undefined && entry.rows >= needed) ? entry : undefined;
  }

  /** Runs on the engine; an abort stops it (the engine replaces a busy worker). */
  async function query(
    run: EngineRun,
    base: string,
    signal: AbortSignal,
    windowSize?: number,
  ): Promise<Result<RunSummary>> {
    const handle = engine.run(run, base, windowSize === undefined ? undefined : { windowSize });
    const stop = (): void => {
      handle.cancel();
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await handle.result;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  /**
   * Fetches calls one after another into the engine. A failure part-way keeps what arrived (a
   * partial result); `progressOf` says how each call is shown.
   */
  async function fetchCalls(
    calls: readonly ApiCall[],
    options: SelectOptions,
    startedAt: number,
    progressOf: (index: number) => Pick<RunProgress, 'calls' | 'callIndex' | 'unit'>,
    limits: {
      readonly maxRows?: number;
      readonly onFirstPage?: () => void;
      /** A JOIN's dependent calls: a first call that fails gives a partial result, not an error. */
      readonly dependent?: boolean;
    } = {},
  ): Promise<Fetched> {
    const { client, signal } = options;
    const base = client.baseUrl;
    let rows = 0;
    const notes: string[] = [];
    for (const [index, call] of calls.entries()) {
      const needed = limits.maxRows === undefined ? undefined : Math.max(limits.maxRows - rows, 0);
      const reuse = reusable(base, call, needed, options.refresh ?? false);
      if (reuse) {
        rows += reuse.rows;
        continue;
      }
      if (signal.aborted) return { done: calls.slice(0, index), rows, error: cancelled() };
      const shown = progressOf(index);
      options.onProgress({ startedAt, phase: 'fetching', ...shown });
      // An object, so TypeScript sees the callback's writes.
      const seen = { delivered: false };
      try {
        const result = await client.run(call, {
          signal,
          maxRows: needed,
          refresh: options.refresh,
          onWait: (wait) => {
            options.onProgress({ startedAt, phase: 'fetching', ...shown, wait });
          },
          onPage: (page) => {
            engine.load(base, call, page.rows, !seen.delivered);
            seen.delivered = true;
            options.onProgress({ startedAt, phase: 'fetching', ...shown, fetch: page.progress });
            if (page.page === 1 && page.progress.lastPage !== 1) limits.onFirstPage?.();
          },
        });
        if (!seen.delivered) engine.load(base, call, [], true);
        rows += result.rows.length;
        if (result.status === 'complete' && result.note !== undefined && !notes.includes(result.note))
          notes.push(result.note);
        if (result.status === 'partial') {
          const partial = {
            pages: result.progress.pages,
            rows: result.progress.rows,
            reason: result.error.message,
          };
          // Later calls were never fetched: query what arrived rather than fail on the missing rows.
          return { done: calls.slice(0, index + 1), rows, partial };
        }
        engine.markFetched(base, call, { complete: !result.truncated, at: now() });
      } catch (error) {
        if (!seen.delivered) engine.drop(base, call);
        const e = fromUnknown(error);
        if ((index === 0 && !limits.dependent) || e.code === 'cancelled')
          return { done: calls.slice(0, index), rows, error: e };
        // Calls before this one are in: a partial result over them, saying what failed.
        return {
          done: calls.slice(0, index),
          rows,
          partial: { pages: 0, rows, reason: e.message },
        };
      }
    }
    return { done: calls, rows, ...(notes.length > 0 ? { notes } : {}) };
  }

  async function select(plan: SelectPlan, options: SelectOptions): Promise<Outcome> {
    const { client, signal } = options;
    const base = client.baseUrl;
    const startedAt = now();
    const join = plan.join;
    const more = (plan.tables ?? []).reduce((n, t) => n + t.calls.length, 0);
    const total = plan.calls.length + more + (join?.feeds.length === 0 ? join.fixed.length : 0);
    const first = await fetchCalls(plan.calls, options, startedAt, (i) => ({ calls: total, callIndex: i }), {
      ...(plan.maxRows === undefined ? {} : { maxRows: plan.maxRows }),
      ...(plan.streamable ? { onFirstPage: () => void interim(plan, options, startedAt) } : {}),
    });
    if (first.error) return { ok: false, error: first.error };
    let partial = first.partial;
    const notes = [...(first.notes ?? [])];
    let run: EngineRun = first.done === plan.calls ? plan : { ...plan, calls: first.done };

    if (join) {
      // Over the driving rows that arrived, even when some did not: the result is then partial.
      const resource = getResource(join.resource);
      let calls: ApiCall[];
      if (join.feeds.length === 0) {
        calls = join.fixed.map((params) => ({ resource: join.resource, method: join.method, params }));
      } else {
        options.onProgress({ startedAt, phase: 'querying', calls: total, callIndex: total - 1 });
        const columns = keyColumns(join);
        // One more row than allowed tells "over the cap" without moving every key to the page.
        const keys = await query(
          {
            ...run,
            joined: { table: join.table, resource: join.resource, calls: [] },
            distinct: { columns },
          },
          base,
          signal,
          join.maxCalls + 1,
        );
        if (!keys.ok) return { ok: false, error: fromSqlError(keys.error) };
        const count = keys.value.total * join.fixed.length;
        if (count > join.maxCalls) {
          return { ok: false, error: fromSqlError(tooManyCalls(join, count, plan.resource ?? plan.table)) };
        }
        // The engine is untrusted: it may only name keys the driving rows have.
        const known = engine.keyTuples(base, run.calls, columns);
        if (keys.value.rows.some((row) => !known.has(keyTuple(row, columns)))) {
          return { ok: false, error: { code: 'engine', message: FORGED_KEYS } };
        }
        const built = dependentCalls(join, resource, keys.value.rows);
        if (!built.ok) return { ok: false, error: fromSqlError(built.error) };
        calls = built.value.slice(0, join.maxCalls);
      }
      const unitName = join.feeds.length > 0 ? join.unit : undefined;
      const second = await fetchCalls(
        calls,
        options,
        startedAt,
        (i) => ({
          calls: plan.calls.length + calls.length,
          callIndex: plan.calls.length + i,
          ...(unitName ? { unit: { name: unitName, index: i, count: calls.length } } : {}),
        }),
        { dependent: true },
      );
      if (second.error) return { ok: false, error: second.error };
      partial = mergePartial(partial, second.partial);
      notes.push(...(second.notes ?? []));
      run = { ...run, joined: { table: join.table, resource: join.resource, calls: second.done } };
    }
    if (plan.tables) {
      // The other resources of a query of several SELECTs, one after another, as the first's calls.
      const fetched: TablePlan[] = [];
      let before = plan.calls.length;
      for (const table of plan.tables) {
        const offset = before;
        const got = await fetchCalls(table.calls, options, startedAt, (i) => ({
          calls: total,
          callIndex: offset + i,
        }));
        if (got.error) return { ok: false, error: got.error };
        partial = mergePartial(partial, got.partial);
        notes.push(...(got.notes ?? []));
        fetched.push(got.done === table.calls ? table : { ...table, calls: got.done });
        before += table.calls.length;
      }
      run = { ...run, tables: fetched };
    }
    if (signal.aborted && !partial) return { ok: false, error: cancelled() };

    options.onProgress({ startedAt, phase: 'querying', calls: total, callIndex: total - 1 });
    const outcome = await query(run, base, signal);
    if (!outcome.ok) return { ok: false, error: fromSqlError(outcome.error) };
    const { value } = outcome;
    return {
      ok: true,
      result: {
        columns: value.columns,
        rows: value.rows,
        total: value.total,
        resultId: value.resultId,
        source: options.source,
        partial,
        interim: false,
        elapsedMs: now() - startedAt,
        ...(notes.length > 0 ? { note: [...new Set(notes)].join(' ') } : {}),
      },
    };
  }

  /** A result over the rows so far, while more pages arrive (plans that are `streamable`). */
  async function interim(plan: SelectPlan, o: SelectOptions, started: number): Promise<void> {
    const early = await engine.run(plan, o.client.baseUrl).result;
    if (early.ok && !o.signal.aborted) {
      const v = early.value;
      o.onInterim({
        columns: v.columns,
        rows: v.rows,
        total: v.total,
        resultId: v.resultId,
        source: o.source,
        interim: true,
        elapsedMs: now() - started,
      });
    }
  }

  /**
   * Forgets every fetched row after a write: a package delete changes its owner's package list and
   * every list of its versions, reached by the org, user and authenticated-user resources alike, so
   * a narrower rule would have to know them all. Writes are rare; the next query simply refetches.
   */
  function invalidate(client: GitHubClient): void {
    engine.expireAll();
    client.clearCache();
  }

  return { select, invalidate, isCancelled: (e: unknown) => isGitHubError(e, 'cancelled') };
}

const FORGED_KEYS =
  'The query engine answered with JOIN keys that are not in the fetched rows, so nothing more was requested. Run the query again.';

/** Both tables' partial notes as one: pages and rows add up, the reasons are both kept. */
function mergePartial(a: QueryResult['partial'], b: QueryResult['partial']): QueryResult['partial'] {
  if (!a || !b) return a ?? b;
  return { pages: a.pages + b.pages, rows: a.rows + b.rows, reason: `${a.reason} ${b.reason}` };
}

function cancelled(): PlaygroundError {
  return { code: 'cancelled', message: 'Query cancelled.' };
}

export type Runner = ReturnType<typeof createRunner>;
