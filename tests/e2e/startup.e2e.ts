import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSampleDataset } from '../../src/github/sample/dataset';
import { shareLink } from '../../src/components/Playground/share/shareLink';
import { useBrowser, type Visit } from './support/browser';
import { resetFake } from './support/fakeGitHub';
import {
  editorText,
  finishedRuns,
  resultStatus,
  useFakeApi,
  waitForPlayground,
  waitForRuns,
} from './support/playground';

/**
 * Start-up (issue 13): the editor takes typing from the moment the page shows, as a plain field in
 * the page's HTML, then the playground's own field, then Monaco, each taking over the text, the caret
 * and the focus; the engine starts at the page's `load`, so the first Run right after works.
 */
const browser = useBrowser();
const PAGE = '/services/packages/org_versions';
const FIELD = 'textarea[aria-label="SQL query"]';
const WEB = createSampleDataset()
  .packages.find((p) => p.name === 'web/frontend')
  ?.versions.filter((v) => !v.deleted_at).length;

/** Holds back the chunks whose names match until `release` is called: a slow connection, on cue. */
async function holdChunks(
  page: Page,
  name: RegExp,
): Promise<{ release: () => void; requested: () => boolean }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(name, async (route) => {
    requested = true;
    await released;
    await route.continue();
  });
  return { release, requested: () => requested };
}

/** A page opened on nothing, so routes can be set before the site loads (the checks of useBrowser hold). */
async function blank(options: Parameters<typeof browser.open>[1] = {}): Promise<Visit> {
  return browser.open('about:blank', { clipboard: true, ...options });
}

/** How many textboxes are named "SQL query" (the accessibility tree's view: hidden ones do not count). */
function editorBoxes(page: Page): Promise<number> {
  return page.getByRole('textbox', { name: 'SQL query' }).count();
}

describe('start-up', () => {
  it('takes typing before the playground and Monaco are loaded, and each keeps the text, the caret and the focus', async () => {
    const { page } = await blank();
    // No script of the site runs until `main` is let through: the field is the page's HTML alone.
    const main = await holdChunks(page, /\/assets\/js\/main\.[0-9a-f]+\.js$/);
    const playground = await holdChunks(page, /\/assets\/js\/playground\.[0-9a-f]+\.js$/);
    const monaco = await holdChunks(page, /\/assets\/js\/sql-editor\.[0-9a-f]+\.js$/);
    await page.goto(`${inject('baseUrl')}${PAGE}`, { waitUntil: 'commit' });

    const field = page.locator(FIELD);
    await field.waitFor({ state: 'visible' });
    expect(await field.inputValue()).toContain('FROM github.packages.org_versions');
    await field.focus();
    await page.keyboard.press('Control+A');
    const typed =
      "SELECT name FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container' LIMIT 2";
    await page.keyboard.type(typed);
    // The caret goes back before `LIMIT`, where each next stage must keep it.
    for (const key of Array<string>(' LIMIT 2'.length).fill('ArrowLeft')) await page.keyboard.press(key);
    expect(main.requested()).toBe(true);

    // React hydrates the page: the field keeps what was typed, and its caret.
    main.release();
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await expect.poll(() => playground.requested()).toBe(true);
    expect(await page.locator(FIELD).inputValue()).toBe(typed);
    expect(await editorBoxes(page)).toBe(1);

    // The playground's code arrives: its own field takes over, Monaco is still held back.
    playground.release();
    await page.getByRole('button', { name: 'Run query' }).waitFor();
    await page.keyboard.type(' ORDER BY name');
    expect(await page.locator(FIELD).inputValue()).toContain("'container' ORDER BY name LIMIT 2");
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(await editorBoxes(page)).toBe(1);

    // Monaco arrives and takes over, focused, with the caret where the reader left it.
    monaco.release();
    await page.locator('.monaco-editor .view-lines').waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null))
      .toBe(true);
    await page.keyboard.type(' DESC');
    await page.keyboard.press('Escape'); // a suggestion list, if one opened
    expect(await editorBoxes(page)).toBe(1);
    expect(await editorText(page)).toBe(
      "SELECT name FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container' ORDER BY name DESC LIMIT 2",
    );
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain('2 rows from sample data');
  });

  it('runs a query with Ctrl+Enter from the plain field while Monaco loads', async () => {
    const { page } = await blank();
    await holdChunks(page, /\/assets\/js\/sql-editor\.[0-9a-f]+\.js$/);
    await page.goto(`${inject('baseUrl')}${PAGE}`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Run query' }).waitFor();
    const before = await finishedRuns(page);
    await page.locator(FIELD).focus();
    await page.keyboard.press('Control+Enter');
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from sample data`);
  });

  it('starts the engine at load and runs the first query the moment Run is there, in that one engine', async () => {
    const { page } = await blank();
    await page.goto(`${inject('baseUrl')}${PAGE}`, { waitUntil: 'commit' });
    const run = page.getByRole('button', { name: 'Run query' });
    await run.click();
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from sample data`);
    // One sandbox frame: the one opened at load is the one the playground took.
    expect(page.frames().filter((f) => f.url().includes('/engine/sandbox.'))).toHaveLength(1);
    // The warm-up left nothing behind: a second run of the same query reuses the rows, as before.
    await run.click();
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from sample data`);
  });

  it('loads nothing of the playground before the docs page has loaded', async () => {
    const { page } = await blank();
    await page.goto(`${inject('baseUrl')}${PAGE}`, { waitUntil: 'commit' });
    const timing = await page.waitForFunction(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (!nav || nav.loadEventEnd === 0) return false;
      const started = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\/engine\/sandbox\.|\/assets\/js\/(playground|sql-editor)\./.test(e.name))
        .map((e) => e.startTime);
      return started.length >= 3 ? { load: nav.loadEventStart, started } : false;
    });
    const { load, started } = (await timing.jsonValue()) as { load: number; started: number[] };
    expect(Math.min(...started)).toBeGreaterThanOrEqual(load);
  });

  it('sends a run’s first request before the page redraws for the run', async () => {
    await resetFake();
    const { page } = await blank();
    // What the page shows at the moment each request to the API is sent (the token check aside).
    await page.addInitScript(() => {
      const sent: string[] = [];
      (window as unknown as { sentWhile: string[] }).sentWhile = sent;
      const original = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.startsWith('http://127.0.0.1:45123/') && !url.includes('/rate_limit'))
          sent.push(document.querySelector('[aria-busy="true"]') ? 'busy' : 'idle');
        return original(input, init);
      };
    });
    await page.goto(`${inject('baseUrl')}${PAGE}`);
    await waitForPlayground(page);
    await useFakeApi(page);
    await expect
      .poll(() => page.getByRole('status', { name: 'Token check' }).innerText(), { timeout: 15_000 })
      .toMatch(/GitHub accepts this token/);
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain(`${WEB} rows from`);
    // The first request left while the page still showed no run: the redraw came after it.
    const sent = await page.evaluate(() => (window as unknown as { sentWhile: string[] }).sentWhile);
    expect(sent[0]).toBe('idle');
  });

  it('compiles a shared link’s query only on Run, and the reader’s own text as they pause typing', async () => {
    const sql =
      "SELECT name FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'";
    const { page } = await browser.open(shareLink(`${inject('baseUrl')}${PAGE}`, sql));
    await waitForPlayground(page);
    // Each query the engine runs, warm-ups included, leaves an `engine:run` measure.
    const runs = (): Promise<number> =>
      page.evaluate(() => performance.getEntriesByName('engine:run').length);
    // The engine starts on a trivial query, not the link's.
    await expect.poll(runs).toBe(1);
    await page.waitForTimeout(1_500); // past the typing pause after which text is compiled ahead
    expect(await runs()).toBe(1);
    // The reader edits the query: their text is compiled ahead, before any Run.
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' LIMIT 5');
    await page.keyboard.press('Escape');
    await expect.poll(runs).toBe(2);
    expect(await finishedRuns(page)).toBe(0);
  });
});
