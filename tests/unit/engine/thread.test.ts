import { Worker } from 'node:worker_threads';

import { describe, expect, it } from 'vitest';

import { createEngine, type WorkerLike } from '../../../src/engine/client';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';
import { WEB_ROWS } from '../../fixtures/engine/rows';

const API = 'https://api.github.com';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

/** The real worker entry in a Node worker thread, behind the WorkerLike the client expects. */
function threadWorker(): WorkerLike {
  const thread = new Worker(new URL('../../fixtures/engine/threadWorker.mjs', import.meta.url));
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => {
      thread.postMessage(m);
    },
    terminate: () => {
      void thread.terminate();
    },
  };
  thread.on('message', (data: { type: string }) => {
    like.onmessage?.({ data: data as never });
  });
  thread.on('error', (e) => like.onerror?.(e));
  return like;
}

function select(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok || r.value.kind !== 'select') throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

describe('engine in a real worker thread', () => {
  it('runs queries, and stops a long one on time while this thread stays free', async () => {
    const engine = createEngine({ createWorker: threadWorker, timeoutMs: 100 });
    const count = select(`SELECT COUNT(*) AS n FROM github.packages.org_versions ${W}`);
    const call = count.calls[0];
    if (!call) throw new Error('no call');
    // 8 × 40,000 rows: a sort on a computed key takes ~1 s here, ten times the time limit.
    const many = Array.from({ length: 40_000 }, (_, i) =>
      WEB_ROWS.map((r) => ({ ...r, id: i * 8 + Number(r.id) })),
    ).flat();
    engine.load(API, call, many, true);
    const first = await engine.run(count, API, { timeoutMs: 20_000 }).result;
    expect(first.ok ? first.value.rows : first.error).toEqual([{ n: 320_000 }]);

    const slow = select(
      `SELECT id FROM github.packages.org_versions ${W} ORDER BY json_extract(metadata, '$.container.tags') || UPPER(name) || LOWER(html_url) || id DESC`,
    );
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    const r = await engine.run(slow, API).result;
    clearInterval(ticker);
    expect(r.ok ? 'finished' : r.error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThanOrEqual(3); // this thread kept running timers while the worker computed
    expect(engine.restarts).toBe(1);

    const again = await engine.run(count, API, { timeoutMs: 20_000 }).result;
    expect(again.ok && again.value.rows).toEqual([{ n: 320_000 }]);
    engine.dispose();
  }, 60_000);
});
