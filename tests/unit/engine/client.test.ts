import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../src/engine/client';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';
import { fixtureRows } from '../../fixtures/engine/rows';
import { createFakeWorker, type FakeWorker } from './fakeWorker';

const API = 'https://api.github.com';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

function select(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok || r.value.kind !== 'select') throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

/** An engine over fake workers, with every worker it started, and the fixture rows of `plan` loaded. */
function setup(options: { hangOn?: string; timeoutMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const engine = createEngine({
    createWorker: () => {
      const w = createFakeWorker(options.hangOn);
      workers.push(w);
      return w;
    },
    windowSize: 3,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const load = (plan: SelectPlan) => {
    for (const call of plan.calls) {
      const rows = fixtureRows(call);
      engine.load(API, call, rows.slice(0, 4), true);
      engine.load(API, call, rows.slice(4), false);
    }
  };
  return { engine, workers, load };
}

describe('engine client', () => {
  it('runs a plan over loaded pages: first window, total, then windows on request', async () => {
    const { engine, load } = setup();
    const plan = select(`SELECT id FROM github.packages.org_versions ${W} ORDER BY id DESC`);
    load(plan);
    const r = await engine.run(plan, API).result;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBe(8);
    expect(r.value.rows).toEqual([{ id: 8 }, { id: 7 }, { id: 6 }]);
    const w = await engine.fetchWindow(r.value.resultId, 3, 3);
    expect(w.ok && w.value).toEqual([{ id: 5 }, { id: 4 }, { id: 3 }]);
    engine.dispose();
  });

  it('tracks what it holds per call, until dropped', () => {
    const { engine, load } = setup();
    const plan = select(`SELECT id FROM github.packages.org_versions ${W}`);
    const call = plan.calls[0];
    if (!call) throw new Error('no call');
    expect(engine.status(API, call)).toBeUndefined();
    load(plan);
    expect(engine.status(API, call)).toEqual({ rows: 8, complete: false });
    engine.markFetched(API, call, { complete: true, at: 42 });
    expect(engine.status(API, call)).toEqual({ rows: 8, complete: true, fetchedAt: 42 });
    engine.expireAll();
    expect(engine.status(API, call)).toEqual({ rows: 8, complete: true });
    engine.load(API, call, [], true);
    expect(engine.status(API, call)).toEqual({ rows: 0, complete: false });
    engine.drop(API, call);
    expect(engine.status(API, call)).toBeUndefined();
    engine.dispose();
  });

  it('runs queued statements one at a time, in order', async () => {
    const { engine, load } = setup();
    const a = select(`SELECT COUNT(*) AS n FROM github.packages.org_versions ${W}`);
    const b = select(`SELECT MAX(id) AS m FROM github.packages.org_versions ${W}`);
    load(a);
    const [ra, rb] = await Promise.all([engine.run(a, API).result, engine.run(b, API).result]);
    expect(ra.ok && ra.value.rows).toEqual([{ n: 8 }]);
    expect(rb.ok && rb.value.rows).toEqual([{ m: 8 }]);
    engine.dispose();
  });

  it('stops a run over its time limit, restarts the worker with the data, and runs the next query', async () => {
    const { engine, workers, load } = setup({ hangOn: 'HANG', timeoutMs: 50 });
    const slow = select(`SELECT id AS HANG FROM github.packages.org_versions ${W}`);
    load(slow);
    const r = await engine.run(slow, API).result;
    expect(r.ok ? 'ok' : r.error.code).toBe('timeout');
    expect(r.ok ? '' : r.error.message).toContain('0.05 s');
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(engine.restarts).toBe(1);
    // The fresh worker got every page again, without the page re-loading anything.
    expect(workers[1]?.posted.flatMap((m) => (m.type === 'load' ? [[m.rows.length, m.reset]] : []))).toEqual([
      [4, true],
      [4, false],
    ]);
    const next = await engine.run(select(`SELECT COUNT(*) AS n FROM github.packages.org_versions ${W}`), API)
      .result;
    expect(next.ok && next.value.rows).toEqual([{ n: 8 }]);
    engine.dispose();
  });

  it('cancels a running query by replacing the worker, and a queued one without it ever being sent', async () => {
    const { engine, workers, load } = setup({ hangOn: 'HANG' });
    const slow = select(`SELECT id AS HANG FROM github.packages.org_versions ${W}`);
    load(slow);
    const running = engine.run(slow, API);
    const queued = engine.run(select(`SELECT id FROM github.packages.org_versions ${W}`), API);
    queued.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    running.cancel();
    const [a, b] = await Promise.all([running.result, queued.result]);
    expect(a.ok ? 'ok' : a.error.code).toBe('cancelled');
    expect(b.ok ? 'ok' : b.error.code).toBe('cancelled');
    expect(workers[0]?.terminated).toBe(true);
    expect(workers.flatMap((w) => w.posted).filter((m) => m.type === 'run')).toHaveLength(1);
    engine.dispose();
  });

  it('says a result is gone after a restart', async () => {
    const { engine, workers, load } = setup();
    const plan = select(`SELECT id FROM github.packages.org_versions ${W}`);
    load(plan);
    const r = await engine.run(plan, API).result;
    if (!r.ok) throw new Error(r.error.message);
    const during = engine.run(plan, API);
    workers[0]?.crash();
    const crashed = await during.result;
    expect(crashed.ok ? 'ok' : crashed.error.code).toBe('engine');
    const w = await engine.fetchWindow(r.value.resultId, 0, 3);
    expect(w.ok ? 'ok' : w.error.code).toBe('no-data');
    const again = await engine.run(plan, API).result;
    expect(again.ok && again.value.total).toBe(8);
    engine.dispose();
  });

  it('passes errors from the worker through, typed', async () => {
    const { engine } = setup();
    const plan = select(`SELECT id FROM github.packages.org_versions ${W}`);
    const r = await engine.run(plan, API).result;
    expect(r.ok ? 'ok' : r.error.code).toBe('no-data');
    engine.dispose();
  });

  it('answers every call after dispose with an error instead of hanging', async () => {
    const { engine, workers } = setup();
    engine.dispose();
    const r = await engine.run(select('SELECT 1 AS one'), API).result;
    expect(r.ok ? 'ok' : r.error.code).toBe('engine');
    expect(workers[0]?.terminated).toBe(true);
  });
});
