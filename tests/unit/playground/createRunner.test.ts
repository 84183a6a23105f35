import { describe, expect, it } from 'vitest';

import { CACHE_TTL_MS as REUSE_MS } from '../../../src/github';
import { createGitHubClient } from '../../../src/github/client';
import { activeCount } from '../github/helpers';
import { BASE, FROM, pagesRequested, plan, resultOf, runSelect, setupRunner, TOKEN } from './runnerHarness';

const ALL = plan(`SELECT id, name ${FROM}`);

describe('createRunner: fetching and running', () => {
  it('fetches all 3 pages, streams them to the engine and gives the full total', async () => {
    const { fake, log, runner, client, engine } = setupRunner();
    const n = activeCount(fake, 'web/frontend');
    expect(n).toBeGreaterThan(200);
    const { outcome, progress } = await runSelect(runner, client, ALL);
    const result = resultOf(outcome);
    expect(result.total).toBe(n);
    expect(result.columns).toEqual(['id', 'name']);
    expect(result.rows).toHaveLength(200); // the first window; the rest on request
    expect(result).toMatchObject({ source: 'github', interim: false, partial: undefined });
    expect(pagesRequested(fake)).toEqual([1, 2, 3]);
    expect(fake.requests[0]?.url).toContain('/orgs/acme/packages/container/web%2Ffrontend/versions?');
    expect(log.filter((e) => !e.fromCache)).toHaveLength(3);
    expect(progress.map((p) => p.fetch?.rows).filter((r) => r !== undefined)).toEqual([100, 200, n]);
    expect(progress.at(-1)?.phase).toBe('querying');
    engine.dispose();
  });

  it('never hands the token to the engine: the worker sees rows and SQL only', async () => {
    const { runner, client, workers, engine } = setupRunner();
    resultOf((await runSelect(runner, client, ALL)).outcome);
    const seen = JSON.stringify(workers.flatMap((w) => w.posted));
    expect(seen).toContain('web/frontend');
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(TOKEN.slice(4, 20));
    engine.dispose();
  });

  it('runs a second, different SELECT over the same params with no request at all', async () => {
    const { fake, log, runner, client, engine } = setupRunner();
    const n = activeCount(fake, 'web/frontend');
    await runSelect(runner, client, ALL);
    const [requests, logged] = [fake.requests.length, log.length];
    const { outcome } = await runSelect(
      runner,
      client,
      plan(`SELECT COUNT(*) AS n, MAX(id) AS newest ${FROM} AND name LIKE '%'`),
    );
    expect(resultOf(outcome).rows).toEqual([{ n, newest: expect.any(Number) as unknown }]);
    expect(fake.requests).toHaveLength(requests);
    expect(log).toHaveLength(logged); // not even a cache hit: the client was not asked
    engine.dispose();
  });

  it('fetches again once the rows are older than the reuse window', async () => {
    const { fake, runner, client, clock, engine } = setupRunner();
    await runSelect(runner, client, ALL);
    clock.advance(REUSE_MS + 1);
    fake.resetRequests();
    const result = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    expect(pagesRequested(fake)).toEqual([1, 2, 3]);
    engine.dispose();
  });

  it('revalidates every page with its ETag on refresh, and reuses them on 304', async () => {
    const { fake, log, runner, client, engine } = setupRunner();
    await runSelect(runner, client, ALL);
    fake.resetRequests();
    log.length = 0;
    const result = resultOf((await runSelect(runner, client, ALL, { refresh: true })).outcome);
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests.every((r) => r.ifNoneMatch !== undefined && r.status === 304)).toBe(true);
    expect(log.every((e) => e.revalidated)).toBe(true);
    engine.dispose();
  });

  it('sees changed data on refresh', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const n = activeCount(fake, 'web/frontend');
    await runSelect(runner, client, ALL);
    const pkg = fake.dataset.packages.find((p) => p.name === 'web/frontend');
    const first = pkg?.versions.find((v) => v.deleted_at === undefined);
    if (!pkg || !first) throw new Error('no sample package');
    pkg.versions = pkg.versions.filter((v) => v !== first);
    const stale = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(stale.total).toBe(n);
    const fresh = resultOf((await runSelect(runner, client, ALL, { refresh: true })).outcome);
    expect(fresh.total).toBe(n - 1);
    engine.dispose();
  });

  it('forgets every fetched row after invalidate (a write), so the next runs fetch again', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const other = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'npm' AND package_name = 'ui-kit'`,
    );
    await runSelect(runner, client, ALL);
    await runSelect(runner, client, other);
    fake.resetRequests();
    runner.invalidate(client);
    resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(pagesRequested(fake)).toEqual([1, 2, 3]);
    fake.resetRequests();
    // A write may change any list (a package delete empties its versions under every owner path).
    resultOf((await runSelect(runner, client, other)).outcome);
    expect(fake.requests).toHaveLength(1);
    engine.dispose();
  });

  it('runs one call per IN value and combines their rows', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const p = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name IN ('web/frontend', 'api-server')`,
    );
    expect(p.calls).toHaveLength(2);
    const { outcome, interims } = await runSelect(runner, client, p);
    expect(resultOf(outcome).total).toBe(activeCount(fake, 'web/frontend') + activeCount(fake, 'api-server'));
    expect(interims).toEqual([]); // several calls: no interim over one page of one of them
    engine.dispose();
  });
});

describe('createRunner: interim results', () => {
  it('shows the first page while the rest arrive, for a query that allows it', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const { outcome, interims, events } = await runSelect(runner, client, ALL);
    expect(interims).toHaveLength(1);
    expect(interims[0]).toMatchObject({ interim: true, total: 100, source: 'github' });
    expect(resultOf(outcome)).toMatchObject({ interim: false, total: activeCount(fake, 'web/frontend') });
    expect(events).toEqual(['interim', 'done']);
    engine.dispose();
  });

  it.each([
    ['ORDER BY', `SELECT id ${FROM} ORDER BY id`],
    ['an aggregate', `SELECT COUNT(*) AS n ${FROM}`],
    ['DISTINCT', `SELECT DISTINCT name ${FROM}`],
  ])('shows nothing early for %s', async (_, sql) => {
    const { runner, client, engine } = setupRunner();
    const { outcome, interims } = await runSelect(runner, client, plan(sql));
    resultOf(outcome);
    expect(interims).toEqual([]);
    engine.dispose();
  });

  it('shows nothing early when there is only one page', async () => {
    const { runner, client, engine } = setupRunner();
    const small = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'rubygems' AND package_name = 'acme-auth'`,
    );
    const { interims } = await runSelect(runner, client, small);
    expect(interims).toEqual([]);
    engine.dispose();
  });
});

describe('createRunner: LIMIT', () => {
  it('fetches only the pages a LIMIT needs', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const five = plan(`SELECT id, name ${FROM} LIMIT 5`);
    expect(five.maxRows).toBe(5);
    expect(resultOf((await runSelect(runner, client, five)).outcome).total).toBe(5);
    expect(pagesRequested(fake)).toEqual([1]);
    engine.dispose();
  });

  it('fetches two pages for LIMIT 150, and a later LIMIT 50 reuses them', async () => {
    const { fake, runner, client, engine } = setupRunner();
    expect(
      resultOf((await runSelect(runner, client, plan(`SELECT id ${FROM} LIMIT 150`))).outcome).total,
    ).toBe(150);
    expect(pagesRequested(fake)).toEqual([1, 2]);
    expect(
      resultOf((await runSelect(runner, client, plan(`SELECT id ${FROM} LIMIT 50`))).outcome).total,
    ).toBe(50);
    expect(fake.requests).toHaveLength(2);
    engine.dispose();
  });

  it('after a LIMIT run, a query needing all rows fetches the rest and counts them all', async () => {
    const { fake, runner, client, engine } = setupRunner();
    await runSelect(runner, client, plan(`SELECT id ${FROM} LIMIT 5`));
    const n = activeCount(fake, 'web/frontend');
    const result = resultOf((await runSelect(runner, client, plan(`SELECT COUNT(*) AS n ${FROM}`))).outcome);
    expect(result.rows).toEqual([{ n }]);
    expect(pagesRequested(fake)).toEqual([1, 2, 3]); // page 1 served from the client's cache
    engine.dispose();
  });

  it('makes no request for LIMIT 0', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const result = resultOf((await runSelect(runner, client, plan(`SELECT id ${FROM} LIMIT 0`))).outcome);
    expect(result.total).toBe(0);
    expect(fake.requests).toHaveLength(0);
    engine.dispose();
  });
});

describe('createRunner: failures and cancel', () => {
  it('marks a result partial when page 2 keeps failing, with the rows that arrived', async () => {
    const { fake, runner, client, engine } = setupRunner({
      faults: [{ page: 2, action: { type: 'status', status: 500 } }],
    });
    const { outcome } = await runSelect(runner, client, ALL);
    const result = resultOf(outcome);
    expect(result.total).toBe(100);
    expect(result.partial).toMatchObject({ pages: 1, rows: 100 });
    expect(result.partial?.reason).toMatch(/500|server|error/i);
    expect(pagesRequested(fake).filter((p) => p === 3)).toEqual([]);
    engine.dispose();
  });

  it('keeps the rows and marks the result partial when the first of several calls fails part-way', async () => {
    const { fake, runner, client, engine } = setupRunner({
      faults: [{ page: 2, action: { type: 'status', status: 500 } }],
    });
    const both = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name IN ('web/frontend', 'api-server')`,
    );
    const result = resultOf((await runSelect(runner, client, both)).outcome);
    expect(result.partial).toMatchObject({ pages: 1, rows: 100 });
    expect(result.total).toBe(100);
    // The other call was not started: nothing more is sent after a failure.
    expect(fake.requests.every((r) => r.url.includes('web%2Ffrontend'))).toBe(true);
    engine.dispose();
  });

  it('marks the result partial when a later call fails part-way, keeping the earlier calls rows', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const both = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name IN ('api-server', 'web/frontend')`,
    );
    // api-server has 2 pages as well: load it first (reused below), then make every page 2 fail.
    const first = resultOf(
      (
        await runSelect(
          runner,
          client,
          plan(
            `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name = 'api-server'`,
          ),
        )
      ).outcome,
    );
    fake.setFaults([{ page: 2, action: { type: 'status', status: 500 } }]);
    const result = resultOf((await runSelect(runner, client, both)).outcome);
    expect(result.partial).toMatchObject({ pages: 1, rows: 100 });
    expect(result.total).toBe(first.total + 100);
    engine.dispose();
  });

  it('does not keep a partial result for reuse: the next run fetches again', async () => {
    const { fake, runner, client, engine } = setupRunner({
      faults: [{ page: 2, action: { type: 'status', status: 500 }, times: 4 }],
    });
    resultOf((await runSelect(runner, client, ALL)).outcome);
    fake.resetRequests();
    const result = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(result.partial).toBeUndefined();
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    expect(pagesRequested(fake)).toContain(2);
    engine.dispose();
  });

  it('recovers from a single 502 on page 2 by retrying it', async () => {
    const { fake, runner, client, engine } = setupRunner({
      faults: [{ page: 2, times: 1, action: { type: 'status', status: 502 } }],
    });
    const result = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(result.partial).toBeUndefined();
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    expect(pagesRequested(fake)).toEqual([1, 2, 2, 3]);
    engine.dispose();
  });

  it('stops after a cancel during page 1, with no further page request', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const controller = new AbortController();
    const { outcome } = await runSelect(runner, client, ALL, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fetch?.pages === 1) controller.abort();
      },
    });
    expect(pagesRequested(fake)).toEqual([1]);
    if (outcome.ok) {
      expect(outcome.result.partial).toMatchObject({ pages: 1, rows: 100 });
      expect(outcome.result.total).toBe(100);
    } else {
      expect(outcome.error.code).toBe('cancelled');
    }
    engine.dispose();
  });

  it('reports no interim result once the run is cancelled', async () => {
    const { runner, client, engine } = setupRunner();
    const controller = new AbortController();
    const { interims } = await runSelect(runner, client, ALL, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fetch?.pages === 1) controller.abort();
      },
    });
    expect(interims).toEqual([]);
    engine.dispose();
  });

  it('says "cancelled" for a run cancelled before it starts, even when its rows could be reused', async () => {
    const { fake, runner, client, engine } = setupRunner();
    await runSelect(runner, client, ALL);
    fake.resetRequests();
    const controller = new AbortController();
    controller.abort();
    const { outcome } = await runSelect(runner, client, ALL, { signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fake.requests).toHaveLength(0);
    engine.dispose();
  });

  it('stops while page 2 is in flight: no request for page 3', async () => {
    const { fake, runner, client, engine } = setupRunner({ delayMs: 30 });
    const controller = new AbortController();
    const running = runSelect(runner, client, ALL, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fetch?.pages === 1)
          setTimeout(() => {
            controller.abort();
          }, 10);
      },
    });
    const { outcome } = await running;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(pagesRequested(fake)).toEqual([1, 2]);
    if (outcome.ok) expect(outcome.result.partial).toMatchObject({ pages: 1, rows: 100 });
    else expect(outcome.error.code).toBe('cancelled');
    engine.dispose();
  });

  it('says "cancelled" for a cancel before the first page arrived', async () => {
    const { runner, client, engine } = setupRunner({ delayMs: 30 });
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 5);
    const { outcome } = await runSelect(runner, client, ALL, { signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    engine.dispose();
  });

  it('gives a clear error for a bad token (401), without retrying', async () => {
    const { fake, runner, client, engine } = setupRunner({}, 'ghp_wrongwrongwrongwrongwrongwrong1234');
    const { outcome } = await runSelect(runner, client, ALL);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('bad_credentials');
      expect(outcome.error.message).toMatch(/token/i);
      expect(outcome.error.message).not.toContain('wrongwrong');
    }
    expect(fake.requests).toHaveLength(1);
    engine.dispose();
  });

  it('gives a clear error for a package that does not exist (404)', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const missing = plan(
      `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'npm' AND package_name = 'nope'`,
    );
    const { outcome } = await runSelect(runner, client, missing);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(20);
    expect(fake.requests).toHaveLength(1);
    engine.dispose();
  });

  it('after a failed fetch, the next run fetches again rather than reuse nothing', async () => {
    const { fake, runner, client, engine } = setupRunner({
      faults: [{ nth: 1, action: { type: 'status', status: 404 } }],
    });
    expect((await runSelect(runner, client, ALL)).outcome.ok).toBe(false);
    const result = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    engine.dispose();
  });

  it('hands on a SQL error from the engine as the outcome error, keeping the fetched rows', async () => {
    const { fake, runner, client, engine } = setupRunner();
    const { outcome } = await runSelect(
      runner,
      client,
      plan(`SELECT json_extract(metadata, 'tags') AS t ${FROM}`),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'runtime' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/JSON path/);
    fake.resetRequests();
    // The rows stay loaded: the corrected query needs no request.
    expect(resultOf((await runSelect(runner, client, ALL)).outcome).total).toBe(
      activeCount(fake, 'web/frontend'),
    );
    expect(fake.requests).toHaveLength(0);
    engine.dispose();
  });

  it('keys loaded rows by API base URL: the same call on another API is fetched, not reused', async () => {
    const a = setupRunner();
    const b = setupRunner();
    const other = createGitHubClient({
      baseUrl: 'https://api2.test',
      token: TOKEN,
      fetch: b.fake.fetch,
      clock: a.clock,
    });
    await runSelect(a.runner, a.client, ALL);
    expect(a.client.baseUrl).toBe(BASE);
    const result = resultOf((await runSelect(a.runner, other, ALL)).outcome);
    expect(result.total).toBe(activeCount(b.fake, 'web/frontend'));
    expect(pagesRequested(b.fake)).toEqual([1, 2, 3]);
    a.engine.dispose();
    b.engine.dispose();
  });

  it('still answers correctly after the engine restarted (a cancelled query replaces the worker)', async () => {
    const { fake, runner, client, engine, workers } = setupRunner();
    await runSelect(runner, client, ALL);
    const controller = new AbortController();
    const cancelled = runSelect(runner, client, plan(`SELECT id ${FROM} ORDER BY name`), {
      signal: controller.signal,
      onProgress: (p) => {
        // As a click would: on a later task, once the query is in the engine.
        if (p.phase === 'querying')
          setTimeout(() => {
            controller.abort();
          }, 0);
      },
    });
    expect((await cancelled).outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(engine.restarts).toBe(1);
    expect(workers).toHaveLength(2);
    const result = resultOf((await runSelect(runner, client, ALL)).outcome);
    expect(result.total).toBe(activeCount(fake, 'web/frontend'));
    engine.dispose();
  });
});
