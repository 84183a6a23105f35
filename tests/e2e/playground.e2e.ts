import { beforeEach, describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { createSampleDataset } from '../../src/github/sample/dataset';
import { useBrowser } from './support/browser';
import { E2E_TOKEN, FAKE_API_URL } from './support/constants';
import { fakeRequests, resetFake } from './support/fakeGitHub';
import {
  alertText,
  editorText,
  finishedRuns,
  resultStatus,
  runQuery,
  setSql,
  useFakeApi,
  waitForPlayground,
  waitForRuns,
} from './support/playground';

const browser = useBrowser();
const active = (name: string): number =>
  createSampleDataset()
    .packages.find((p) => p.name === name)
    ?.versions.filter((v) => !v.deleted_at).length ?? -1;
const WEB = active('web/frontend');
const LIST_WEB =
  "SELECT id, name, created_at FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'";

beforeEach(async () => {
  await resetFake();
});

async function open(path = '/playground', options: Parameters<typeof browser.open>[1] = {}) {
  const visit = await browser.open(path, { clipboard: true, ...options });
  await waitForPlayground(visit.page);
  return visit;
}

describe('playground: sample data', () => {
  it('runs on built-in sample data with no token, and says so', async () => {
    const { page } = await open();
    await expect.poll(() => page.getByText('built-in sample data').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Use sample data').isChecked()).toBe(true);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from sample data`);
    const table = page.getByRole('table', { name: 'Query results' });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'id',
      'name',
      'created_at',
      'updated_at',
    ]);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(WEB + 1));
    // Virtualized: only the rows in view are in the DOM.
    expect(await table.getByRole('row').count()).toBeLessThan(80);
    expect((await fakeRequests()).length).toBe(0);
  });

  it('runs a query typed with the keyboard, with Ctrl+Enter', async () => {
    const { page } = await open();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SHOW METHODS IN github.packages.org_versions', { delay: 5 });
    await page.keyboard.press('Escape');
    const before = await finishedRuns(page);
    await page.keyboard.press('Control+Enter');
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain('4 rows');
    const headers = await page
      .getByRole('table', { name: 'Query results' })
      .getByRole('columnheader')
      .allInnerTexts();
    expect(headers).toEqual(['MethodName', 'RequiredParams', 'SQLVerb']);
  });

  it('underlines a missing required param before any request, and explains it on Run', async () => {
    const { page } = await open();
    await resetFake();
    await useFakeApi(page);
    await setSql(page, "SELECT id FROM github.packages.org_versions WHERE org = 'acme'");
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await runQuery(page);
    const alert = await alertText(page);
    expect(alert).toContain('package_name');
    expect(alert).toContain('package_type');
    expect(alert).toContain('SHOW METHODS IN github.packages.org_versions');
    expect(await fakeRequests()).toEqual([]);
  });

  it('shows JSON cells compactly, expands them, and offers a JSON view', async () => {
    const { page } = await open();
    await setSql(page, `${LIST_WEB.replace('id, name, created_at', 'id, metadata')} LIMIT 5`);
    await runQuery(page);
    const table = page.getByRole('table', { name: 'Query results' });
    await expect
      .poll(() => table.getByRole('cell').filter({ hasText: '"package_type":"container"' }).count())
      .toBeGreaterThan(0);
    await table.getByRole('button', { name: 'Expand' }).first().click();
    const inspector = page.getByRole('region', { name: 'Cell value' });
    const shown = JSON.parse(await inspector.locator('pre').innerText()) as {
      container?: { tags?: unknown };
    };
    expect(Array.isArray(shown.container?.tags)).toBe(true);
    await inspector.getByRole('button', { name: 'Collapse' }).click();
    expect(await inspector.count()).toBe(0);
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const json = JSON.parse(await page.getByLabel('Results as JSON').innerText()) as { metadata: unknown }[];
    expect(json).toHaveLength(5);
    expect(json[0]?.metadata).toMatchObject({ package_type: 'container' });
  });

  it('sorts by a column header and copies the result as Markdown', async () => {
    const { page } = await open();
    await runQuery(page);
    const table = page.getByRole('table', { name: 'Query results' });
    const idHeader = table.getByRole('columnheader', { name: 'id' });
    await idHeader.getByRole('button').click();
    await expect.poll(() => idHeader.getAttribute('aria-sort')).toBe('ascending');
    const ids = createSampleDataset()
      .packages.find((p) => p.name === 'web/frontend')
      ?.versions.filter((v) => !v.deleted_at)
      .map((v) => v.id)
      .sort((a, b) => a - b);
    await expect
      .poll(() => table.getByRole('row').nth(1).getByRole('cell').first().innerText())
      .toBe(String(ids?.[0]));
    await idHeader.getByRole('button').click();
    await expect.poll(() => idHeader.getAttribute('aria-sort')).toBe('descending');
    await expect
      .poll(() => table.getByRole('row').nth(1).getByRole('cell').first().innerText())
      .toBe(String(ids?.at(-1)));
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^\| id \| name \| created\\_at \| updated\\_at \|\n\| --- \|/); // `_` escaped, rendered as is
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown.split('\n')).toHaveLength(WEB + 2);
  });

  it('completes fields and params from the resource definition', async () => {
    const { page } = await open();
    await setSql(page, 'SELECT package_ht');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await suggest.getByText('package_html_url').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe('SELECT package_html_url');
  });

  it('keeps history in localStorage, newest first, and lists the examples', async () => {
    const { page } = await open();
    await setSql(page, 'SHOW RESOURCES IN github.packages');
    await runQuery(page);
    await page.reload();
    await waitForPlayground(page);
    const history = page.getByLabel('History');
    expect(await history.locator('option').nth(1).innerText()).toBe('SHOW RESOURCES IN github.packages');
    await page.getByLabel('Examples').selectOption({ label: 'Delete a version' });
    expect(await editorText(page)).toMatch(/^DELETE FROM github\.packages\.org_versions/);
  });
});

describe('playground: GitHub API (fake on loopback)', () => {
  it('paginates 3 pages with per_page=100 and the token only in the Authorization header', async () => {
    const { page } = await open();
    await useFakeApi(page);
    await setSql(page, LIST_WEB);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from GitHub`);
    const requests = await fakeRequests();
    expect(requests.map((r) => new URL(r.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
    for (const r of requests) {
      expect(r.url).toContain('/orgs/acme/packages/container/web%2Ffrontend/versions');
      expect(new URL(r.url).searchParams.get('per_page')).toBe('100');
      expect(r.url).not.toContain(E2E_TOKEN);
      expect(r.authorization).toMatch(new RegExp(`^(token|Bearer) ${E2E_TOKEN}$`));
    }
    // The request log lists every call, without the token; "copy as curl" uses $GITHUB_TOKEN.
    await page.getByRole('button', { name: /^Requests/ }).click();
    const log = page.getByRole('table', { name: 'Request log' });
    expect(await log.locator('tbody tr').count()).toBe(3);
    expect(await log.innerText()).not.toContain(E2E_TOKEN);
    await log.getByRole('button', { name: 'Copy as curl' }).first().click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain('$GITHUB_TOKEN');
    expect(curl).toContain(`${FAKE_API_URL}/orgs/acme/packages/container/web%2Ffrontend/versions`);
    expect(curl).not.toContain(E2E_TOKEN);
  });

  it('re-runs a different SELECT over the same params with no request', async () => {
    const { page } = await open();
    await useFakeApi(page);
    await setSql(page, LIST_WEB);
    await runQuery(page);
    await resetFake();
    await setSql(page, LIST_WEB.replace('id, name, created_at', 'COUNT(*) AS n'));
    await runQuery(page);
    await expect
      .poll(() => page.getByRole('table', { name: 'Query results' }).getByRole('cell').first().innerText())
      .toBe(String(WEB));
    expect(await fakeRequests()).toEqual([]);
  });

  it('cancels mid-pagination: no further page is requested and the rows that arrived are kept, marked partial', async () => {
    const { page } = await open();
    await useFakeApi(page);
    await resetFake({ delayMs: 700 });
    await setSql(page, LIST_WEB);
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByText(/1 of 3 pages/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Cancel query' }).click();
    await waitForRuns(page, before);
    const sent = (await fakeRequests()).length;
    expect(sent).toBeLessThanOrEqual(2);
    await page.waitForTimeout(1500);
    expect((await fakeRequests()).length).toBe(sent);
    const status = await resultStatus(page).innerText();
    expect(status).toMatch(/Partial result/);
    expect(status).toMatch(/cancel/i);
    expect(await editorText(page)).toBe(LIST_WEB);
  });

  it('shows a 401 as an alert, without retrying it', async () => {
    const { page } = await open();
    await useFakeApi(page, 'ghp_wrongTokenBBBBBBBBBBBBBBBBBBBBBBBBBBBB');
    await setSql(page, LIST_WEB);
    await runQuery(page);
    expect(await alertText(page)).toMatch(/invalid|expired|credentials/i);
    expect((await fakeRequests()).length).toBe(1);
  });

  it('shows a 404 as an alert naming the package asked for', async () => {
    const { page } = await open();
    await useFakeApi(page);
    await setSql(page, LIST_WEB.replace('web/frontend', 'no-such-package'));
    await runQuery(page);
    const alert = await alertText(page);
    expect(alert).toContain('no-such-package');
    expect(alert).toMatch(/not found|cannot see|does not exist/i);
  });

  it('sends a DELETE only after Confirm, showing the exact request first', async () => {
    const { page } = await open();
    await useFakeApi(page);
    const id = createSampleDataset().packages.find((p) => p.name === 'api-server')?.versions[5]?.id ?? 0;
    await setSql(
      page,
      `DELETE FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'api-server' AND package_type = 'container' AND package_version_id = ${id}`,
    );
    await page.getByRole('button', { name: 'Run query' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const request = `DELETE ${FAKE_API_URL}/orgs/acme/packages/container/api-server/versions/${id}`;
    expect(await dialog.innerText()).toContain(request);
    expect(await dialog.innerText()).toContain('delete:packages');
    expect((await fakeRequests()).map((r) => r.method)).toEqual(['GET']); // the look-up only
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForTimeout(300);
    expect((await fakeRequests()).map((r) => r.method)).toEqual(['GET']);

    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitForRuns(page, before + 1);
    expect((await fakeRequests()).filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual([
      request.replace('DELETE ', ''),
    ]);
    expect(await page.getByRole('list', { name: 'What happened' }).innerText()).toContain(
      `Deleted version ${id}`,
    );
  });

  it('sends an EXEC restore only after Confirm', async () => {
    const { page } = await open();
    await useFakeApi(page);
    const deleted = createSampleDataset()
      .packages.find((p) => p.name === 'ui-kit')
      ?.versions.find((v) => v.deleted_at)?.id;
    await setSql(
      page,
      `EXEC github.packages.org_versions.restore_package_version_for_org @org='acme', @package_name='ui-kit', @package_type='npm', @package_version_id=${deleted}`,
    );
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain(
      `POST ${FAKE_API_URL}/orgs/acme/packages/npm/ui-kit/versions/${deleted}/restore`,
    );
    // The deleted version is found in the package's deleted list, so its name shows.
    expect(await page.getByRole('dialog').innerText()).not.toContain('could not look it up');
    expect(await page.getByRole('dialog').innerText()).toContain(' · name ');
    expect((await fakeRequests()).some((r) => r.method === 'POST')).toBe(false);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect((await fakeRequests()).some((r) => r.method === 'POST')).toBe(false);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('playground: links, token and layout', () => {
  it('opens a shared link into the editor and runs nothing', async () => {
    const sql =
      "SELECT name FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'ui-kit' AND package_type = 'npm'";
    const { page, requests } = await open(`/playground#sql=${compressToEncodedURIComponent(sql)}`);
    expect(await editorText(page)).toBe(sql);
    await page.waitForTimeout(500);
    expect(await resultStatus(page).innerText()).toBe('Run a query to see results.');
    expect(await page.getByRole('button', { name: /^Requests/ }).innerText()).toContain('(0)');
    expect(requests.filter((u) => u.startsWith(FAKE_API_URL))).toEqual([]);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).hash).toBe(`#sql=${compressToEncodedURIComponent(sql)}`);
  });

  it('keeps the token in memory only unless the reader opts in, and forgets it on request', async () => {
    const { page, context } = await open();
    await useFakeApi(page);
    await setSql(page, LIST_WEB);
    await runQuery(page);
    const stores = async (): Promise<string> =>
      JSON.stringify(
        await page.evaluate(() => ({
          local: Object.entries(localStorage),
          session: Object.entries(sessionStorage),
          cookie: document.cookie,
        })),
      ) + JSON.stringify(await context.cookies());
    expect(await stores()).not.toContain(E2E_TOKEN);
    await page.reload();
    await waitForPlayground(page);
    expect(await stores()).not.toContain(E2E_TOKEN);
    await useFakeApi(page);
    await page.getByLabel('Remember in this tab').check();
    expect(await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))).toContain(E2E_TOKEN);
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toContain(E2E_TOKEN);
    await page.reload();
    await waitForPlayground(page);
    await page.locator('details summary').filter({ hasText: 'Data source' }).click();
    expect(await page.getByLabel('GitHub token').inputValue()).toBe(E2E_TOKEN);
    await page.getByRole('button', { name: 'Forget token' }).click();
    expect(await page.getByLabel('GitHub token').inputValue()).toBe('');
    expect(await stores()).not.toContain(E2E_TOKEN);
  });

  it('refuses an API base URL the site was not built for', async () => {
    const { page } = await open();
    await page.locator('details summary').filter({ hasText: 'Data source' }).click();
    await page.getByLabel('API base URL').fill('https://evil.example/api/v3');
    await page.getByLabel('API base URL').blur();
    await expect.poll(() => page.getByText(/This site was built to call only/).count()).toBe(1);
  });

  it('sits beside the docs on wide screens and below them on narrow ones', async () => {
    const wide = await open('/services/packages/org_versions', { viewport: { width: 1440, height: 900 } });
    const docs = await wide.page.locator('article').boundingBox();
    const aside = await wide.page.getByRole('complementary', { name: 'SQL playground' }).boundingBox();
    expect(aside && docs && aside.x > docs.x + docs.width - 1).toBe(true);
    await wide.page.mouse.wheel(0, 3000);
    await wide.page.waitForTimeout(300);
    const after = await wide.page.getByRole('complementary', { name: 'SQL playground' }).boundingBox();
    expect(after?.y).toBeGreaterThanOrEqual(0); // sticky: still in view after the docs scrolled
    await wide.page.getByRole('button', { name: 'Hide playground' }).click();
    expect(await wide.page.getByRole('textbox', { name: 'SQL query' }).isVisible()).toBe(false);
    await wide.page.getByRole('button', { name: 'Show playground' }).click();
    await wide.page.getByRole('button', { name: 'Widen playground' }).click();
    const widened = await wide.page.getByRole('complementary', { name: 'SQL playground' }).boundingBox();
    expect((widened?.width ?? 0) > (aside?.width ?? 0)).toBe(true);

    const narrow = await open('/services/packages/org_versions', { viewport: { width: 900, height: 900 } });
    const nDocs = await narrow.page.locator('article').boundingBox();
    const nAside = await narrow.page.getByRole('complementary', { name: 'SQL playground' }).boundingBox();
    expect(nAside && nDocs && nAside.y >= nDocs.y + nDocs.height - 1).toBe(true);
  });

  it('loads a method or example into the editor from the docs, without running it', async () => {
    const { page } = await open('/services/packages/org_versions');
    const before = await finishedRuns(page);
    const example = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Delete a version' }) });
    await example.getByRole('button', { name: 'Open in playground' }).click();
    expect(await editorText(page)).toMatch(/^DELETE FROM github\.packages\.org_versions/);
    const row = page
      .locator('tr')
      .filter({ has: page.getByRole('button', { name: 'Copy get_package_version_for_organization' }) });
    await row.first().getByRole('button', { name: 'Open in playground' }).click();
    // The method row loads that method's runnable example, with the sample data's values.
    expect(await editorText(page)).toContain('FROM github.packages.org_versions');
    expect(await editorText(page)).toContain('AND package_version_id = 81005383');
    expect(await finishedRuns(page)).toBe(before);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('playground: package-level writes on sample data', () => {
  const DELETE_WEB =
    "DELETE FROM github.packages.org_packages WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'";
  const RESTORE_OLD =
    "EXEC github.packages.org_packages.restore_package_for_org @org='acme', @package_type='npm', @package_name='old-dashboard'";
  const listNames = (type: string) =>
    `SELECT name, version_count FROM github.packages.org_packages WHERE org = 'acme' AND package_type = '${type}'`;
  const outcome = (page: Parameters<typeof runQuery>[0]) =>
    page.getByRole('list', { name: 'What happened' }).innerText();

  it('says a package DELETE removes the package and its versions; Cancel sends nothing, Confirm deletes it', async () => {
    const { page } = await open();
    await setSql(page, DELETE_WEB);
    await page.getByRole('button', { name: 'Run query' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Delete 1 package?');
    expect(text).toContain(`Delete the package container web/frontend and its ${WEB} versions`);
    expect(text).toContain('DELETE https://sample-api.invalid/orgs/acme/packages/container/web%2Ffrontend');
    expect(text).toContain('delete:packages');
    expect(text).not.toContain('could not look it up');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('list', { name: 'What happened' }).count()).toBe(0);

    // Refused: the package is still listed.
    await setSql(page, listNames('container'));
    await runQuery(page);
    const table = page.getByRole('table', { name: 'Query results' });
    expect(await table.innerText()).toContain('web/frontend');

    await setSql(page, DELETE_WEB);
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitForRuns(page, before + 1);
    expect(await outcome(page)).toContain(
      `Deleted the package container web/frontend and its ${WEB} versions.`,
    );
    expect(await outcome(page)).toContain('sample data only');
    // The same query as before Confirm: a write forgets what was loaded, so this is not a stale copy.
    await setSql(page, listNames('container'));
    await runQuery(page);
    expect(await page.getByRole('table', { name: 'Query results' }).innerText()).not.toContain(
      'web/frontend',
    );
    expect((await fakeRequests()).length).toBe(0);
  });

  it('restores a deleted package with EXEC: the dialog says it is not visible until restored; Escape sends nothing', async () => {
    const { page } = await open();
    await setSql(page, RESTORE_OLD);
    await page.getByRole('button', { name: 'Run query' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Restore 1 package?');
    expect(text).toContain('Restore the package npm old-dashboard');
    expect(text).toContain('not visible until restored');
    expect(text).not.toContain('could not look it up');
    expect(text).toContain('POST https://sample-api.invalid/orgs/acme/packages/npm/old-dashboard/restore');
    expect(text).toContain('write:packages');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Refused: still deleted, so not listed.
    await setSql(page, listNames('npm'));
    await runQuery(page);
    expect(await page.getByRole('table', { name: 'Query results' }).innerText()).not.toContain(
      'old-dashboard',
    );

    await setSql(page, RESTORE_OLD);
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await waitForRuns(page, before + 1);
    expect(await outcome(page)).toContain('Restored the package npm old-dashboard.');
    await setSql(page, listNames('npm'));
    await runQuery(page);
    expect(await page.getByRole('table', { name: 'Query results' }).innerText()).toContain('old-dashboard');
  });

  it('completes a table’s fields after its alias', async () => {
    const { page } = await open();
    await setSql(page, 'SELECT * FROM github.packages.org_packages p WHERE p.version_c');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await suggest.getByText('version_count').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe('SELECT * FROM github.packages.org_packages p WHERE p.version_count');
  });
});
