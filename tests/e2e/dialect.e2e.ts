import { compressToEncodedURIComponent } from 'lz-string';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSampleDataset } from '../../src/github/sample/dataset';
import { useBrowser } from './support/browser';
import { fakeRequests, resetFake } from './support/fakeGitHub';
import {
  alertText,
  exportedJson,
  resultStatus,
  runQuery,
  useFakeApi,
  waitForPlayground,
} from './support/playground';

/**
 * The SQL people write beyond one SELECT (WITH, UNION, sub-queries), through the production build:
 * each SELECT fetches its own resource from its own WHERE, and the engine combines them.
 */

const browser = useBrowser();

const acme = createSampleDataset().owners.find((o) => o.login === 'acme');
const containers = (acme?.packages ?? []).filter((p) => p.type === 'container' && !p.deleted);
const [first] = containers;
const firstVersions = (first?.versions ?? []).filter((v) => !v.deleted_at);

const COMBINED = `WITH pkgs AS (
  SELECT name FROM github.packages.org_packages
  WHERE org = 'acme' AND package_type = 'container'
)
SELECT 'package' AS kind, name FROM pkgs
UNION ALL
SELECT 'version', name FROM github.packages.org_versions
WHERE org = 'acme' AND package_type = 'container' AND package_name = '${first?.name ?? ''}'
  AND id IN (SELECT id FROM github.packages.org_versions
             WHERE org = 'acme' AND package_type = 'container' AND package_name = '${first?.name ?? ''}')
ORDER BY kind, name`;

const EXPECTED = [
  ...containers.map((p) => ({ kind: 'package', name: p.name })),
  ...firstVersions.map((v) => ({ kind: 'version', name: v.name })),
];

beforeEach(async () => {
  await resetFake();
});

async function openWith(sql: string): Promise<Page> {
  const { page } = await browser.open(`/playground#sql=${compressToEncodedURIComponent(sql)}`);
  await waitForPlayground(page);
  return page;
}

/** SQLite's order of text: by code unit, not by locale. */
const byKindThenName = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = `${String(a.kind)}\u0000${String(a.name)}`;
  const kb = `${String(b.kind)}\u0000${String(b.name)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('queries of several SELECTs', () => {
  it('WITH, UNION ALL and an IN sub-query fetch each resource once and give the exact rows', async () => {
    expect(containers.length).toBeGreaterThan(1);
    expect(firstVersions.length).toBeGreaterThan(0);
    const page = await openWith(COMBINED);
    await useFakeApi(page);
    // The plan names both resources before anything is sent.
    await expect
      .poll(() => page.getByText(/org_packages\.\w+ .*then .*org_versions\.\w+/).count())
      .toBeGreaterThan(0);
    expect(await fakeRequests()).toHaveLength(0);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${EXPECTED.length} rows from GitHub`);
    expect(await exportedJson(page)).toEqual([...EXPECTED].sort(byKindThenName));
    // One list of packages and one of the first package's versions: the sub-query reads the same rows.
    const paths = (await fakeRequests()).map((r) => new URL(r.url, 'http://x').pathname);
    expect(new Set(paths)).toEqual(
      new Set([
        '/orgs/acme/packages',
        `/orgs/acme/packages/container/${encodeURIComponent(first?.name ?? '')}/versions`,
      ]),
    );
  });

  it('expands a JSON array into rows with json_each', async () => {
    const tags = firstVersions.flatMap((v) => v.metadata?.container?.tags ?? []);
    expect(tags.length).toBeGreaterThan(0);
    const sql = `SELECT v.name, t.value AS tag
FROM github.packages.org_versions v, json_each(v.metadata, '$.container.tags') AS t
WHERE v.org = 'acme' AND v.package_type = 'container' AND v.package_name = '${first?.name ?? ''}'`;
    const page = await openWith(sql);
    await runQuery(page);
    await expect
      .poll(() => resultStatus(page).innerText())
      .toMatch(new RegExp(`^${String(tags.length)} rows`));
  });

  it('runs on the sample data without a token, and explains a UNION of unequal SELECTs', async () => {
    const sql = `SELECT COUNT(*) AS versions FROM (SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name = '${first?.name ?? ''}')`;
    const page = await openWith(sql);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/1 row/);
    await expect
      .poll(() => page.getByRole('cell', { name: String(firstVersions.length), exact: true }).count())
      .toBe(1);
    const bad = `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name = 'x'
UNION SELECT id, name FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name = 'y'`;
    const again = await openWith(bad);
    await runQuery(again);
    expect(await alertText(again)).toMatch(/give 1 and 2 columns: each must give the same number/);
  });
});
