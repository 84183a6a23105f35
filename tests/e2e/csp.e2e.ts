import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { useBrowser, type Visit } from './support/browser';
import { E2E_TOKEN, FAKE_API_URL } from './support/constants';
import { parsePolicy } from '../support/policy';

const BUILD = join(import.meta.dirname, '../../build-e2e');
/** What `npm run build:e2e` builds for: GitHub.com (no GITHUB_API_URL) and the fake API. */
const API_ORIGINS = ['https://api.github.com', FAKE_API_URL];
const browser = useBrowser();

/** Records every CSP violation of the document (and of each frame) in `window.__csp`. */
const WATCH_CSP = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

async function violations(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** The page's console errors about the policy, taken out of the visit so they do not fail it. */
function takeCspErrors(visit: Visit): string[] {
  const csp = visit.errors.filter((e) => /Content Security Policy/i.test(e));
  visit.errors.splice(0, visit.errors.length, ...visit.errors.filter((e) => !csp.includes(e)));
  return csp;
}

/** Inline scripts the browser would run, found independently of the plugin's own scanner. */
function runnableInlineScripts(html: string): string[] {
  return (
    [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
      // Attribute quotes may be minified away (Docusaurus Faster's HTML minifier): `type=application/ld+json`.
      .filter(
        ([, attrs = '']) => !/\ssrc=/.test(` ${attrs}`) && !/\btype=["']?application\/ld\+json/i.test(attrs),
      )
      .map(([, , text = '']) => text)
  );
}

/** The page runs under the built policy: the meta tag is still the first thing in its head. */
async function expectPolicyInForce(page: Page): Promise<void> {
  const first = await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'));
  expect(first).toBe('Content-Security-Policy');
}

async function runDefaultQuery(target: Page | Frame | FrameLocator): Promise<void> {
  await target.getByRole('textbox', { name: 'SQL query' }).waitFor({ state: 'attached', timeout: 30_000 });
  await target.getByRole('button', { name: 'Run query' }).click();
  await target
    .getByRole('status')
    .filter({ hasText: / rows? from / })
    .waitFor({ timeout: 30_000 });
}

describe('the built HTML', () => {
  const html = readdirSync(BUILD, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  // The engine's sandbox frame is not a page: it has its own policy (containment.e2e.ts).
  const pages = html.filter((f) => !f.startsWith('engine/'));

  it('has pages to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'playground.html', '404.html']));
  });

  it('leaves the engine sandbox its own policy: no network, not the site policy', () => {
    const sandbox = html.filter((f) => f.startsWith('engine/'));
    expect(sandbox).toHaveLength(1);
    const text = readFileSync(join(BUILD, sandbox[0] ?? ''), 'utf8');
    const metas = [...text.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    expect(metas).toHaveLength(1);
    const policy = parsePolicy(metas[0]?.[1] ?? '');
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(text.indexOf('<meta http-equiv="Content-Security-Policy"')).toBeLessThan(text.indexOf('<script'));
  });

  it.each(pages)('%s starts its head with the policy and no-referrer', (file) => {
    const html = readFileSync(join(BUILD, file), 'utf8');
    const head =
      /<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]+)"><meta name="referrer" content="no-referrer">/.exec(
        html,
      );
    expect(head, 'CSP and referrer meta first in <head>').not.toBeNull();
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    // A later referrer meta would override ours; a second policy would only tighten, but say so.
    expect(html.match(/name="referrer"/g)).toHaveLength(1);
    const policy = parsePolicy(head?.[1] ?? '');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    const hashes = runnableInlineScripts(html).map(
      (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`,
    );
    expect(hashes.length, 'Docusaurus inline color-mode script').toBeGreaterThan(0);
    expect(policy.get('script-src')).toEqual(["'self'", ...new Set(hashes)]);
    expect(policy.get('connect-src')).toEqual(["'self'", ...API_ORIGINS]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'self'"]);
    expect(head?.[1]).not.toMatch(/unsafe-eval|\*|frame-ancestors/);
  });
});

describe('the site under its policy', () => {
  it('shows the home page and searches it with no violation', async () => {
    const visit = await browser.open('/', { initScript: WATCH_CSP });
    const { page } = visit;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectPolicyInForce(page);
    // The local search fetches its index in a same-origin worker (worker-src, connect-src 'self').
    const search = page
      .getByRole('combobox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }));
    await search.fill('org_versions');
    await page.getByRole('option').filter({ hasText: 'org_versions' }).first().waitFor({ timeout: 15_000 });
    expect(await violations(page)).toEqual([]);
    expect(takeCspErrors(visit)).toEqual([]);
  });

  it.each(['/services/packages/org_versions', '/playground'])(
    'runs the default query on %s with no violation',
    async (path) => {
      const visit = await browser.open(path, { initScript: WATCH_CSP });
      await runDefaultQuery(visit.page);
      await expectPolicyInForce(visit.page);
      // Exports download a blob: URL through a link; CSP has no say over that navigation.
      const download = visit.page.waitForEvent('download');
      await visit.page.getByRole('button', { name: 'Export CSV' }).click();
      expect((await download).suggestedFilename()).toBe('org_versions.csv');
      // The engine worker compiled the query with new Function; the page never needed eval.
      expect(await violations(visit.page)).toEqual([]);
      expect(takeCspErrors(visit)).toEqual([]);
    },
  );

  it('runs the playground after client-side navigation, under the policy of the first page', async () => {
    // A meta policy belongs to the document: moving on within the app keeps the home page's policy.
    const visit = await browser.open('/', { initScript: WATCH_CSP });
    await visit.page.getByRole('link', { name: 'org_versions', exact: true }).first().click();
    await visit.page.waitForURL('**/services/packages/org_versions');
    await runDefaultQuery(visit.page);
    expect(await violations(visit.page)).toEqual([]);
    expect(takeCspErrors(visit)).toEqual([]);
  });

  it('reaches the API origin it was built for', async () => {
    const visit = await browser.open('/playground', { initScript: WATCH_CSP });
    const { page } = visit;
    await page.getByRole('textbox', { name: 'SQL query' }).waitFor({ state: 'attached', timeout: 30_000 });
    const settings = page.locator('details').filter({ has: page.getByText(/^Data source:/) });
    await settings.locator('summary').click();
    await page.getByLabel('API base URL').fill(FAKE_API_URL);
    await page.getByLabel('API base URL').blur();
    await page.getByLabel('GitHub token').fill(E2E_TOKEN);
    await page.getByRole('button', { name: 'Run query' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: / rows? from / })
      .waitFor({ timeout: 30_000 });
    expect(visit.requests.some((u) => u.startsWith(`${FAKE_API_URL}/`))).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('blocks injected inline script, eval and other origins on the page', async () => {
    const visit = await browser.open('/playground', { initScript: WATCH_CSP });
    const fetched = await visit.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      // A string timer is eval run by the page itself (DevTools' own evaluate is exempt from CSP).
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      setTimeout('window.__evaluated = true;', 0);
      try {
        await fetch('http://127.0.0.2:9/steal');
        return 'sent';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(fetched).toBe('TypeError');
    await expect.poll(async () => (await violations(visit.page)).length).toBe(3);
    const seen = await violations(visit.page);
    expect(seen.map((v) => v.split(' ')[0]).sort()).toEqual(['connect-src', 'script-src', 'script-src-elem']);
    expect(seen.find((v) => v.startsWith('script-src '))).toMatch(/blocked eval/);
    expect(await visit.page.evaluate(() => ['__injected', '__evaluated'].filter((k) => k in window))).toEqual(
      [],
    );
    expect(visit.requests.filter((u) => u.includes('127.0.0.2'))).toEqual([]);
    // The browser reports each block on the console too; these are the expected ones.
    expect(takeCspErrors(visit).length).toBeGreaterThanOrEqual(3);
  });
});

describe('framing', () => {
  let framer: Server;
  let framerUrl = '';

  beforeAll(async () => {
    // Another origin (another port) whose page frames the site's playground.
    const site = inject('baseUrl');
    framer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>framer</title><iframe src="${site}/playground" width="1000" height="700"></iframe>`,
      );
    });
    await new Promise<void>((ok) => framer.listen(0, '127.0.0.1', ok));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    framer.closeAllConnections();
    await new Promise((ok) => framer.close(ok));
  });

  it('refuses to run the playground inside another origin and links to it instead', async () => {
    const visit = await browser.open(framerUrl);
    const frame = visit.page.frameLocator('iframe');
    const notice = frame.getByRole('alert').filter({ hasText: 'does not run inside another site' });
    await notice.waitFor({ timeout: 30_000 });
    const link = notice.getByRole('link', { name: 'Open this page in its own tab' });
    expect(await link.getAttribute('href')).toBe(`${inject('baseUrl')}/playground`);
    expect(await link.getAttribute('target')).toBe('_blank');
    // The docs around it still render; the playground never loads.
    await frame.getByRole('heading', { name: 'SQL playground' }).waitFor();
    expect(await frame.getByRole('textbox', { name: 'SQL query' }).count()).toBe(0);
    // Nothing of the playground loads or starts, not even after the framed page's `load` (the
    // engine's sandbox and the playground's chunk start there on a page of its own).
    await visit.page.waitForLoadState('networkidle');
    const framed = visit.page.frames().find((f) => f.url().endsWith('/playground'));
    await framed?.waitForFunction(() => document.readyState === 'complete');
    await visit.page.waitForLoadState('networkidle');
    expect(
      visit.requests.filter((u) =>
        /monaco-editor|\/engine\/sandbox\.|\/assets\/js\/(playground|sql-editor)\./.test(u),
      ),
    ).toEqual([]);
    expect(visit.page.frames().filter((f) => f.url().includes('/engine/sandbox.'))).toEqual([]);
  });

  it('still runs inside a frame of its own origin', async () => {
    const visit = await browser.open('/', { initScript: WATCH_CSP });
    await visit.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = '/playground';
      frame.width = '1000';
      frame.height = '700';
      document.body.append(frame);
    });
    await runDefaultQuery(visit.page.frameLocator('iframe'));
    const frame = visit.page.frames().find((f) => f !== visit.page.mainFrame());
    expect(frame && (await violations(frame))).toEqual([]);
    expect(await violations(visit.page)).toEqual([]);
  });
});
