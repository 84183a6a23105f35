/**
 * Figure 5: the longest main-thread task while the playground fetches, renders and scrolls a big
 * result, and while a 10-page list streams in at 100 ms a request. The reader's own steps in the
 * production build: open the page with the query in a shared link, point the API base URL at the fake
 * server, give a token, Run, scroll. Aim: under 100 ms, the point where a page stops feeling instant.
 */
import type { Browser, Page } from 'playwright-core';
import { shareLink } from '../src/components/Playground/share/shareLink';
import { longestTaskBetween, mark, traced, type LongestTask } from './longestTask';
import { median, type Figure } from './results';

export const TASK_AIM_MS = 100;
const PAGE = '/services/packages/org_versions';

export interface RunInPageOptions {
  readonly origin: string;
  readonly apiUrl: string;
  readonly token: string;
  readonly sql: string;
  /** Rows the status must report when the run is done. */
  readonly rows: number;
  /** Mouse-wheel steps over the results afterwards (0: no scrolling). */
  readonly wheelSteps: number;
  readonly timeoutMs: number;
  /** Trace the run for its longest tasks (default); off for latency figures, tracing costs time. */
  readonly trace?: boolean;
  /**
   * Type the SQL into the editor, as a reader writes a query, instead of opening it from a shared link
   * (default). The playground compiles a reader's own text ahead of Run, never a shared link's.
   */
  readonly typeSql?: boolean;
}

/** What one run in the page measured. */
export interface RunInPage {
  /** Longest main-thread task from the click on Run to the final row count (ms), when traced. */
  readonly runTask?: LongestTask;
  /** Longest task while scrolling, when there was scrolling. */
  readonly scrollTask?: LongestTask;
  /** From the click to the first rows on screen (the first status naming GitHub), page clock. */
  readonly firstRowsMs: number;
  /** From the click to the final row count, page clock. */
  readonly runMs: number;
  /** Console errors and uncaught exceptions, which make a figure suspect. */
  readonly errors: readonly string[];
  /** Each API request of the run (Resource Timing), ms from the click: when it started and ended. */
  readonly requests: readonly { readonly url: string; readonly start: number; readonly end: number }[];
}

async function pointAtApi(page: Page, apiUrl: string, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Run query' }).waitFor({ timeout: 60_000 });
  await page.locator('.monaco-editor').first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('summary', { hasText: 'Data source' }).first().click();
  const base = page.getByLabel('API base URL');
  await base.fill(apiUrl);
  await base.blur();
  if ((await base.getAttribute('aria-invalid')) === 'true')
    throw new Error(`the build does not allow ${apiUrl}: rebuild the bench`);
  await page.getByLabel('GitHub token').fill(token);
  if (await page.getByLabel('Use sample data').isChecked())
    throw new Error('the playground is still on sample data after a token was given');
  // As a reader does: the token check on entry says the token works, then they run a query.
  const check = page.getByRole('status', { name: 'Token check' });
  await check.filter({ hasText: /GitHub accepts this token|rejected|Could not reach|answered/ }).waitFor();
  const verdict = await check.innerText();
  if (!verdict.startsWith('GitHub accepts this token')) throw new Error(`token check: ${verdict}`);
}

/** Replaces the editor's text with `sql` as a reader does: Monaco focused, all selected, typed over. */
async function typeQuery(page: Page, sql: string): Promise<void> {
  const input = page.locator('.monaco-editor textarea');
  await input.waitFor({ state: 'attached', timeout: 60_000 });
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(sql);
  await page.waitForFunction(
    (text) => document.querySelector('.monaco-editor .view-lines')?.textContent.replace(/\s+/g, ' ') === text,
    sql.replace(/\s+/g, ' '),
    { timeout: 10_000 },
  );
}

interface Watched {
  __benchStatus: { click?: number; first?: number; done?: number };
}

/**
 * Notes, on the page's clock, when the click on Run reaches the page (Playwright's own checks before
 * it take a while and are not the page's), when the status first names GitHub (the first rows are in
 * the table) and when it gives the final count.
 */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Watched['__benchStatus'] = {};
    (window as unknown as Watched).__benchStatus = seen;
    window.addEventListener(
      'click',
      (e) => {
        seen.click = e.timeStamp;
      },
      { capture: true, once: true },
    );
    new MutationObserver(() => {
      for (const e of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = e.textContent;
        if (seen.first === undefined && text.includes(' from GitHub')) seen.first = performance.now();
        if (seen.done === undefined && text.includes(' from GitHub in ')) seen.done = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Runs one query in a fresh page and measures its longest tasks. */
export async function runInPage(browser: Browser, opts: RunInPageOptions): Promise<RunInPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    if (opts.typeSql) {
      await page.goto(opts.origin + PAGE, { waitUntil: 'load', timeout: 60_000 });
      await typeQuery(page, opts.sql);
    } else await page.goto(shareLink(opts.origin + PAGE, opts.sql), { waitUntil: 'load', timeout: 60_000 });
    await pointAtApi(page, opts.apiUrl, opts.token);
    // Everything inside the traced window is cheap CSS queries and input events: Playwright's role
    // queries compute accessible names over the whole docs page on the main thread, and their polling
    // would show up as the page's own long tasks.
    const run = await page.getByRole('button', { name: 'Run query' }).elementHandle();
    const work = async (): Promise<void> => {
      await mark(page, 'bench:run');
      await watchStatus(page);
      await run.click();
      const done = await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll('[role="status"]'))
            .map((e) => e.textContent)
            .find((t) => t.includes(' from GitHub in ')),
        undefined,
        { polling: 100, timeout: opts.timeoutMs },
      );
      await mark(page, 'bench:rendered');
      const text = String(await done.jsonValue());
      if (
        !text.startsWith(`${opts.rows.toLocaleString('en-US')} row`) &&
        !text.startsWith(`${opts.rows} row`)
      )
        throw new Error(`expected ${opts.rows} rows, the page says: ${text}`);
      if (opts.wheelSteps > 0) await scrollResults(page, opts.wheelSteps);
      await mark(page, 'bench:scrolled');
    };
    let runTask: LongestTask | undefined;
    let scrollTask: LongestTask | undefined;
    if (opts.trace === false) await work();
    else {
      const events = await traced(browser, page, work);
      runTask = longestTaskBetween(events, 'bench:run', 'bench:rendered');
      scrollTask = longestTaskBetween(events, 'bench:rendered', 'bench:scrolled');
      if (runTask === undefined) throw new Error('the trace lost the bench marks');
    }
    const seen = await page.evaluate(() => (window as unknown as Watched).__benchStatus);
    const click = seen.click ?? Number.NaN;
    const requests = (
      await page.evaluate(
        (api) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(api))
            .map((e) => ({
              url: e.name,
              start: e.startTime,
              end: (e as PerformanceResourceTiming).responseEnd,
            })),
        opts.apiUrl,
      )
    )
      .filter((r) => r.start >= click)
      .map((r) => ({ url: r.url, start: r.start - click, end: r.end - click }));
    return {
      ...(runTask ? { runTask } : {}),
      ...(opts.wheelSteps > 0 && scrollTask ? { scrollTask } : {}),
      firstRowsMs: (seen.first ?? Number.NaN) - (seen.click ?? Number.NaN),
      runMs: (seen.done ?? Number.NaN) - (seen.click ?? Number.NaN),
      errors,
      requests,
    };
  } finally {
    await context.close();
  }
}

/** Wheel steps a reader would make, then jumps through the whole result as a dragged scrollbar does. */
async function scrollResults(page: Page, steps: number): Promise<void> {
  const region = await page.$('[role="region"][aria-label="Result rows, scrollable"]');
  if (!region) throw new Error('no results region');
  const box = await region.boundingBox();
  if (!box) throw new Error('the results region is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(30);
  }
  for (const at of [0.25, 0.5, 0.75, 1, 0.1, 0]) {
    await region.evaluate((el, f) => {
      el.scrollTop = f * (el.scrollHeight - el.clientHeight);
    }, at);
    await page.waitForTimeout(150); // the row windows arrive from the worker
  }
  // Settled: no placeholder cells left in view.
  await page
    .waitForFunction(
      (el) => !Array.from(el.querySelectorAll('[role="cell"]')).some((c) => c.textContent === '…'),
      region,
      { polling: 100, timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** A task figure: value against the aim itself, so the ratio says how far under (or over) it is. */
export function taskFigure(name: string, ms: number): Figure {
  return { name, unit: 'ms', value: ms, baseline: TASK_AIM_MS, ratio: ms / TASK_AIM_MS, aim: 1 };
}

/** The wall-clock and CPU-time figures of a window, the median over repeated runs. */
export function taskFigures(name: string, tasks: readonly (LongestTask | undefined)[]): Figure[] {
  const seen = tasks.filter((t): t is LongestTask => t !== undefined);
  const runs = seen.length > 1 ? `, median of ${seen.length}` : '';
  return [
    taskFigure(`longest task: ${name}${runs}`, median(seen.map((t) => t.wall))),
    taskFigure(`longest task CPU time: ${name}${runs}`, median(seen.map((t) => t.cpu))),
  ];
}
