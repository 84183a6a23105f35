import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { createSampleDataset } from '../../src/github/sample/dataset';
import { allResources, docPath, findServiceOverview } from '../../src/resources/registry';
import { useBrowser } from './support/browser';
import {
  alertText,
  finishedRuns,
  resultStatus,
  runQuery,
  setSql,
  waitForPlayground,
  waitForRuns,
} from './support/playground';

/**
 * Accessibility: axe-core over every page of the production build (its sitemap), in both colour
 * schemes and at a wide and a narrow width, plus the playground's states a reader reaches (a result on
 * screen, the data-source settings open; a syntax error and a refused query; the JSON and Requests
 * views; the share and export notes; SHOW METHODS, DESCRIBE and a JOIN with its plan; the editor's
 * completions and hovers; a DELETE's confirmation and outcome). Any violation fails, listed with its
 * rule, impact, targets and markup. Rules are never disabled here: a violation is fixed in the theme
 * or the component.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

const BUILD_DIR = process.env.E2E_BUILD_DIR ?? join(import.meta.dirname, '../../build-e2e');

/** Every page the sitemap lists, as a path on the local server (`/`, `/services/packages`, …). */
function sitemapPaths(): string[] {
  const xml = readFileSync(join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  const paths = Array.from(xml.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => new URL(m[1] ?? '/').pathname);
  if (paths.length === 0) throw new Error(`No <loc> in ${BUILD_DIR}/sitemap.xml`);
  return paths;
}

/** Services whose pages are scanned besides packages': their data differs most (long Markdown, objects). */
const SAMPLED_SERVICES = ['actions', 'repos', 'issues', 'users', 'code_scanning'];

/**
 * The sitemap's pages of every kind, with the 313 provider pages sampled: they are two templates over
 * the catalogue, so every other page, the packages service and its resources, and the service page and
 * first resource page of a few services with the most varied data stand for them (the unit tests check
 * every page's facts).
 */
function sampledPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const [, section, service, resource] = path.replace(/\/$/, '').split('/');
    if (section !== 'services' || service === undefined || service === 'packages') return true;
    if (!SAMPLED_SERVICES.includes(service)) return false;
    const first = findServiceOverview(service)?.resources[0]?.name;
    return resource === undefined || resource === first;
  });
}

/**
 * The sitemap's pages (sampled), the not-found page (served as a file, so no 404 status is logged) and the
 * search page with results on it.
 */
const PAGES = [...sampledPaths(sitemapPaths()), '/404.html', '/search?q=versions'];
/** Pages that carry the playground: each resource page and the full-window one. */
const PLAYGROUND_PAGES = new Set(['/playground', ...allResources().map((r) => docPath(r))]);

const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [
  { width: 1600, height: 1000 },
  { width: 390, height: 844 },
] as const;

const browser = useBrowser();

/** The SQL the playground walk loads: each brings the playground to one state a reader reaches. */
const SYNTAX_ERROR = 'SELEC name FROM github.packages.org_versions';
const MISSING_PARAMS = "SELECT id FROM github.packages.org_versions WHERE org = 'acme'";
const WITH_JSON =
  "SELECT id, name, metadata FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container' LIMIT 5";
const HOVERED = "SELECT name FROM github.packages.org_versions WHERE org = 'acme'";
const JOIN = `SELECT p.name AS package, v.name AS version, v.created_at
FROM github.packages.org_packages p
JOIN github.packages.org_versions v
  ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;
const VERSION_ID = createSampleDataset().packages.find((p) => p.name === 'api-server')?.versions[5]?.id ?? 0;
const DELETE_VERSION = `DELETE FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'api-server' AND package_type = 'container' AND package_version_id = ${String(VERSION_ID)}`;

/** The page's window once axe-core is in it. */
interface AxeWindow {
  readonly axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
}

async function injectAxe(page: Page): Promise<void> {
  // Evaluated over the DevTools protocol, so the site's Content-Security-Policy does not apply to it.
  if (await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'undefined'))
    await page.evaluate(AXE_SOURCE);
}

async function runAxe(page: Page, label: string): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    (options) => (window as unknown as AxeWindow).axe.run(document, options),
    AXE_OPTIONS,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${label}: ${v.id} (${v.impact ?? 'n/a'}) ${node.target.map(String).join(' ')} — ${node.html.slice(0, 160)}` +
        (node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}` : ''),
    ),
  );
}

/**
 * Points the mouse at the middle of `word`'s first occurrence in the editor's text, as a reader does
 * to see its hover (the editor's spans are redrawn as it renders, so a point, not an element).
 */
async function hoverWord(page: Page, word: string): Promise<void> {
  const at = await page.evaluate((w) => {
    for (const span of Array.from(document.querySelectorAll('.monaco-editor .view-line span span'))) {
      const text = span.firstChild;
      const i = text?.textContent?.indexOf(w) ?? -1;
      if (!text || i < 0) continue;
      // In the middle of the window: not under the sticky navigation bar.
      span.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + w.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return undefined;
  }, word);
  if (!at) throw new Error(`"${word}" is not in the editor`);
  await page.mouse.move(at.x, at.y);
}

/** Waits until the page has settled: hydrated (done by open/goto below) and, if any, the playground up. */
async function settle(page: Page, path: string): Promise<void> {
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  if (path.startsWith('/search?'))
    await page.locator('main article').first().waitFor({ state: 'visible', timeout: 30_000 });
  if (PLAYGROUND_PAGES.has(path)) {
    await waitForPlayground(page);
    await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  }
  // Transitions (theme colours, disclosure animations) end before colours are measured.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(150);
}

describe.each(
  SCHEMES.flatMap((scheme) => WIDTHS.map((viewport) => [scheme, viewport.width, viewport] as const)),
)('axe, %s scheme, %i px wide', (colorScheme, width, viewport) => {
  it('finds no violation on any page of the sitemap', async () => {
    const found: string[] = [];
    let page: Page | undefined;
    for (const path of PAGES) {
      if (!page) page = (await browser.open(path, { colorScheme, viewport })).page;
      else await page.goto(path, { waitUntil: 'load' });
      await settle(page, path);
      found.push(...(await runAxe(page, `${path} [${colorScheme}, ${String(width)} px]`)));
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 240_000);

  it('finds no violation with the navigation menu open (narrow)', async () => {
    const { page } = await browser.open('/', { colorScheme, viewport });
    await settle(page, '/');
    const label = `/ [${colorScheme}, ${String(width)} px]`;
    const found: string[] = [];
    if (width < 997) {
      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await page.locator('.navbar-sidebar').waitFor({ state: 'visible' });
      await page.waitForTimeout(400);
      found.push(...(await runAxe(page, `${label} with the navigation menu open`)));
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 120_000);

  it('finds no violation with the search suggestions open, or with none found', async () => {
    const { page } = await browser.open('/', { colorScheme, viewport });
    await settle(page, '/');
    // A text box until its index loads (on focus), then the suggestions' combobox.
    const search = page
      .getByRole('textbox', { name: 'Search' })
      .or(page.getByRole('combobox', { name: 'Search' }));
    await search.click();
    await search.pressSequentially('versions');
    const suggestions = page.getByRole('listbox', { name: 'Search suggestions' });
    await suggestions.getByRole('option').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The combobox controls the listbox, and the arrow keys move through its options.
    const combobox = page.getByRole('combobox', { name: 'Search' });
    expect(await combobox.getAttribute('aria-controls')).toBe(await suggestions.getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        combobox.evaluate((input) => {
          const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
          return (
            active?.getAttribute('role') === 'option' &&
            active.parentElement?.id === input.getAttribute('aria-controls')
          );
        }),
      )
      .toBe(true);
    await page.waitForTimeout(150);
    const label = `/ [${colorScheme}, ${String(width)} px] with the search`;
    const found = await runAxe(page, `${label} suggestions open`);
    await combobox.fill('zzqxjv');
    await page.getByText('No results').waitFor({ state: 'visible' });
    found.push(...(await runAxe(page, `${label} finding nothing`)));
    expect(found, found.join('\n')).toEqual([]);
  }, 120_000);

  it.each(['/playground', docPath({ service: 'packages', name: 'org_versions' })])(
    'finds no violation on %s with a result on screen and the data-source settings open',
    async (path) => {
      const { page } = await browser.open(path, { colorScheme, viewport });
      await settle(page, path);
      await runQuery(page);
      await expect.poll(() => resultStatus(page).innerText()).toMatch(/\d+ rows? from sample data/);
      const label = `${path} [${colorScheme}, ${String(width)} px]`;
      const found = await runAxe(page, `${label} with a result`);
      const settings = page.locator('details').filter({ has: page.getByText(/^Data source:/) });
      await settings.locator('summary').click();
      await expect.poll(() => settings.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.waitForTimeout(150);
      found.push(...(await runAxe(page, `${label} with a result and the settings open`)));
      expect(found, found.join('\n')).toEqual([]);
    },
    120_000,
  );

  it.each(['/playground', docPath({ service: 'packages', name: 'org_versions' })])(
    'finds no violation on %s in the states a reader walks through (errors, views, dialog, editor widgets, JOIN)',
    async (path) => {
      const { page } = await browser.open(`${path}#sql=${compressToEncodedURIComponent(SYNTAX_ERROR)}`, {
        colorScheme,
        viewport,
        clipboard: true,
      });
      await settle(page, path);
      const label = `${path} [${colorScheme}, ${String(width)} px]`;
      const found: string[] = [];
      const check = async (state: string): Promise<void> => {
        await page.waitForTimeout(150);
        found.push(...(await runAxe(page, `${label} ${state}`)));
      };
      const editor = page.locator('.monaco-editor').first();

      // A syntax error: loaded from a shared link (its note shown), underlined, its hover, then run.
      await editor.locator('.squiggly-error').first().waitFor({ timeout: 20_000 });
      await check('with a shared link loaded and a syntax error underlined');
      await hoverWord(page, 'SELEC');
      await page.locator('.monaco-hover').filter({ hasText: /./ }).first().waitFor({ state: 'visible' });
      await check("with the syntax error's hover open");
      await page.mouse.move(0, 0);
      await runQuery(page);
      await expect.poll(() => alertText(page)).not.toBe('');
      await check('with a syntax error shown');

      // A refused query: a SELECT missing its required params.
      await setSql(page, MISSING_PARAMS);
      await runQuery(page);
      await expect.poll(() => alertText(page)).toContain('package_name');
      await check('with a refused query shown');

      // A result with JSON cells, a cell expanded, then each of the result's views.
      await setSql(page, WITH_JSON);
      await runQuery(page);
      await expect.poll(() => resultStatus(page).innerText()).toContain('5 rows from sample data');
      await page
        .getByRole('table', { name: 'Query results' })
        .getByRole('button', { name: 'Expand' })
        .first()
        .click();
      await page.getByRole('region', { name: 'Cell value' }).waitFor();
      await check('with a JSON cell expanded');
      await page.getByRole('button', { name: 'JSON', exact: true }).click();
      await page.getByLabel('Results as JSON').waitFor();
      await check('with the JSON view');
      await page.getByRole('button', { name: /^Requests/ }).click();
      await check('with the Requests view');
      await page.getByRole('button', { name: 'Table', exact: true }).click();

      // Share and export (buttons, no menus): their notes shown, the history filled. The example and
      // history pickers are native selects: their open lists are the browser's, not the page's.
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByText(/^Link copied/).waitFor();
      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await page.getByText('Copied as Markdown').waitFor();
      await check('with the share and export notes shown');

      // SHOW METHODS, DESCRIBE, and a JOIN with its plan (the completions its text brought up still
      // open), then its result.
      await setSql(page, 'SHOW METHODS IN github.packages.org_versions');
      await runQuery(page);
      await expect.poll(() => resultStatus(page).innerText()).toMatch(/^4 rows/);
      await check('with SHOW METHODS');
      await setSql(page, 'DESCRIBE github.packages.org_versions');
      await runQuery(page);
      await expect.poll(() => resultStatus(page).innerText()).toMatch(/^\d+ rows/);
      await check('with DESCRIBE');
      await setSql(page, JOIN);
      await page.getByText(/at most 50 calls/).waitFor();
      await check("with a JOIN's plan");
      await runQuery(page);
      await expect.poll(() => resultStatus(page).innerText()).toMatch(/\d+ rows from sample data/);
      await check('with a JOIN result and its plan');

      // Monaco's completions, with and without their documentation, then a hover.
      await setSql(page, 'SELECT package_ht');
      await page.keyboard.press('Control+Space');
      await page
        .locator('.suggest-widget')
        .getByText('package_html_url')
        .first()
        .waitFor({ timeout: 10_000 });
      await check('with the completions open');
      await page.keyboard.press('Escape');
      // A param's completion with its documentation beside it (Ctrl+Space again shows it).
      await setSql(page, `${HOVERED} AND package_ty`);
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget').getByText('package_type').first().waitFor({ timeout: 10_000 });
      const details = page.locator('.suggest-details').filter({ hasText: /./ });
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await details.waitFor({ state: 'visible' });
      await check('with the completions and their documentation open');
      await page.keyboard.press('Escape');
      await setSql(page, HOVERED);
      await page.keyboard.press('Escape'); // the completions the text brought up would cover the word
      await hoverWord(page, 'org_versions');
      await page
        .locator('.monaco-hover')
        .filter({ hasText: 'resource' })
        .first()
        .waitFor({ state: 'visible' });
      await check('with a hover open');
      await page.mouse.move(0, 0);

      // A DELETE's confirmation dialog (sample data), then its outcome.
      await setSql(page, DELETE_VERSION);
      await page.getByRole('button', { name: 'Run query' }).click();
      await page.getByRole('dialog').waitFor();
      await check("with a DELETE's confirmation open");
      const before = await finishedRuns(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await waitForRuns(page, before);
      await page.getByRole('list', { name: 'What happened' }).waitFor();
      await check("with a DELETE's outcome");

      expect(found, found.join('\n')).toEqual([]);
    },
    180_000,
  );
});
