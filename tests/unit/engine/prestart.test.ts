import { afterEach, describe, expect, it, vi } from 'vitest';
import alasql from 'alasql';
import { createEngine, warmUp, WARM_UP_BASE } from '../../../src/engine/createEngine';
import type { WorkerLike } from '../../../src/engine/client';
import type { EngineResponse } from '../../../src/engine/protocol';
import { createSandboxWorker } from '../../../src/engine/sandbox/createSandboxWorker';
import { openSandbox } from '../../../src/engine/sandbox/openSandbox';
import {
  dropPrestartedSandbox,
  prestartSandbox,
  takePrestartedSandbox,
} from '../../../src/engine/sandbox/prestart';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';
import { fixtureRows } from '../../fixtures/engine/rows';
import { fakeDocument } from './fakeDocument';
import { createFakeWorker, type FakeWorker } from './fakeWorker';

/** The next message a worker hands its client. */
function nextMessage(worker: WorkerLike): Promise<EngineResponse> {
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      resolve(event.data);
    };
  });
}

afterEach(() => {
  dropPrestartedSandbox();
});

describe('the engine sandbox opened ahead (prestart)', () => {
  it('keeps what the engine says before anyone listens: its ready comes when the client takes it', async () => {
    const { doc, frames } = fakeDocument();
    prestartSandbox('/engine/sandbox.a.html', doc);
    const [frame] = frames;
    if (!frame) throw new Error('no frame');
    expect(frame.src).toBe('/engine/sandbox.a.html');
    frame.load();
    const [workerEnd] = frame.ports;
    if (!workerEnd) throw new Error('the frame got no port');
    // The engine is up before the playground's code has arrived.
    workerEnd.postMessage({ type: 'ready' });
    await new Promise((r) => setTimeout(r, 20));
    const sandbox = takePrestartedSandbox('/engine/sandbox.a.html');
    expect(sandbox).toBeDefined();
    const worker = createSandboxWorker('/engine/sandbox.a.html', doc, sandbox);
    expect(frames).toHaveLength(1); // no second frame
    expect(await nextMessage(worker)).toEqual({ type: 'ready' });
    worker.terminate();
    expect(frame.removed).toBe(true);
    workerEnd.close();
  });

  it('is taken once, and only for its own frame', () => {
    const { doc, frames } = fakeDocument();
    prestartSandbox('/engine/sandbox.a.html', doc);
    prestartSandbox('/engine/sandbox.a.html', doc);
    expect(frames).toHaveLength(1);
    expect(takePrestartedSandbox('/engine/sandbox.a.html')).toBeDefined();
    expect(takePrestartedSandbox('/engine/sandbox.a.html')).toBeUndefined();
    prestartSandbox('/engine/sandbox.a.html', doc);
    // Another build's frame: the one waiting is ended, and the caller opens its own.
    expect(takePrestartedSandbox('/engine/sandbox.b.html')).toBeUndefined();
    expect(frames[1]?.removed).toBe(true);
  });

  it('ends a sandbox nothing took', () => {
    const { doc, frames, listeners } = fakeDocument();
    prestartSandbox('/engine/sandbox.a.html', doc);
    dropPrestartedSandbox();
    expect(frames[0]?.removed).toBe(true);
    expect(listeners.size).toBe(0);
    expect(takePrestartedSandbox('/engine/sandbox.a.html')).toBeUndefined();
  });

  it('reports a crash that came before the client took the sandbox', async () => {
    const { doc, frames, crash } = fakeDocument();
    const sandbox = openSandbox('/engine/sandbox.a.html', doc);
    const [frame] = frames;
    if (!frame) throw new Error('no frame');
    crash(frame);
    expect(sandbox.crashed).toBe(true);
    const worker = createSandboxWorker('/engine/sandbox.a.html', doc, sandbox);
    const fault = await new Promise((resolve) => {
      worker.onerror = resolve;
    });
    expect(fault).toEqual({ reason: 'crashed' });
    worker.terminate();
  });
});

const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

function select(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok || r.value.kind !== 'select') throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

describe('warming the engine up', () => {
  function setup() {
    const workers: FakeWorker[] = [];
    const engine = createEngine({
      createWorker: () => {
        const w = createFakeWorker();
        workers.push(w);
        return w;
      },
    });
    return { engine, workers };
  }

  it("compiles the page's query ahead over empty datasets, then forgets them; the reader's run finds it compiled", async () => {
    const { engine, workers } = setup();
    const plan = select(`SELECT id, name FROM github.packages.org_versions ${W} ORDER BY id DESC`);
    await warmUp(engine, plan);
    const posted = workers[0]?.posted ?? [];
    expect(posted.map((m) => m.type)).toEqual(['load', 'run', 'release', 'drop']);
    const [call] = plan.calls;
    if (!call) throw new Error('no call');
    expect(engine.status(WARM_UP_BASE, call)).toBeUndefined();
    // The reader's run: its rows, the same query. The engine parses nothing again (its cache).
    engine.load('https://api.github.com', call, fixtureRows(call), true);
    const parse = vi.spyOn(alasql, 'parse');
    try {
      const r = await engine.run(plan, 'https://api.github.com').result;
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.total).toBe(fixtureRows(call).length);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      engine.dispose();
    }
  });

  it('runs a query over no table for a query it cannot compile ahead (a JOIN, none at all)', async () => {
    const { engine, workers } = setup();
    await warmUp(engine);
    const run = workers[0]?.posted.find((m) => m.type === 'run');
    expect(run).toMatchObject({ type: 'run', query: 'SELECT 1', keys: [] });
    engine.dispose();
  });

  it('resolves when the engine is gone', async () => {
    const { engine } = setup();
    engine.dispose();
    await expect(warmUp(engine, select(`SELECT id FROM github.packages.org_versions ${W}`))).resolves.toBe(
      undefined,
    );
  });
});
