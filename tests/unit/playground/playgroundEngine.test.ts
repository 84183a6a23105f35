import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dropEngineAhead,
  precompile,
  startEngineAhead,
  takePlaygroundEngine,
  type PlaygroundEngine,
} from '../../../src/components/Playground/playgroundEngine';
import type { Engine } from '../../../src/engine/client';
import { WARM_UP_BASE } from '../../../src/engine/createEngine';
import { dropPrestartedSandbox, prestartSandbox } from '../../../src/engine/sandbox/prestart';
import { fakeDocument } from '../engine/fakeDocument';

const FRAME = '/engine/sandbox.a.html';
const SQL =
  "SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'";

let page: ReturnType<typeof fakeDocument>;
beforeEach(() => {
  page = fakeDocument();
  vi.stubGlobal('document', page.doc);
});
afterEach(() => {
  dropEngineAhead();
  dropPrestartedSandbox();
  vi.unstubAllGlobals();
});

describe("the playground's engine, started as its code arrives", () => {
  it('is the one the playground takes, already warming, in the sandbox opened at load', () => {
    prestartSandbox(FRAME, page.doc);
    startEngineAhead(FRAME, SQL);
    const handle = takePlaygroundEngine(FRAME);
    expect(handle.warmed).toBe(true);
    expect(page.frames).toHaveLength(1); // the sandbox opened at load, no other
    // Taken once: the next playground (another page of the site) starts its own.
    const next = takePlaygroundEngine(FRAME);
    expect(next).not.toBe(handle);
    expect(next.warmed).toBe(false);
    handle.engine.dispose();
    next.engine.dispose();
  });

  it('is ended when the reader leaves before the playground took it, or it is for another frame', () => {
    startEngineAhead(FRAME, SQL);
    dropEngineAhead();
    expect(page.frames[0]?.removed).toBe(true);
    startEngineAhead(FRAME, SQL);
    const other = takePlaygroundEngine('/engine/sandbox.b.html');
    expect(page.frames[1]?.removed).toBe(true);
    expect(page.frames[2]?.src).toBe('/engine/sandbox.b.html');
    other.engine.dispose();
  });

  it('reports a crash between runs to whoever uses it, once they listen', async () => {
    const handle = takePlaygroundEngine(FRAME);
    const faults: string[] = [];
    handle.onFault = (e) => faults.push(e.code);
    const [frame] = page.frames;
    if (!frame) throw new Error('no frame');
    page.crash(frame);
    await new Promise((r) => setTimeout(r, 0));
    expect(faults).toEqual(['engine']);
    handle.engine.dispose();
  });
});

describe('compiling the reader’s text ahead of its Run', () => {
  /** An engine that records the runs it is sent and answers each with an empty result. */
  function recordingEngine() {
    const runs: string[] = [];
    const load = vi.fn();
    const drop = vi.fn();
    const engine = {
      load,
      drop,
      release: vi.fn(),
      run: (run: { query: string }) => {
        runs.push(run.query);
        return { result: Promise.resolve({ ok: true, value: { resultId: 1 } }) };
      },
    } as unknown as Engine;
    const handle: PlaygroundEngine = { engine, onFault: undefined, warmed: false, compiled: undefined };
    return { handle, runs, load, drop };
  }

  it('compiles a single-table SELECT once per text, over empty tables it then forgets', async () => {
    const { handle, runs, load, drop } = recordingEngine();
    await precompile(handle, SQL);
    await precompile(handle, SQL);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain('SELECT');
    expect(load).toHaveBeenCalledWith(WARM_UP_BASE, expect.anything(), [], true);
    expect(drop).toHaveBeenCalledWith(WARM_UP_BASE, expect.anything());
    await precompile(handle, `${SQL} LIMIT 5`);
    expect(runs).toHaveLength(2);
  });

  it('compiles nothing for text a run already compiled, and reports an engine crash meanwhile', async () => {
    const { handle, runs } = recordingEngine();
    handle.compiled = SQL; // what usePlayground marks when the reader runs it
    await precompile(handle, SQL);
    expect(runs).toEqual([]);
    const crash = { code: 'engine', message: 'The query engine stopped unexpectedly.' };
    const crashing = handle.engine as unknown as { run: () => unknown; restarts: number };
    crashing.restarts = 0;
    crashing.run = () => {
      crashing.restarts++; // the engine replaces its crashed worker
      return { result: Promise.resolve({ ok: false, error: crash }) };
    };
    const faults: unknown[] = [];
    handle.onFault = (e) => faults.push(e);
    await precompile(handle, `${SQL} LIMIT 1`);
    expect(faults).toEqual([crash]);
  });

  it('compiles nothing for text that does not plan as a SELECT', async () => {
    const { handle, runs } = recordingEngine();
    await precompile(handle, 'SELEC broken');
    await precompile(handle, 'SHOW SERVICES');
    await precompile(handle, '');
    expect(runs).toEqual([]);
  });
});
