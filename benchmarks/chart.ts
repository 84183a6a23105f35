/**
 * The Chart view's cost: the JavaScript it loads when it opens (Observable Plot's chunk and its own,
 * gzipped, and none of it before a docs page's `load`), and the time from the month query's result on
 * screen to its chart drawn, with the view already open and when it is opened on the result (chunk
 * load included). Sample data, so no API: the figures are the page's own work.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { shareLink } from '../src/components/Playground/share/shareLink';
import { scriptsBeforeLoad } from './pageWeight';
import { median, type Figure } from './results';

const MONTHS =
  "SELECT substr(created_at, 1, 7) AS month, COUNT(*) AS n FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend' GROUP BY month";
/** A draw within one long task's budget feels instant (as `TASK_AIM_MS`). */
const DRAW_BASELINE_MS = 100;

/**
 * Notes on the page's clock when the result's status first names its rows, and when the chart's SVG
 * is in the figure: both from a MutationObserver, so no polling from outside adds to the time.
 */
const WATCH = `
  window.__chart = {};
  new MutationObserver(() => {
    const c = window.__chart;
    if (c.result === undefined && /\\d+ rows? from /.test(document.body.innerText)) c.result = performance.now();
    if (c.drawn === undefined && document.querySelector('figure svg[role="img"]')) c.drawn = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

interface Times {
  readonly result: number;
  readonly drawn: number;
}

async function times(page: Page): Promise<Times> {
  await page.waitForFunction(
    () => (window as unknown as { __chart: { drawn?: number } }).__chart.drawn,
    null,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __chart: Times }).__chart);
}

async function open(browser: Browser, url: string, run: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.locator('.monaco-editor').first().waitFor({ state: 'attached', timeout: 60_000 });
  await run(page);
  return page;
}

/** The month chart with the Chart view open from the link: Plot is loaded before the result arrives. */
async function drawWithViewOpen(browser: Browser, origin: string): Promise<number> {
  const url = shareLink(`${origin}/playground`, MONTHS, { view: 'chart', chart: {} });
  const page = await open(browser, url, async (p) => {
    await p.getByRole('button', { name: 'Run query' }).click();
  });
  const t = await times(page);
  await page.context().close();
  return t.drawn - t.result;
}

/** The Chart view opened on the result: its chunks' URLs and the time from the click to the chart. */
async function openOnResult(browser: Browser, origin: string): Promise<{ ms: number; scripts: string[] }> {
  const scripts: string[] = [];
  let clicked = false;
  const page = await open(browser, shareLink(`${origin}/playground`, MONTHS), async (p) => {
    p.on('request', (r) => {
      if (clicked && r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await p.getByRole('button', { name: 'Run query' }).click();
    await p
      .getByRole('status')
      .filter({ hasText: / rows? from / })
      .waitFor({ timeout: 60_000 });
  });
  const at = await page.evaluate(() => performance.now());
  clicked = true;
  await page.getByRole('group', { name: 'Result view' }).getByRole('button', { name: 'Chart' }).click();
  const t = await times(page);
  await page.context().close();
  return { ms: t.drawn - at, scripts };
}

/** The chart figures: chunk size (gzip), JS of it before a docs page's load, draw times (median of `runs`). */
export async function runChartBenchmark(
  browser: Browser,
  origin: string,
  buildDir: string,
  runs: number,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const opened = await openOnResult(browser, origin);
  if (opened.scripts.length === 0) throw new Error('chart: opening the Chart view loaded no script');
  const chunk = { raw: 0, gzip: 0 };
  for (const file of opened.scripts) {
    const bytes = await readFile(join(buildDir, decodeURIComponent(file)));
    chunk.raw += bytes.length;
    chunk.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const docs = await scriptsBeforeLoad(browser, origin, '/services/packages/org_versions', buildDir);
  const early = docs.files.filter((f) => opened.scripts.includes(f));
  const viewOpen: number[] = [];
  const onResult: number[] = [opened.ms];
  for (let i = 0; i < runs; i++) {
    viewOpen.push(await drawWithViewOpen(browser, origin));
    if (i > 0) onResult.push((await openOnResult(browser, origin)).ms);
  }
  const reported = (name: string, unit: string, value: number): Figure => ({
    name,
    unit,
    value,
    baseline: Number.NaN,
    ratio: Number.NaN,
  });
  const draw = (name: string, value: number, aim?: number): Figure => ({
    name,
    unit: 'ms',
    value,
    baseline: DRAW_BASELINE_MS,
    ratio: value / DRAW_BASELINE_MS,
    ...(aim === undefined ? {} : { aim }),
  });
  return {
    figures: [
      reported('chart: JS the Chart view loads when it opens, gzipped', 'bytes', chunk.gzip),
      reported('chart: its JS among org_versions scripts before load', 'files', early.length),
      draw(
        `chart: month chart drawn after the result, view open, median of ${String(runs)}`,
        median(viewOpen),
        1,
      ),
      draw(
        `chart: Chart view opened on the result, chunk + draw, median of ${String(runs)}`,
        median(onResult),
      ),
    ],
    notes: [
      `chart: opening the view loaded ${opened.scripts.join(', ')} (${chunk.raw.toLocaleString('en-US')} bytes, ${chunk.gzip.toLocaleString('en-US')} gzipped).`,
    ],
  };
}
