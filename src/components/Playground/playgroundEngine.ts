import type { Engine } from '@site/src/engine/client';
import { createEngine, warmable, warmUp } from '@site/src/engine/createEngine';
import { createSandboxWorker } from '@site/src/engine/sandbox/createSandboxWorker';
import { takePrestartedSandbox } from '@site/src/engine/sandbox/prestart';
import type { SqlError } from '@site/src/sql/errors';
import { planQuery } from '@site/src/sql/plan';
import { loadServicesFor } from '@site/src/resources/registry';

/** The playground's engine client, and where it reports a crash between runs (set by its user). */
export interface PlaygroundEngine {
  readonly engine: Engine;
  /** Told when the engine crashed or broke the protocol while no run waited (it restarts itself). */
  onFault: ((error: SqlError) => void) | undefined;
  /** A warm-up is under way or done (`warmEngine`): the playground does not start another. */
  warmed: boolean;
  /** The last text compiled ahead (`warmEngine`, `precompile`). */
  compiled: string | undefined;
}

/**
 * The engine client over the sandbox `frameUrl`: the one opened at the page's `load` if there is one
 * (prestart.ts), else a new one; a restart after a crash, a cancel or a time-out opens a fresh one.
 */
export function createPlaygroundEngine(frameUrl: string): PlaygroundEngine {
  const handle: PlaygroundEngine = {
    engine: createEngine({
      createWorker: () => createSandboxWorker(frameUrl, document, takePrestartedSandbox(frameUrl)),
      onFault: (e) => {
        handle.onFault?.(e);
      },
    }),
    onFault: undefined,
    warmed: false,
    compiled: undefined,
  };
  return handle;
}

/**
 * Compiles `sql` ahead of its Run (`warmUp`), once its services are loaded, when it plans as a
 * single-table SELECT; otherwise, with `orStart`, starts the engine on a trivial query. A crash
 * meanwhile is reported as one between the reader's runs (usePlayground's `onFault`).
 */
function compileAhead(handle: PlaygroundEngine, sql: string, orStart: boolean): Promise<void> {
  handle.compiled = sql;
  return loadServicesFor(sql)
    .catch(() => false)
    .then(() => {
      const planned = planQuery(sql);
      const plan = planned.ok && planned.value.kind === 'select' ? planned.value : undefined;
      if (!orStart && !(plan && warmable(plan))) return undefined;
      return warmUp(handle.engine, plan);
    })
    .then((fault) => {
      if (fault) handle.onFault?.(fault);
    });
}

/**
 * Pays the first Run's cold start ahead: the engine's start and alasql's first compile, of `sql`
 * itself when it can be compiled ahead. Once per engine.
 */
export function warmEngine(handle: PlaygroundEngine, sql: string): Promise<void> {
  if (handle.warmed) return Promise.resolve();
  handle.warmed = true;
  return compileAhead(handle, sql, true);
}

/**
 * Compiles `sql` ahead of its Run, so the Run finds it compiled: the playground calls it as the
 * reader pauses typing. Only for text the reader wrote or chose, never a shared link's
 * (usePlayground). Once per text: nothing for text already compiled ahead or run (`usePlayground`
 * marks a run's text in `compiled`).
 */
export function precompile(handle: PlaygroundEngine, sql: string): Promise<void> {
  if (handle.compiled === sql) return Promise.resolve();
  return compileAhead(handle, sql, false);
}

/** An engine started as the playground's code arrived, before React rendered it; one per page. */
let ahead: { readonly frameUrl: string; readonly handle: PlaygroundEngine } | undefined;

/**
 * Starts the playground's engine client as soon as its code is here (the loader calls it when the
 * chunk arrives), and warms it with the query on screen: the compile then overlaps the page's
 * hydration and the playground's first render instead of following them.
 */
export function startEngineAhead(frameUrl: string, sql: string): void {
  if (ahead) return;
  ahead = { frameUrl, handle: createPlaygroundEngine(frameUrl) };
  void warmEngine(ahead.handle, sql);
}

/** The engine started ahead for this frame (taken once), else a new one. */
export function takePlaygroundEngine(frameUrl: string): PlaygroundEngine {
  const started = ahead;
  ahead = undefined;
  if (started?.frameUrl === frameUrl) return started.handle;
  started?.handle.engine.dispose();
  return createPlaygroundEngine(frameUrl);
}

/** Ends an engine started ahead that no playground took (the reader left first). */
export function dropEngineAhead(): void {
  ahead?.handle.engine.dispose();
  ahead = undefined;
}
