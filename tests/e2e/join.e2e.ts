import { compressToEncodedURIComponent } from 'lz-string';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSampleDataset, manyPackages } from '../../src/github/sample/dataset';
import { allResources, findService } from '../../src/resources/registry';
import { useBrowser } from './support/browser';
import { fakeRequests, resetFake } from './support/fakeGitHub';
import {
  alertText,
  exportedJson,
  resultStatus,
  runQuery,
  setSql,
  useFakeApi,
  waitForPlayground,
} from './support/playground';

const browser = useBrowser();

const JOIN = `SELECT p.name AS package, v.name AS version, v.created_at
FROM github.packages.org_packages p
JOIN github.packages.org_versions v
  ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;

const acme = createSampleDataset().owners.find((o) => o.login === 'acme');
const containers = (acme?.packages ?? []).filter((p) => p.type === 'container' && !p.deleted);
const EXPECTED = containers.flatMap((p) =>
  p.versions
    .filter((v) => !v.deleted_at)
    .map((v) => ({ package: p.name, version: v.name, created_at: v.created_at })),
);
/** One list of packages, then every page of each container's versions. */
const MINIMUM =
  1 +
  containers.reduce(
    (n, p) => n + Math.max(1, Math.ceil(p.versions.filter((v) => !v.deleted_at).length / 100)),
    0,
  );

beforeEach(async () => {
  await resetFake();
});

/** Opens the playground with `sql` from a shared link and points it at the fake API with a token. */
async function openWith(sql: string): Promise<Page> {
  const { page } = await browser.open(`/playground#sql=${compressToEncodedURIComponent(sql)}`);
  await waitForPlayground(page);
  await useFakeApi(page);
  return page;
}

const sorted = (rows: readonly object[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('JOINs that feed each other', () => {
  it('shows the plan before it runs, then gives the exact rows with the fewest requests', async () => {
    const page = await openWith(JOIN);
    await expect
      .poll(() => page.getByText(/once per distinct name, package_type .*at most 50 calls/).count())
      .toBe(1);
    expect(await fakeRequests()).toHaveLength(0);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${EXPECTED.length} rows from GitHub`);
    expect(sorted(await exportedJson(page))).toEqual(sorted(EXPECTED));
    const requests = await fakeRequests();
    expect(requests).toHaveLength(MINIMUM);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('says which package it is fetching while the dependent calls run', async () => {
    await resetFake({ delayMs: 150 });
    const page = await openWith(JOIN);
    // Not runQuery: it waits for the run to end, and the progress is gone by then.
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect
      .poll(() => page.getByText(`package 2 of ${containers.length}`).count(), { timeout: 20_000 })
      .toBe(1);
    await expect
      .poll(() => resultStatus(page).innerText(), { timeout: 30_000 })
      .toContain('rows from GitHub');
  });

  it('a WHERE term on the driving table narrows the calls (fewer requests)', async () => {
    const page = await openWith(`${JOIN} AND p.name LIKE 'web%'`);
    await runQuery(page);
    const web = EXPECTED.filter((r) => r.package.startsWith('web'));
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${web.length} rows from GitHub`);
    const requests = await fakeRequests();
    expect(requests.length).toBeLessThan(MINIMUM);
    expect(requests.filter((r) => r.url.includes('/versions')).every((r) => r.url.includes('/web'))).toBe(
      true,
    );
  });

  it('a LEFT JOIN keeps packages without matching versions, with empty cells', async () => {
    const page = await openWith(
      `${JOIN.replace('\nJOIN', '\nLEFT JOIN')} AND p.name = 'api-server'`.replace(
        "v.org = 'acme'",
        "v.org = 'acme' AND v.state = 'deleted'",
      ),
    );
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/\d+ rows? from GitHub/);
    const rows = await exportedJson(page);
    const deleted =
      containers.find((p) => p.name === 'api-server')?.versions.filter((v) => v.deleted_at) ?? [];
    expect(rows).toHaveLength(Math.max(deleted.length, 1));
    expect(rows.every((r) => r.package === 'api-server')).toBe(true);
  });

  it('refuses a JOIN over the cap before any dependent request, saying how to narrow it', async () => {
    await resetFake({
      dataset: { owners: [{ login: 'acme', kind: 'Organization', packages: manyPackages(60, 1) }] },
    });
    const page = await openWith(JOIN);
    await runQuery(page);
    await expect.poll(() => alertText(page)).toContain('60 calls');
    const alert = await alertText(page);
    expect(alert).toContain('the limit is 50');
    expect(alert).toContain('Narrow');
    const requests = await fakeRequests();
    expect(requests.some((r) => r.url.includes('/versions'))).toBe(false);
    // Nothing typed is lost.
    expect(await page.locator('.monaco-editor').first().innerText()).toContain('JOIN');
  });

  it('SHOW METHODS and DESCRIBE answer with no request, loading the service they name', async () => {
    const { page } = await browser.open('/playground');
    await waitForPlayground(page);
    await useFakeApi(page);
    // Every resource of packages (the page's service) and the first of each other service (loaded
    // when the statement names it); the unit tests answer them for every resource.
    const sampled = allResources().filter(
      (r) => r.service === 'packages' || r === findService(r.service)?.resources[0],
    );
    for (const resource of sampled) {
      for (const [sql, count] of [
        [`SHOW METHODS IN ${resource.id}`, resource.methods.length],
        [`DESCRIBE ${resource.id}`, resource.fields.length],
      ] as const) {
        await setSql(page, sql);
        await runQuery(page);
        // "1 row", "2 rows": many resources of other services have one method.
        await expect
          .poll(() => resultStatus(page).innerText())
          .toMatch(new RegExp(`^${String(count)} rows? from`));
      }
    }
    expect(await fakeRequests()).toHaveLength(0);
  });
});
