import { callKey, type ApiCall } from '@site/src/resources/calls';
import type { Engine } from '@site/src/engine/client';
import { isGitHubError, type GitHubClient } from '@site/src/github';
import type { SelectPlan } from '@site/src/sql/types';
import type { Result } from '@site/src/sql/errors';
import type { RunSummary } from '@site/src/engine/core';
import { isStreamable } from './streamable';
import { fromSqlError, fromUnknown } from './toPlaygroundError';
import type { DataSource, PlaygroundError, QueryResult, RunProgress } from './types';

/** How long fetched rows are reused by a new query with no request at all (the client's cache TTL). */
export const REUSE_MS = 60_000;

/** Rows the worker holds for a call. The engine re-sends them to a fresh worker after a restart. */
interface Loaded {
  readonly at: number;
  readonly rows: number;
  /** All pages arrived (not cut short by a LIMIT push-down). */
  readonly complete: boolean;
}

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

/**
 * Runs planned SELECTs: fetches each call's rows (or reuses rows the worker already holds), streams
 * them to the engine page by page, then runs the query. The token stays with the client; the engine
 * only ever receives rows.
 */
export function createRunner(engine: Engine, now: () => number = Date.now) {
  const loaded = new Map<string, Loaded>();

  function reusable(key: string, needed: number | undefined, refresh: boolean): Loaded | undefined {
    const entry = loaded.get(key);
    if (!entry || refresh || now() - entry.at > REUSE_MS) return undefined;
    return entry.complete || (needed !== undefined && entry.rows >= needed) ? entry : undefined;
  }

  /** Runs the query in the worker; an abort stops it (the engine replaces a busy worker). */
  async function query(plan: SelectPlan, base: string, signal: AbortSignal): Promise<Result<RunSummary>> {
    const handle = engine.run(plan, base);
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

  async function select(plan: SelectPlan, options: SelectOptions): Promise<Outcome> {
    const { client, signal } = options;
    const base = client.baseUrl;
    const startedAt = now();
    const streamable = plan.calls.length === 1 && isStreamable(plan.query);
    let partial: QueryResult['partial'];
    let fetchedRows = 0;
    // The calls whose rows the engine holds for this run: all of them, unless one stopped part-way.
    let calls = plan.calls;

    for (const [index, call] of plan.calls.entries()) {
      const key = callKey(base, call);
      const needed = plan.maxRows === undefined ? undefined : Math.max(plan.maxRows - fetchedRows, 0);
      const reuse = reusable(key, needed, options.refresh ?? false);
      if (reuse) {
        fetchedRows += reuse.rows;
        continue;
      }
      loaded.delete(key);
      options.onProgress({ startedAt, phase: 'fetching', calls: plan.calls.length, callIndex: index });
      // An object, so TypeScript sees the callback's writes.
      const seen = { delivered: false };
      try {
        const result = await client.run(call, {
          signal,
          maxRows: needed,
          refresh: options.refresh,
          onWait: (wait) => {
            options.onProgress({
              startedAt,
              phase: 'fetching',
              calls: plan.calls.length,
              callIndex: index,
              wait,
            });
          },
          onPage: (page) => {
            engine.load(base, call, page.rows, !seen.delivered);
            seen.delivered = true;
            options.onProgress({
              startedAt,
              phase: 'fetching',
              calls: plan.calls.length,
              callIndex: index,
              fetch: page.progress,
            });
            if (streamable && page.page === 1 && page.progress.lastPage !== 1)
              void interim(plan, options, startedAt);
          },
        });
        if (!seen.delivered) engine.load(base, call, [], true);
        fetchedRows += result.rows.length;
        if (result.status === 'partial') {
          partial = {
            pages: result.progress.pages,
            rows: result.progress.rows,
            reason: result.error.message,
          };
          // Later calls were never fetched: query what arrived rather than fail on the missing rows.
          calls = plan.calls.slice(0, index + 1);
          break;
        }
        loaded.set(key, {
          at: now(),
          rows: result.rows.length,
          complete: !result.truncated,
        });
      } catch (error) {
        if (!seen.delivered) engine.drop(base, call);
        return { ok: false, error: fromUnknown(error) };
      }
    }
    if (signal.aborted && !partial)
      return { ok: false, error: { code: 'cancelled', message: 'Query cancelled.' } };

    options.onProgress({
      startedAt,
      phase: 'querying',
      calls: plan.calls.length,
      callIndex: plan.calls.length - 1,
    });
    const outcome = await query(calls === plan.calls ? plan : { ...plan, calls }, base, signal);
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
      },
    };

    async function interim(p: SelectPlan, o: SelectOptions, started: number): Promise<void> {
      const early = await engine.run(p, base).result;
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
  }

  /** Forgets fetched rows of calls that touch this package (after a DELETE or EXEC changed it). */
  function invalidate(client: GitHubClient, calls: readonly ApiCall[]): void {
    const touched = new Set(
      calls.map((c) => JSON.stringify([c.params.org, c.params.package_type, c.params.package_name])),
    );
    for (const key of [...loaded.keys()]) {
      const [, , , params] = JSON.parse(key) as [string, string, string, [string, unknown][]];
      const p = Object.fromEntries(params);
      if (touched.has(JSON.stringify([p.org, p.package_type, p.package_name]))) loaded.delete(key);
    }
    client.clearCache();
  }

  return { select, invalidate, isCancelled: (e: unknown) => isGitHubError(e, 'cancelled') };
}

export type Runner = ReturnType<typeof createRunner>;
