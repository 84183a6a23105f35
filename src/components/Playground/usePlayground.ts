import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SandboxData } from '@site/src/plugins/engineSandbox';
import { usePluginData } from '@docusaurus/useGlobalData';
import { precompile, takePlaygroundEngine, warmEngine } from './playgroundEngine';
import { createGitHubClient, createSampleApi, createSampleClient, type GitHubClient } from '@site/src/github';
import type { RequestLogEntry } from '@site/src/github';
import { loadServicesFor } from '@site/src/resources/registry';
import { planQuery } from '@site/src/sql/plan';
import type { MetaPlan } from '@site/src/sql/types';
import { addToHistory, historyStorage, readHistory } from './history/queryHistory';
import { createRunner } from './run/createRunner';
import { catalogueLoadError } from './useCatalogue';
import { fromSqlError, fromUnknown } from './run/toPlaygroundError';
import type { DataSource, PlaygroundError, QueryResult, RunProgress } from './run/types';
import { prepareWrite, sendWrite, type PendingWrite, type WriteOutcome } from './run/writes';

/** Request log entries kept per run: enough for 50 pages with retries, bounded for long sessions. */
const LOG_LIMIT = 500;

export interface PlaygroundOptions {
  readonly initialSql: string;
  /**
   * The SQL compiled ahead of the first Run (`warmEngine`): the page's own or the reader's, never a
   * shared link's; empty warms up on a trivial query.
   */
  readonly warmSql: string;
  /** A shared link's SQL: someone else's, never compiled before the reader clicks Run. */
  readonly sharedSql?: string;
  readonly source: DataSource;
  readonly token: string;
  readonly apiBaseUrl: string;
}

function metaResult(plan: MetaPlan): QueryResult {
  return {
    columns: plan.columns,
    rows: plan.rows,
    total: plan.rows.length,
    text: plan.text,
    source: 'definition',
    interim: false,
    elapsedMs: 0,
  };
}

/** The pause in typing after which the editor's text is compiled ahead of its Run. */
const PRECOMPILE_DELAY_MS = 400;

/**
 * The playground's state and actions: the SQL, the run under way, the last result, the error, the
 * request log and a pending DELETE/EXEC. A failed or cancelled run keeps the SQL and the last result.
 */
export function usePlayground({
  initialSql,
  warmSql,
  sharedSql,
  source,
  token,
  apiBaseUrl,
}: PlaygroundOptions) {
  const [sql, setSql] = useState(initialSql);
  const [progress, setProgress] = useState<RunProgress | undefined>();
  const [result, setResult] = useState<QueryResult | undefined>();
  const [error, setError] = useState<PlaygroundError | undefined>();
  const [log, setLog] = useState<readonly RequestLogEntry[]>([]);
  const [pending, setPending] = useState<PendingWrite | undefined>();
  const [outcomes, setOutcomes] = useState<readonly WriteOutcome[] | undefined>();
  const [history, setHistory] = useState<readonly string[]>(() => readHistory(historyStorage()));
  const abort = useRef<AbortController | undefined>(undefined);

  const { frameUrl } = usePluginData('engine-sandbox') as SandboxData;
  // Started as the playground's code arrived, if the loader did (playgroundEngine.ts); else now.
  const handle = useMemo(() => takePlaygroundEngine(frameUrl), [frameUrl]);
  const { engine } = handle;
  useEffect(() => {
    // A crash between runs: say so, keeping the SQL and the result on screen.
    handle.onFault = (e) => {
      setError(fromSqlError(e));
    };
    return () => {
      handle.onFault = undefined;
      handle.engine.dispose();
    };
  }, [handle]);
  // The first Run's cold start (the engine's start, alasql's first compile of the page's query) is
  // paid now, while the reader reads or types, not after the click (already under way when the
  // engine was started ahead).
  const [warming] = useState(warmSql);
  useEffect(() => {
    void warmEngine(handle, warming);
  }, [handle, warming]);
  // The reader's own text is compiled as they pause typing, so their Run finds it compiled.
  useEffect(() => {
    if (sql === sharedSql || sql === warming) return;
    const timer = setTimeout(() => {
      void precompile(handle, sql);
    }, PRECOMPILE_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [handle, sql, sharedSql, warming]);
  const runner = useMemo(() => createRunner(engine), [engine]);

  const onRequest = useCallback((entry: RequestLogEntry) => {
    setLog((current) => [...current, entry].slice(-LOG_LIMIT));
  }, []);
  // One sample API per page, so DELETE and EXEC on sample data persist until reload.
  const sampleApi = useMemo(() => createSampleApi(), []);
  const client = useMemo<GitHubClient | PlaygroundError>(() => {
    if (source === 'sample') return createSampleClient({ onRequest }, sampleApi);
    try {
      return createGitHubClient({ baseUrl: apiBaseUrl, token: token || undefined, onRequest });
    } catch (e) {
      return fromUnknown(e);
    }
  }, [source, apiBaseUrl, token, onRequest, sampleApi]);

  const finish = useCallback(() => {
    abort.current = undefined;
    setProgress(undefined);
  }, []);

  // Runs that have ended, however they ended: the page exposes it for tests and assistive tech.
  const [finished, setFinished] = useState(0);

  const execute = useCallback(
    async (options: { refresh?: boolean }): Promise<void> => {
      // The services the SQL names load first (the page has only its own): else they read as unknown.
      try {
        await loadServicesFor(sql);
      } catch (e) {
        setError({ code: 'catalogue', message: catalogueLoadError(sql, e) });
        return;
      }
      const planned = planQuery(sql);
      if (!planned.ok) {
        setError(fromSqlError(planned.error));
        return;
      }
      const plan = planned.value;
      // This run compiles it: nothing to compile ahead any more.
      handle.compiled = sql;
      // The run's first request leaves before the page redraws for the run. State set while the
      // click (or Ctrl+Enter) is being handled is rendered at once, in a microtask, before a request
      // sent after it: 30-70 ms of a first query on two CPUs. As a transition, it renders in a task
      // of its own, after the request is on its way (startup.e2e.ts checks the order).
      startTransition(() => {
        setHistory(addToHistory(historyStorage(), sql));
        setError(undefined);
        setOutcomes(undefined);
      });
      if (plan.kind === 'meta') {
        setResult(metaResult(plan));
        return;
      }
      if ('code' in client) {
        setError(client);
        return;
      }
      const controller = new AbortController();
      abort.current = controller;
      const showProgress = (next: RunProgress): void => {
        startTransition(() => {
          setProgress(next);
        });
      };
      startTransition(() => {
        setLog([]);
      });
      showProgress({ startedAt: Date.now(), phase: 'fetching', calls: plan.calls.length, callIndex: 0 });
      try {
        if (plan.kind === 'select') {
          const outcome = await runner.select(plan, {
            client,
            source,
            signal: controller.signal,
            refresh: options.refresh,
            onProgress: showProgress,
            onInterim: setResult,
          });
          if (outcome.ok) setResult(outcome.result);
          else setError(outcome.error);
        } else {
          setPending(await prepareWrite(plan, client, controller.signal));
        }
      } catch (e) {
        setError(fromUnknown(e));
      } finally {
        finish();
      }
    },
    [sql, client, runner, source, finish, handle],
  );

  // A Run clicked (or Ctrl+Enter pressed) again before the first has set `abort`.
  const starting = useRef(false);
  const run = useCallback(
    async (options: { refresh?: boolean } = {}) => {
      if (abort.current || starting.current) return;
      starting.current = true;
      try {
        await execute(options);
      } finally {
        starting.current = false;
        setFinished((n) => n + 1);
      }
    },
    [execute],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
  }, []);

  const confirmWrite = useCallback(async () => {
    if (!pending || 'code' in client || abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setPending(undefined);
    setLog([]);
    setProgress({ startedAt: Date.now(), phase: 'writing', calls: pending.targets.length, callIndex: 0 });
    try {
      const done = await sendWrite(pending, client, controller.signal);
      runner.invalidate(client);
      setOutcomes(done);
      const failed = done.filter((o) => !o.ok);
      if (failed.length > 0) {
        setError({ code: 'write-failed', message: failed.map((o) => o.message).join(' ') });
      }
    } finally {
      finish();
      setFinished((n) => n + 1);
    }
  }, [pending, client, runner, finish]);

  const cancelWrite = useCallback(() => {
    setPending(undefined);
  }, []);

  return {
    sql,
    setSql,
    run,
    cancel,
    running: progress !== undefined,
    progress,
    result,
    error,
    log,
    finished,
    pending,
    confirmWrite,
    cancelWrite,
    outcomes,
    history,
    engine,
    client: 'code' in client ? undefined : client,
  };
}

export type PlaygroundState = ReturnType<typeof usePlayground>;
