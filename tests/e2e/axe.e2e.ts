import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { docPath, RESOURCES } from '../../src/resources/registry';
import { useBrowser } from './support/browser';
import { resultStatus, runQuery, waitForPlayground } from './support/playground';

/**
 * Accessibility: axe-core over every page of the production build (its sitemap), in both colour
 * schemes and at a wide and a narrow width, plus the playground's states a reader reaches (a result on
 * screen, the data-source settings open). Any violation fails, listed with its rule, impact, targets
 * and markup. Rules are never disabled here: a violation is fixed in the theme or the component.
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

/**
 * The sitemap's pages, the not-found page (served as a file, so no 404 status is logged) and the
 * search page with results on it.
 */
const PAGES = [...sitemapPaths(), '/404.html', '/search?q=versions'];
/** Pages that carry the playground: each resource page and the full-window one. */
const PLAYGROUND_PAGES = new Set(['/playground', ...RESOURCES.map((r) => docPath(r))]);

const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [
  { width: 1600, height: 1000 },
  { width: 390, height: 844 },
] as const;

const browser = useBrowser();

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
});
