import { expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { E2E_TOKEN, FAKE_API_URL } from './constants';

/** The Monaco editor's textbox (it is zero-sized, so wait for it attached, not visible). */
export function editorBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'SQL query' });
}

/**
 * Waits for the playground with Monaco up. The editor takes typing before that, as a plain field
 * (startup.e2e.ts); the tests that use this one drive Monaco, and Monaco's own start-up (it adds
 * globals, for one) is not part of what they check.
 */
export async function waitForPlayground(page: Page): Promise<void> {
  await editorBox(page).waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('.monaco-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** The SQL in the editor, as Monaco's model holds it (the DOM only has the visible lines). */
export async function editorText(page: Page): Promise<string> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Replaces the editor's SQL as a paste would (typing would trigger completions and auto-closing). */
export async function setSql(page: Page, sql: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/** Points the playground at the fake GitHub API with a token, as a reader would in the settings. */
export async function useFakeApi(page: Page, token = E2E_TOKEN): Promise<void> {
  const settings = page.locator('details').filter({ has: page.getByText(/^Data source:/) });
  if (!(await settings.evaluate((d) => (d as HTMLDetailsElement).open)))
    await settings.locator('summary').click();
  await page.getByLabel('API base URL').fill(FAKE_API_URL);
  await page.getByLabel('API base URL').blur();
  await page.getByLabel('GitHub token').fill(token);
  // The token check's verdict changes the settings' height, moving Run: a click as it lands could hit
  // what was under Run a moment before. Tests go on once it is in, as a reader would see it.
  const check = page.getByRole('status', { name: 'Token check' });
  await expect
    .poll(async () => ((await check.count()) > 0 ? check.innerText() : ''), { timeout: 20_000 })
    .toMatch(/^(?!Checking)\S/);
}

/** The results status line (`249 rows from …`). */
export function resultStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /rows? (from|so far)|Run a query/ });
}

/** How many runs have ended on the page (the playground's `data-runs`). */
export async function finishedRuns(page: Page): Promise<number> {
  return Number(await page.locator('[data-runs]').getAttribute('data-runs'));
}

/** Waits until more than `before` runs have ended (a result, an error or a cancel). */
export async function waitForRuns(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-runs]')?.getAttribute('data-runs')) > n,
    before,
    { timeout: 45_000 },
  );
}

/** Clicks Run query and waits until the run ends. */
export async function runQuery(page: Page): Promise<void> {
  const before = await finishedRuns(page);
  await page.getByRole('button', { name: 'Run query' }).click();
  await waitForRuns(page, before);
}

export async function alertText(page: Page): Promise<string> {
  return (await page.getByRole('alert').filter({ hasText: /./ }).allInnerTexts()).join(' ');
}

/** The rows of the result as the Export JSON button saves them. */
export async function exportedJson(page: Page): Promise<Record<string, unknown>[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const path = await (await download).path();
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>[];
}
