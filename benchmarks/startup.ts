/**
 * Start-up of the playground (issue 13), on the first visit of a fresh page (a new browser context: no
 * cache, no storage), each figure against the page's own `load` event:
 *
 * - **the editor takes typing**: from navigation until a key typed into the SQL editor is on screen
 *   in it. The bench focuses the editor's textbox (`textarea[aria-label="SQL query"]`: Monaco's
 *   input, or the plain field the page shows before Monaco is up), presses a letter key and watches
 *   each frame for it to show (if it never does, it tries again). At the end it waits for Monaco to
 *   hold the letter, so a key typed before Monaco was up only counts when Monaco kept it.
 * - **the first result**: from navigation until the rows of the page's default query are on screen,
 *   with "Run query" clicked (from the page, the moment it is there and enabled) as soon as possible.
 *
 * Times are the page's own clock (`performance.now()`, whose origin is the navigation), the baseline
 * is `PerformanceNavigationTiming.loadEventEnd` of the same page, and the ratio of a figure is the
 * median of each run's ratio. Inside the timed windows the bench only runs CSS queries in the page:
 * Playwright's role queries compute accessible names over the whole docs page on the main thread.
 */
import type { Browser, Page } from 'playwright-core';
import { median, type Figure } from './results';

/** The resource page the issue measures: the docs with the playground beside them. */
export const STARTUP_PAGE = '/services/packages/org_versions';
export const EDITOR_AIM = 1.5;
export const RESULT_AIM = 2;

const VIEWPORT = { width: 1400, height: 900 } as const;
const EDITOR_INPUT = 'textarea[aria-label="SQL query"]';
/** The key typed: a letter (no editor closes it), one the page's query does not have. */
const MARKER = 'Z';
const TIMEOUT_MS = 60_000;
/** How long a typed key may take to show before the bench types another. */
const RETYPE_MS = 5_000;

/** One fresh visit's times (ms since navigation, page clock). */
export interface StartupRun {
  readonly loadMs: number;
  readonly value: number;
}

/** Both figures of one run, and when Run could first be clicked (for the report, no aim). */
export interface StartupSample {
  readonly editor: StartupRun;
  readonly result: StartupRun & { readonly runEnabledMs: number };
}

async function loadEventEnd(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : false;
    },
    undefined,
    { polling: 50, timeout: TIMEOUT_MS },
  );
  return Number(await handle.jsonValue());
}

/** A fresh context and page, with console errors and uncaught exceptions collected. */
async function freshPage(
  browser: Browser,
): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/**
 * In the page, each frame until `timeout`: focuses the editor's field and counts `marker` in its text
 * as the reader sees it (Monaco's rendered lines when the field is Monaco's, else the plain field's
 * value), resolving with that count once the field takes the focus; -1 on time-out. Page functions are
 * self-contained (Playwright sends their source; no named inner functions, which tsx would wrap in a
 * helper the page lacks), and run in the page's own world: no injected script or selector engine of
 * the driver competes with the page for its main thread.
 */
async function focusEditor([selector, marker, timeout]: readonly [string, string, number]): Promise<number> {
  const until = performance.now() + timeout;
  for (;;) {
    const field = document.querySelector<HTMLTextAreaElement>(selector);
    field?.focus();
    if (field && document.activeElement === field) {
      const monaco = field.closest('.monaco-editor');
      const text = monaco ? (monaco.querySelector('.view-lines')?.textContent ?? '') : field.value;
      return text.split(marker).length - 1;
    }
    if (performance.now() > until) return -1;
    await new Promise((frame) => requestAnimationFrame(frame));
  }
}

/**
 * In the page, each frame until `timeout`: `performance.now()` once the editor shows more than `seen`
 * markers (counted as `focusEditor` does), or -1.
 */
async function markerShown([selector, marker, seen, timeout]: readonly [
  string,
  string,
  number,
  number,
]): Promise<number> {
  const until = performance.now() + timeout;
  for (;;) {
    const field = document.querySelector<HTMLTextAreaElement>(selector);
    const monaco = field?.closest('.monaco-editor');
    const text = monaco ? (monaco.querySelector('.view-lines')?.textContent ?? '') : (field?.value ?? '');
    if (text.split(marker).length - 1 > seen) return performance.now();
    if (performance.now() > until) return -1;
    await new Promise((frame) => requestAnimationFrame(frame));
  }
}

/**
 * Navigation → a key typed into the editor shows in it, then a check that Monaco kept it. One key
 * press (a letter, at the caret) from the first moment the field takes the focus, and another if it
 * does not show: each input event needs the page's main thread, so this is when a reader's typing
 * gets through.
 */
async function measureEditor(browser: Browser, origin: string): Promise<StartupRun> {
  const { page, close, errors } = await freshPage(browser);
  try {
    await page.goto(origin + STARTUP_PAGE, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    let shownAt = -1;
    let typed = 0;
    let initial: number | undefined;
    const deadline = Date.now() + TIMEOUT_MS;
    while (shownAt < 0) {
      if (Date.now() > deadline) throw new Error('the editor never took typing');
      const before = await page.evaluate(focusEditor, [EDITOR_INPUT, MARKER, TIMEOUT_MS] as const);
      if (before < 0) throw new Error('the editor never took the focus');
      initial ??= before;
      // Watched from before the key goes: the key's own round trip ends only with its key-up.
      const shown = page.evaluate(markerShown, [EDITOR_INPUT, MARKER, before, RETYPE_MS] as const);
      await page.keyboard.press(MARKER);
      typed++;
      shownAt = await shown;
    }
    // Typed before Monaco was up: it counts only if Monaco took the text over.
    const kept = await page
      .waitForFunction(
        ([marker, count]) =>
          Array.from(document.querySelectorAll('.monaco-editor .view-lines')).some(
            (l) => l.textContent.split(marker).length - 1 > count,
          ),
        [MARKER, initial ?? 0] as const,
        { polling: 100, timeout: TIMEOUT_MS },
      )
      .then(() => true)
      .catch(() => false);
    if (!kept) throw new Error(`Monaco did not keep the text typed before it started (${typed} key presses)`);
    if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    return { value: shownAt, loadMs: await loadEventEnd(page) };
  } finally {
    await close();
  }
}

/** In the page: clicks "Run query" in the first frame it is there and enabled; when (or -1). */
async function clickRun(timeout: number): Promise<number> {
  const until = performance.now() + timeout;
  for (;;) {
    const run = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Run query' && !b.disabled,
    );
    if (run) {
      run.click();
      return performance.now();
    }
    if (performance.now() > until) return -1;
    await new Promise((frame) => requestAnimationFrame(frame));
  }
}

/** In the page: the first frame with result rows in the results table (or -1). */
async function rowsShown(timeout: number): Promise<number> {
  const until = performance.now() + timeout;
  for (;;) {
    const cells = document.querySelectorAll('[role="table"][aria-label="Query results"] [role="cell"]');
    if (Array.from(cells).some((c) => c.textContent !== '…')) return performance.now();
    if (performance.now() > until) return -1;
    await new Promise((frame) => requestAnimationFrame(frame));
  }
}

/** Navigation → the default query's rows on screen, Run clicked as soon as it can be. */
async function measureResult(browser: Browser, origin: string): Promise<StartupSample['result']> {
  const { page, close, errors } = await freshPage(browser);
  try {
    await page.goto(origin + STARTUP_PAGE, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    // Clicked from the page in the frame it is enabled: no driver round trip in the figure.
    const runEnabledMs = await page.evaluate(clickRun, TIMEOUT_MS);
    if (runEnabledMs < 0) throw new Error('Run query never showed enabled');
    const value = await page.evaluate(rowsShown, TIMEOUT_MS);
    if (value < 0) throw new Error('the first result never showed');
    if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    return { value, runEnabledMs, loadMs: await loadEventEnd(page) };
  } finally {
    await close();
  }
}

/** One run of both measurements, each in a fresh context. */
export async function measureStartup(browser: Browser, origin: string): Promise<StartupSample> {
  const editor = await measureEditor(browser, origin);
  const result = await measureResult(browser, origin);
  return { editor, result };
}

function figure(name: string, runs: readonly StartupRun[], aim: number): Figure {
  return {
    name,
    unit: 'ms',
    value: median(runs.map((r) => r.value)),
    baseline: median(runs.map((r) => r.loadMs)),
    // Each run against its own page's load event, then the median.
    ratio: median(runs.map((r) => r.value / r.loadMs)),
    aim,
  };
}

/** The two figures from start-up samples (pure, for the unit test and for a caller that keeps samples). */
export function startupFigures(samples: readonly StartupSample[]): Figure[] {
  const of = `median of ${samples.length}`;
  return [
    figure(
      `start-up: navigation to the editor taking typing vs load, ${of}`,
      samples.map((s) => s.editor),
      EDITOR_AIM,
    ),
    figure(
      `start-up: navigation to the default query's first result vs load, ${of}`,
      samples.map((s) => s.result),
      RESULT_AIM,
    ),
  ];
}

/**
 * Issue 13's two start-up figures on `origin` (a production build), each the median of `runs` fresh
 * visits: the editor taking typing (aim 1.5× the `load` event) and the default query's first result
 * (aim 2×).
 */
export async function runStartupBenchmark(browser: Browser, origin: string, runs: number): Promise<Figure[]> {
  const samples: StartupSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measureStartup(browser, origin));
  return startupFigures(samples);
}
