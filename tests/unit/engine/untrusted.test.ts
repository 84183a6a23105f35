import { describe, expect, it } from 'vitest';

import { createEngine, type WorkerLike } from '../../../src/engine/client';
import type { EngineRequest } from '../../../src/engine/protocol';
import { MESSAGE_LIMITS, readEngineResponse } from '../../../src/engine/untrusted';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';

const summary = { resultId: 1, columns: ['a'], total: 1, rows: [{ a: 1 }], elapsedMs: 2 };

describe('readEngineResponse: every message from the engine is untrusted input', () => {
  it('accepts the messages of the protocol', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'loaded', key: 'k', total: 3 },
      { type: 'result', id: 4, summary },
      { type: 'window', id: 5, rows: [{ a: 'x', b: null, c: { d: [1, 'e', true] }, e: undefined }] },
      { type: 'error', id: 6, error: { code: 'runtime', message: 'm', line: 1, column: 2 } },
      { type: 'result', id: 7, summary: { ...summary, rows: [{ a: new Date(0) }] } },
      // An unaliased column is named by its SQL text, which may be as long as a query.
      { type: 'result', id: 8, summary: { ...summary, columns: [`'${'x'.repeat(19_000)}'`] } },
    ];
    for (const msg of good) expect(readEngineResponse(msg), JSON.stringify(msg)).toBe(msg);
  });

  it.each<[string, unknown]>([
    ['no object', 'result'],
    ['an unknown type', { type: 'eval', code: 'x' }],
    ['an extra key', { type: 'ready', html: '<img>' }],
    ['a string id', { type: 'window', id: '1', rows: [] }],
    ['a fractional id', { type: 'window', id: 1.5, rows: [] }],
    ['rows that are not an array', { type: 'window', id: 1, rows: { length: 1 } }],
    ['a row that is an array', { type: 'window', id: 1, rows: [[1]] }],
    ['a function-like cell', { type: 'window', id: 1, rows: [{ a: new Map() }] }],
    ['a typed array cell', { type: 'window', id: 1, rows: [{ a: new Uint8Array(4) }] }],
    [
      'too many rows',
      { type: 'window', id: 1, rows: Array.from({ length: MESSAGE_LIMITS.rows + 1 }, () => ({})) },
    ],
    ['too deep a cell', { type: 'window', id: 1, rows: [{ a: deep(MESSAGE_LIMITS.depth + 1) }] }],
    ['too much text', { type: 'window', id: 1, rows: [{ a: 'x'.repeat(MESSAGE_LIMITS.textChars + 1) }] }],
    ['an unknown error code', { type: 'error', id: 1, error: { code: 'pwned', message: 'm' } }],
    [
      'an error message too long',
      { type: 'error', id: 1, error: { code: 'runtime', message: 'm'.repeat(5_000) } },
    ],
    [
      'an error with markup fields',
      { type: 'error', id: 1, error: { code: 'runtime', message: 'm', html: '<b>' } },
    ],
    ['a negative line', { type: 'error', id: 1, error: { code: 'runtime', message: 'm', line: -1 } }],
    ['more rows than the total', { type: 'result', id: 1, summary: { ...summary, total: 0 } }],
    ['a non-string column', { type: 'result', id: 1, summary: { ...summary, columns: [{}] } }],
    ['an infinite time', { type: 'result', id: 1, summary: { ...summary, elapsedMs: Infinity } }],
    ['a class instance as a row', { type: 'window', id: 1, rows: [new URL('https://x.test')] }],
  ])('refuses %s', (_, msg) => {
    expect(readEngineResponse(msg)).toBeUndefined();
  });
});

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

function select(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok || r.value.kind !== 'select') throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

/** A worker that answers every run with what `answer` returns, as compromised engine code could. */
function lyingWorker(answer: (req: EngineRequest) => unknown, workers: WorkerLike[]): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(req) {
      if (req.type !== 'run' && req.type !== 'window') return;
      setTimeout(() => {
        const data = readEngineResponse(answer(req));
        if (data) w.onmessage?.({ data });
        else w.onerror?.({ reason: 'malformed' });
      }, 0);
    },
    terminate() {
      w.onmessage = null;
    },
  };
  workers.push(w);
  return w;
}

/** An engine over lying workers, with every worker it started. */
function lyingEngine(
  answer: (req: EngineRequest) => unknown,
  options: Omit<Parameters<typeof createEngine>[0], 'createWorker'> = {},
): { engine: ReturnType<typeof createEngine>; workers: WorkerLike[] } {
  const workers: WorkerLike[] = [];
  const engine = createEngine({ ...options, createWorker: () => lyingWorker(answer, workers) });
  return { engine, workers };
}

describe('engine client: an engine that lies is replaced', () => {
  const plan = select('SELECT 1 AS one');

  it('refuses a first window larger than asked for, restarts, and says why', async () => {
    const { engine, workers } = lyingEngine(
      (req) =>
        req.type === 'run' && {
          type: 'result',
          id: req.id,
          summary: { ...summary, total: 5, rows: Array.from({ length: 5 }, () => ({ a: 1 })) },
        },
      { windowSize: 2 },
    );
    const r = await engine.run(plan, 'https://api.github.com').result;
    expect(r.ok ? 'ok' : r.error.code).toBe('engine');
    expect(r.ok ? '' : r.error.message).toMatch(/does not accept.*restarted.*kept/);
    expect(engine.restarts).toBe(1);
    expect(workers).toHaveLength(2);
    engine.dispose();
  });

  it('refuses a window larger than asked for', async () => {
    const { engine } = lyingEngine((req) =>
      req.type === 'run'
        ? { type: 'result', id: req.id, summary }
        : {
            type: 'window',
            id: req.type === 'window' ? req.id : 0,
            rows: Array.from({ length: 20 }, () => ({})),
          },
    );
    const r = await engine.run(plan, 'https://api.github.com').result;
    if (!r.ok) throw new Error(r.error.message);
    const w = await engine.fetchWindow(r.value.resultId, 0, 10);
    expect(w.ok ? 'ok' : w.error.code).toBe('no-data');
    expect(engine.restarts).toBe(1);
    engine.dispose();
  });

  it('replaces an engine that sends a malformed message, with a message that names no internals', async () => {
    const { engine } = lyingEngine(() => ({ type: 'result', id: 1, summary: '<img src=x>' }));
    const r = await engine.run(plan, 'https://api.github.com').result;
    expect(r.ok ? 'ok' : r.error.message).toMatch(
      /^The query engine sent an answer the page does not accept/,
    );
    expect(engine.restarts).toBe(1);
    engine.dispose();
  });
});

describe('engine client: a fault between runs', () => {
  it('is reported through onFault, and the next run goes to a fresh engine', async () => {
    const faults: string[] = [];
    const { engine, workers } = lyingEngine(
      (req) => req.type === 'run' && { type: 'result', id: req.id, summary },
      { onFault: (e) => faults.push(e.message) },
    );
    workers[0]?.onerror?.({ reason: 'crashed' });
    expect(faults).toEqual([expect.stringMatching(/stopped unexpectedly .* restarted/)]);
    expect(workers).toHaveLength(2);
    const r = await engine.run(select('SELECT 1 AS one'), 'https://api.github.com').result;
    expect(r.ok).toBe(true);
    engine.dispose();
  });
});

describe('engine client: what the engine may send unasked', () => {
  /** An engine whose worker the test drives by hand, as injected code in it could. */
  function manual() {
    const workers: WorkerLike[] = [];
    const faults: string[] = [];
    const engine = createEngine({
      createWorker: () => {
        const w: WorkerLike = {
          onmessage: null,
          onerror: null,
          postMessage: () => undefined,
          terminate: () => undefined,
        };
        workers.push(w);
        return w;
      },
      onFault: (e) => faults.push(e.message),
    });
    const send = (data: unknown) => {
      const msg = readEngineResponse(data);
      if (!msg) throw new Error('not a protocol message');
      workers.at(-1)?.onmessage?.({ data: msg });
    };
    return { engine, workers, faults, send };
  }

  it.each<[string, unknown[]]>([
    ['a second ready', [{ type: 'ready' }, { type: 'ready' }]],
    ['a loaded for no load', [{ type: 'loaded', key: 'k', total: 1 }]],
    ['a window nobody asked for', [{ type: 'window', id: 99, rows: [] }]],
    ['an error for no request', [{ type: 'error', id: 99, error: { code: 'runtime', message: 'forged' } }]],
    ['a result for no run', [{ type: 'result', id: 99, summary }]],
  ])('ends the engine on %s', (_, messages) => {
    const { engine, workers, faults, send } = manual();
    for (const m of messages) send(m);
    expect(faults).toHaveLength(1);
    expect(workers).toHaveLength(2);
    engine.dispose();
  });

  it('refuses a result with more rows in total than the rows loaded for the run', async () => {
    const { engine } = lyingEngine(
      (req) =>
        req.type === 'run' && {
          type: 'result',
          id: req.id,
          summary: { ...summary, total: Number.MAX_SAFE_INTEGER },
        },
    );
    const r = await engine.run(select('SELECT 1 AS one'), 'https://api.github.com').result;
    expect(r.ok ? 'ok' : r.error.code).toBe('engine');
    expect(engine.restarts).toBe(1);
    engine.dispose();
  });
});
