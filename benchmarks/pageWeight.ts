/**
 * Figure 4: JavaScript bytes a docs page loads before its `load` event, the playground page against the
 * service page that has none. Counted from Chromium's own network events (CDP), so what is measured is
 * what crossed the wire, not what the build folder holds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { Figure } from './results';

/** JavaScript a page loaded before `load`. */
export interface PageScripts {
  /** Bytes received for script responses that finished before `load` (the static server sends them
   * uncompressed, so this is the size of the files plus their headers). */
  readonly bytes: number;
  /** The same files gzipped at level 9, as a compressing host would send them. */
  readonly gzipBytes: number;
  readonly files: readonly string[];
  /** Script bytes by network idle, the lazy playground chunks included (the page's own requests:
   * scripts its workers fetch are not counted). */
  readonly idleBytes: number;
}

interface Seen {
  url: string;
  script: boolean;
  finishedAt?: number;
  bytes?: number;
}

/** Loads `path` in a fresh context and sums the script bytes finished before the `load` event. */
export async function scriptsBeforeLoad(
  browser: Browser,
  origin: string,
  path: string,
  buildDir: string,
): Promise<PageScripts> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const seen = new Map<string, Seen>();
    let loadAt: number | undefined;
    // Scripts only: Docusaurus also prefetches the chunks of linked pages (type `Other`), which run
    // only if the reader goes there.
    cdp.on('Network.requestWillBeSent', (e) => {
      seen.set(e.requestId, { url: e.request.url, script: e.type === 'Script' });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const s = seen.get(e.requestId);
      if (s) Object.assign(s, { finishedAt: e.timestamp, bytes: e.encodedDataLength });
    });
    cdp.on('Page.loadEventFired', (e) => {
      loadAt ??= e.timestamp;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Page.enable');
    await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
    // CDP delivers `loadEventFired` after `goto` returns: wait for the network to settle first.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    if (loadAt === undefined) throw new Error(`no load event seen for ${path}`);
    const load = loadAt;
    const idleBytes = [...seen.values()].filter((s) => s.script).reduce((sum, s) => sum + (s.bytes ?? 0), 0);
    const scripts = [...seen.values()].filter(
      (s) => s.script && s.finishedAt !== undefined && s.finishedAt <= load,
    );
    let gzipBytes = 0;
    for (const s of scripts) {
      const file = join(buildDir, decodeURIComponent(new URL(s.url).pathname));
      gzipBytes += gzipSync(await readFile(file), { level: 9 }).length;
    }
    return {
      bytes: scripts.reduce((sum, s) => sum + (s.bytes ?? 0), 0),
      gzipBytes,
      files: scripts.map((s) => new URL(s.url).pathname),
      idleBytes,
    };
  } finally {
    await context.close();
  }
}

/** The page-weight figures: raw and gzipped JS of org_versions against the service page (aim ≤ 1.25). */
export async function runPageWeight(
  browser: Browser,
  origin: string,
  buildDir: string,
): Promise<{ figures: Figure[]; detail: { playground: PageScripts; service: PageScripts } }> {
  const playground = await scriptsBeforeLoad(browser, origin, '/services/packages/org_versions', buildDir);
  const service = await scriptsBeforeLoad(browser, origin, '/services/packages', buildDir);
  // The largest service: its resource page carries its whole definition, as its service page does.
  const repo = await scriptsBeforeLoad(browser, origin, '/services/repos/repos', buildDir);
  const repos = await scriptsBeforeLoad(browser, origin, '/services/repos', buildDir);
  const fig = (name: string, value: number, baseline: number): Figure => ({
    name,
    unit: 'bytes',
    value,
    baseline,
    ratio: value / baseline,
    aim: 1.25,
  });
  return {
    figures: [
      fig('page weight: JS before load, org_versions vs /services/packages', playground.bytes, service.bytes),
      fig('page weight: same, gzipped', playground.gzipBytes, service.gzipBytes),
      fig(
        'page weight: JS before load, repos.repos vs /services/repos, gzipped',
        repo.gzipBytes,
        repos.gzipBytes,
      ),
      {
        ...fig(
          'page weight: all JS by network idle (playground loaded)',
          playground.idleBytes,
          service.idleBytes,
        ),
        aim: undefined,
      },
    ],
    detail: { playground, service },
  };
}
