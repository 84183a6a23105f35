import { describe, expect, it } from 'vitest';

import { createDataset, createSampleDataset, manyPackages } from '../../../src/github/sample/dataset';
import { plan, resultOf, runSelect, setupRunner } from './runnerHarness';

const JOIN = `SELECT p.name AS package, v.name AS version, v.created_at
FROM github.packages.org_packages p
JOIN github.packages.org_versions v
  ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;

/** The rows the JOIN must give, from the dataset itself: each active version of each live container. */
function expectedRows() {
  const acme = createSampleDataset().owners.find((o) => o.login === 'acme');
  return (acme?.packages ?? [])
    .filter((p) => p.type === 'container' && !p.deleted)
    .flatMap((p) =>
      p.versions
        .filter((v) => !v.deleted_at)
        .map((v) => ({ package: p.name, version: v.name, created_at: v.created_at })),
    );
}

/** Requests a list needs at 100 rows a page. */
const pages = (rows: number) => Math.max(1, Math.ceil(rows / 100));

describe('JOINs with data flow through the runner', () => {
  it('gives exactly the joined rows, with one list call and one paginated call per package', async () => {
    const { runner, client, fake, engine } = setupRunner();
    const { outcome, progress } = await runSelect(runner, client, plan(JOIN));
    const result = resultOf(outcome);
    const expected = expectedRows();
    expect(result.total).toBe(expected.length);
    expect(result.partial).toBeUndefined();
    const window = await engine.fetchWindow(result.resultId ?? -1, 0, result.total);
    if (!window.ok) throw new Error(window.error.message);
    const all = window.value;
    expect(sorted(all)).toEqual(sorted(expected));
    const containers = new Set(expected.map((r) => r.package));
    const minimum =
      1 +
      [...containers].reduce((n, name) => n + pages(expected.filter((r) => r.package === name).length), 0);
    expect(fake.requests).toHaveLength(minimum);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    // Progress names the keys: "package 1 of N" … "package N of N".
    const units = progress.flatMap((p) =>
      p.unit ? [`${p.unit.name} ${p.unit.index + 1} of ${p.unit.count}`] : [],
    );
    expect(units).toContain(`package ${containers.size} of ${containers.size}`);
  });

  it('a WHERE term on the driving table alone narrows the calls before they are made', async () => {
    const { runner, client, fake } = setupRunner();
    await runSelect(runner, client, plan(JOIN));
    const all = fake.requests.length;
    const narrow = setupRunner();
    const { outcome } = await runSelect(narrow.runner, narrow.client, plan(`${JOIN} AND p.name LIKE 'web%'`));
    const result = resultOf(outcome);
    expect(result.total).toBe(expectedRows().filter((r) => r.package.startsWith('web')).length);
    expect(narrow.fake.requests.length).toBeLessThan(all);
    expect(narrow.fake.requests.filter((r) => r.url.includes('/versions'))).not.toHaveLength(0);
    expect(narrow.fake.requests.every((r) => !r.url.includes('/versions') || r.url.includes('web'))).toBe(
      true,
    );
  });

  it('a LEFT JOIN keeps driving rows whose dependent call found nothing, with NULLs', async () => {
    const dataset = createDataset('acme', [
      { type: 'container', name: 'one', count: 2 },
      { type: 'container', name: 'two', count: 1 },
    ]);
    const { runner, client } = setupRunner({ dataset });
    const left = JOIN.replace('\nJOIN', '\nLEFT JOIN') + ` AND v.state = 'deleted'`;
    const result = resultOf((await runSelect(runner, client, plan(left))).outcome);
    expect(result.rows).toEqual([{ package: 'one' }, { package: 'two' }]);
  });

  it('over the cap: a clear error before any dependent request', async () => {
    const dataset = createDataset('acme', manyPackages(60, 1));
    const { runner, client, fake } = setupRunner({ dataset });
    const { outcome } = await runSelect(runner, client, plan(JOIN));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('fan-out');
    expect(outcome.error.message).toContain('60 calls');
    expect(outcome.error.message).toContain('the limit is 50');
    expect(fake.requests.every((r) => !r.url.includes('/versions'))).toBe(true);
  });

  it('a failure part-way gives a partial result, marked, over the packages that arrived', async () => {
    const dataset = createDataset('acme', manyPackages(4, 3));
    const { runner, client, fake } = setupRunner({
      dataset,
      faults: [{ nth: 4, action: { type: 'status', status: 404 } }],
    });
    const result = resultOf((await runSelect(runner, client, plan(JOIN))).outcome);
    expect(result.partial?.reason).toBeTruthy();
    expect(result.total).toBe(6);
    expect(fake.requests).toHaveLength(4);
  });

  it('cancel stops between dependent calls', async () => {
    const dataset = createDataset('acme', manyPackages(5, 2));
    const { runner, client, fake } = setupRunner({ dataset });
    const controller = new AbortController();
    const { outcome } = await runSelect(runner, client, plan(JOIN), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.unit?.index === 1) controller.abort();
      },
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('cancelled');
    expect(fake.requests.length).toBeLessThanOrEqual(3);
  });

  it('the authenticated user needs no owner param, and a second run reuses every call', async () => {
    const { runner, client, fake } = setupRunner();
    const sql = `SELECT p.name, v.name AS version FROM github.packages.auth_user_packages p
      JOIN github.packages.auth_user_versions v ON v.package_name = p.name AND v.package_type = p.package_type
      WHERE p.package_type = 'npm'`;
    const first = resultOf((await runSelect(runner, client, plan(sql))).outcome);
    expect(first.total).toBeGreaterThan(0);
    const made = fake.requests.length;
    expect(fake.requests.every((r) => new URL(r.url).pathname.startsWith('/user/packages'))).toBe(true);
    const again = resultOf((await runSelect(runner, client, plan(sql))).outcome);
    expect(again.total).toBe(first.total);
    expect(fake.requests).toHaveLength(made);
  });
});

type Row = Readonly<Record<string, unknown>>;

function sorted(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('JOIN edge cases through the runner', () => {
  it('an unqualified column of either table filters on that table', async () => {
    const { runner, client } = setupRunner();
    const ui = resultOf(
      (
        await runSelect(
          runner,
          client,
          plan(
            `SELECT p.name AS package, v.name AS version FROM github.packages.org_packages p
             JOIN github.packages.org_versions v ON v.package_name = p.name AND v.package_type = p.package_type
             WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme' AND package_html_url LIKE '%ui-kit%'`,
          ),
        )
      ).outcome,
    );
    expect(ui.total).toBeGreaterThan(0);
    expect(ui.rows.every((r) => r.package === 'ui-kit')).toBe(true);
    const fromDependent = resultOf(
      (
        await runSelect(
          runner,
          client,
          plan(
            `SELECT v.id FROM github.packages.org_versions v
             JOIN github.packages.org_packages p ON v.package_name = p.name AND v.package_type = p.package_type
             WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme' AND version_count > 0`,
          ),
        )
      ).outcome,
    );
    expect(fromDependent.total).toBeGreaterThan(0);
  });

  it('a first dependent call that fails gives a partial result over the others, not an error', async () => {
    const dataset = createDataset('acme', manyPackages(3, 2));
    const { runner, client } = setupRunner({
      dataset,
      faults: [{ nth: 2, action: { type: 'status', status: 404 } }],
    });
    const result = resultOf((await runSelect(runner, client, plan(JOIN))).outcome);
    expect(result.partial?.reason).toBeTruthy();
  });

  it('keys the engine did not find in the driving rows are refused before any dependent request', async () => {
    const dataset = createDataset('acme', manyPackages(2, 1));
    const { runner, client, fake, workers } = setupRunner({ dataset });
    // A lying engine: answers the keys request with a package the rows do not have.
    const worker = workers[0];
    if (!worker) throw new Error('no worker');
    const real = worker.onmessage;
    worker.onmessage = (event) => {
      const data = event.data;
      if (
        data.type === 'result' &&
        data.summary.columns.includes('package_type') &&
        data.summary.total <= 51
      ) {
        const forged = [{ name: 'private-secret', package_type: 'container' }];
        real?.({ data: { ...data, summary: { ...data.summary, rows: forged, total: 1 } } });
        return;
      }
      real?.(event);
    };
    const { outcome } = await runSelect(runner, client, plan(JOIN));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('not in the fetched rows');
    expect(fake.requests.some((r) => r.url.includes('private-secret'))).toBe(false);
  });
});
