/**
 * The playground's weight: every JavaScript file a reader's browser fetches for a resource page with
 * the playground, up to a first sample query run — the page's scripts, the lazy playground chunks
 * (Monaco, the catalogue, the GitHub client, the results view), any worker script, and the engine's
 * sandbox frame, whose HTML is its script (the engine worker's source inlined as a string; the worker
 * starts from a `blob:` URL, so it costs no request of its own).
 *
 * Counted from the browser's own requests (Playwright's context-wide `request` events cover the page,
 * the out-of-process sandbox frame and workers). Docusaurus's prefetches of linked pages' chunks
 * (`<link rel="prefetch">`, resource type `other`) are not counted: they run only if the reader goes
 * there. Each file is then fetched again from `origin` and gzipped at level 9, as a compressing host
 * would send it.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Request } from 'playwright-core';

/**
 * Issue 13's baseline: the gzip bytes of the same files at commit ea0daef (before the weight work),
 * measured with this module on `docusaurus build` (Faster/Rspack) served by
 * tests/e2e/support/staticServer.ts, system Chromium, /services/packages/org_versions on sample data,
 * editor up and one click of "Run query", network idle; the same in three runs (2026-12-01). 17 files:
 * the lazy playground chunk with Monaco, alasql (the planner's parser), Octokit and the results view
 * 997 KB, main 175 KB, the engine frame 144 KB, the playground's own code 76 KB, Monaco's modules
 * shared with its worker 31 KB, the rest 62 KB. The Monaco editor worker is not part of it: the SQL
 * editor starts it only when a feature needs it (none did by then, nor on typing and completions).
 */
export const PLAYGROUND_JS_GZIP_BEFORE = 1_485_385;
/** The uncompressed bytes of the same files at ea0daef. */
export const PLAYGROUND_JS_RAW_BEFORE = 5_913_371;
/** Issue 13's aim: at most 60% of the gzip figure before. */
export const PLAYGROUND_JS_AIM = 0.6;

/** The resource page the figure is taken on. */
export const PLAYGROUND_WEIGHT_PATH = '/services/packages/org_versions';

/** One JavaScript file the page fetched. */
export interface WeighedFile {
  readonly url: string;
  /** Gzipped at level 9. */
  readonly gzip: number;
  /** As built. */
  readonly raw: number;
}

export interface PlaygroundWeight {
  /** Sum of the files gzipped at level 9. */
  readonly gzipBytes: number;
  /** Sum of the files as built. */
  readonly rawBytes: number;
  /** Each file once, largest (gzip) first. */
  readonly files: readonly WeighedFile[];
}

/** A script, or the engine's sandbox frame (a document that is all script). */
function isJavaScript(request: Request, origin: string): boolean {
  const url = request.url();
  if (!url.startsWith(`${origin}/`)) return false; // blob: workers come from a file already counted
  const type = request.resourceType();
  return type === 'script' || (type === 'document' && new URL(url).pathname.startsWith('/engine/'));
}

/** Loads the page, waits for the editor and one sample run, and sums the JavaScript it fetched. */
export async function runPlaygroundWeight(
  browser: Browser,
  origin: string,
  path = PLAYGROUND_WEIGHT_PATH,
): Promise<PlaygroundWeight> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const urls = new Set<string>();
    context.on('request', (request) => {
      if (isJavaScript(request, origin)) urls.add(request.url());
    });
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    // The editor is up: Monaco itself, not a stand-in field shown while it loads.
    await page.locator('.monaco-editor').first().waitFor({ state: 'attached', timeout: 60_000 });
    const runs = page.locator('[data-runs]');
    const before = Number(await runs.getAttribute('data-runs'));
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-runs]')?.getAttribute('data-runs')) > n,
      before,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    const files: WeighedFile[] = [];
    for (const url of urls) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`playground weight: ${url} answered ${String(res.status)}`);
      const body = Buffer.from(await res.arrayBuffer());
      files.push({ url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    return {
      gzipBytes: files.reduce((n, f) => n + f.gzip, 0),
      rawBytes: files.reduce((n, f) => n + f.raw, 0),
      files,
    };
  } finally {
    await context.close();
  }
}
