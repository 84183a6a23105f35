/**
 * Screenshots a page of the production build, for the README and for looking at what a reader sees.
 *   npx tsx scripts/screenshot.ts /services/packages/org_versions out.png [light|dark] [width] [full]
 */
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { startStaticServer } from '../tests/e2e/support/staticServer';

const [path = '/', out = 'screenshot.png', scheme = 'light', width = '1400', full = ''] =
  process.argv.slice(2);
const site = await startStaticServer(join(import.meta.dirname, '../build'));
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
    viewport: { width: Number(width), height: 900 },
  });
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: full === 'full' });
} finally {
  await browser.close();
  await site.close();
}
