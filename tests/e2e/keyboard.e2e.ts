import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser';
import { E2E_TOKEN, FAKE_API_URL } from './support/constants';
import { finishedRuns, resultStatus, waitForPlayground, waitForRuns } from './support/playground';

const browser = useBrowser();

/** What has the focus: its role-ish description, for assertions and failure messages. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 60),
      label: el?.getAttribute('aria-label') ?? '',
      inCell: el?.closest('[role="cell"]') !== null,
      inEditor: el?.closest('.monaco-editor') !== null,
      id: el?.id ?? '',
    };
  });
}

/**
 * Presses Tab until `done` holds for the focused element, at most `max` times: enough to pass the
 * navigation bar and the sidebar's 31 services (a link and a toggle each) on the way.
 */
async function tabUntil(
  page: Page,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 200,
): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (done(f)) return f;
  }
  throw new Error(`Tab never reached the element; last focus: ${JSON.stringify(await focused(page))}`);
}

describe('the playground with the keyboard alone', () => {
  it('writes a query, runs it, reaches a result cell and exports the result', async () => {
    const { page } = await browser.open('/playground');
    await waitForPlayground(page);
    await tabUntil(page, (f) => f.inEditor);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(
      "SELECT name, html_url FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container' LIMIT 3",
      { delay: 2 },
    );
    await page.keyboard.press('Escape'); // closes a suggestion list, if one is open
    // Tab leaves the editor, and Run follows it: the focus order is editor → Run → results. (An editor
    // widget still showing, such as a hover, may take one stop of its own first.)
    await tabUntil(page, (f) => f.text === 'Run query', 3);
    const before = await finishedRuns(page);
    await page.keyboard.press('Enter');
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain('3 rows from sample data');
    const cell = await tabUntil(page, (f) => f.inCell);
    expect(cell.tag).toBe('a');
    const download = page.waitForEvent('download');
    await tabUntil(page, (f) => f.text === 'Export CSV');
    await page.keyboard.press('Enter');
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4);
  });

  it('skips from the reference to the playground, and Escape closes the settings it opened', async () => {
    const { page } = await browser.open('/services/packages/org_versions');
    await waitForPlayground(page);
    const skip = await tabUntil(page, (f) => f.text === 'Skip to the playground');
    expect(skip.tag).toBe('a');
    await expect
      .poll(() => page.getByRole('link', { name: 'Skip to the playground' }).isVisible())
      .toBe(true);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('playground');
    const summary = await tabUntil(page, (f) => f.tag === 'summary');
    expect(summary.text).toContain('Data source');
    await page.keyboard.press('Enter');
    const details = page.locator('details').filter({ has: page.getByText(/^Data source:/) });
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect((await focused(page)).tag).toBe('summary');
  });
});

describe('first contact with a token', () => {
  it('"Add a GitHub token" opens the settings at the token field; a token switches to GitHub and says so', async () => {
    const { page } = await browser.open('/playground');
    await waitForPlayground(page);
    await page.getByRole('button', { name: 'Add a GitHub token' }).click();
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe('input');
    expect(await page.getByLabel('GitHub token').evaluate((el) => el === document.activeElement)).toBe(true);
    // The token is checked with the API as it is entered: the fake's, not api.github.com (blocked here).
    await page.getByLabel('API base URL').fill(FAKE_API_URL);
    await page.getByLabel('API base URL').blur();
    await page.getByLabel('GitHub token').focus();
    await page.keyboard.type(E2E_TOKEN);
    // The data source is visible without opening anything, in a status region (announced once).
    const banner = page.getByRole('status').filter({ hasText: 'Querying GitHub' });
    await expect.poll(() => banner.innerText()).toContain('with your token');
    expect(await page.getByLabel('Use sample data').isChecked()).toBe(false);
  });

  it('announces a long list once when its first rows arrive and once when it ends, not page by page', async () => {
    const { page } = await browser.open('/playground');
    await waitForPlayground(page);
    // Record every text the live region takes.
    await page.evaluate(() => {
      const region = document.querySelector('[aria-live="polite"][aria-atomic="true"]');
      const seen: string[] = [];
      (window as unknown as { __announced: string[] }).__announced = seen;
      if (!region) return;
      new MutationObserver(() => {
        const text = region.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    await waitForRuns(page, before);
    await expect.poll(() => resultStatus(page).innerText()).toContain('rows from sample data');
    const announced = await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
    expect(announced.length).toBeGreaterThan(0);
    expect(announced.length).toBeLessThanOrEqual(2);
    expect(announced.at(-1)).toMatch(/^\d+ rows from sample data in \d+ ms\.$/);
  });
});
