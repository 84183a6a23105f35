import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { FAKE_API_URL } from './constants';

/** One page opened by a test, with what it did that the test must check. */
export interface Visit {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions; every test fails if any remain. */
  readonly errors: string[];
  /** Every request URL the page made, in order. */
  readonly requests: string[];
  /** Requests to a host other than loopback: blocked, and every test fails if any were tried. */
  readonly foreign: string[];
}

export interface OpenOptions {
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Grant clipboard read/write, as a reader clicking "copy" would have. */
  readonly clipboard?: boolean;
  /** Script run in the page before any of the site's own. */
  readonly initScript?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return LOOPBACK.has(hostname) || hostname.startsWith('127.');
}

/**
 * Registers the hooks for a file of browser tests: one system Chromium for the file, a fresh context
 * (fresh profile, storage and permissions) per page, and after each test the two checks every browser
 * test makes: no console error and no request to a host other than loopback.
 */
export function useBrowser(): { open(path: string, options?: OpenOptions): Promise<Visit> } {
  let browser: Browser | undefined;
  const visits: Visit[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const open = visits.splice(0);
    for (const visit of open) await visit.context.close();
    for (const visit of open) {
      expect(visit.foreign, 'requests to hosts other than loopback').toEqual([]);
      expect(visit.errors, 'console errors').toEqual([]);
    }
  });

  return {
    async open(path, options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser is not up yet');
      const baseURL = inject('baseUrl');
      const context = await browser.newContext({
        baseURL,
        colorScheme: options.colorScheme ?? 'light',
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      if (options.clipboard)
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
      const visit: Visit = { page: await context.newPage(), context, errors: [], requests: [], foreign: [] };
      visits.push(visit);
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        visit.requests.push(url);
        if (isLoopback(url)) return route.continue();
        visit.foreign.push(url);
        return route.abort('blockedbyclient');
      });
      visit.page.on('console', (msg) => {
        // Chromium itself logs every HTTP error status of a fetch; for the fake API, whose errors
        // the tests inject on purpose, that is not a page error. Everything else fails the test.
        const browserNetworkLog =
          msg.text().startsWith('Failed to load resource: the server responded with a status of') &&
          msg.location().url.startsWith(`${FAKE_API_URL}/`);
        if (msg.type() === 'error' && !browserNetworkLog) visit.errors.push(msg.text());
      });
      visit.page.on('pageerror', (err) => visit.errors.push(`${err.name}: ${err.message}`));
      if (options.initScript) await visit.page.addInitScript(options.initScript);
      await visit.page.goto(path, { waitUntil: 'load' });
      // Docusaurus marks the page once React has hydrated it: before that, buttons have no handlers
      // and client-only parts (code-block copy buttons) are missing.
      if (visit.page.url().startsWith(baseURL)) {
        await visit.page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
      }
      return visit;
    },
  };
}
