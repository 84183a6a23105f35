import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, type Visit } from './support/browser';
import { E2E_TOKEN, FAKE_API_URL } from './support/constants';
import { fakeRequests, fakeTokenChecks, resetFake } from './support/fakeGitHub';
import { useFakeApi, waitForPlayground } from './support/playground';

/**
 * The token check on entry (issue 13): `GET /rate_limit` as soon as a token is entered, before any
 * query, with its verdict beside the field, in the settings' summary and (when it fails) in the banner.
 */
const browser = useBrowser();
const PAGE = '/services/packages/org_versions';

beforeEach(async () => {
  await resetFake();
});

async function open(): Promise<Visit> {
  const visit = await browser.open(PAGE);
  await waitForPlayground(visit.page);
  return visit;
}

const tokenStatus = (page: Page) => page.getByRole('status', { name: 'Token check' });
const summary = (page: Page) => page.locator('details summary').filter({ hasText: 'Data source' });
const verdict = async (page: Page, text: RegExp | string): Promise<string> => {
  await expect.poll(() => tokenStatus(page).innerText(), { timeout: 15_000 }).toMatch(text);
  return tokenStatus(page).innerText();
};

describe('token check on entry', () => {
  it('shows a good token’s scopes and remaining requests, with no query run', async () => {
    const { page } = await open();
    await useFakeApi(page);
    const text = await verdict(page, /GitHub accepts this token/);
    expect(text).toContain('Classic scopes: read:packages, delete:packages, write:packages.');
    expect(text).toMatch(/5,000 of 5,000 requests left; the budget resets at \d/);
    expect(await summary(page).innerText()).toBe(`Data source: ${FAKE_API_URL} (token works)`);
    // One check, with the token in the Authorization header only; no data request.
    const checks = await fakeTokenChecks();
    expect(checks.map((r) => [r.method, r.url, r.authorization])).toEqual([
      ['GET', `${FAKE_API_URL}/rate_limit`, `token ${E2E_TOKEN}`],
    ]);
    expect(await fakeRequests()).toEqual([]);
  });

  it('says a rejected token is rejected, in the settings and the banner, and accepts the right one after', async () => {
    const { page } = await open();
    await useFakeApi(page, 'ghp_notTheRightTokenBBBBBBBBBBBBBBBBBBBBBB');
    const text = await verdict(page, /rejected this token/);
    expect(text).toContain(
      '127.0.0.1:45123 rejected this token ("Bad credentials"): it may be mistyped, expired or revoked.',
    );
    expect(text).not.toContain('ghp_');
    expect(await summary(page).innerText()).toContain('(token rejected)');
    const banner = page.getByRole('status').filter({ hasText: 'Querying GitHub' });
    expect(await banner.innerText()).toContain('GitHub rejected the token.');
    await page.getByLabel('GitHub token').fill(E2E_TOKEN);
    await verdict(page, /GitHub accepts this token/);
    expect(await banner.innerText()).not.toContain('rejected');
    expect(await fakeRequests()).toEqual([]);
  });

  it('names the scope the statement in the editor needs and the token lacks, with a link that ticks it', async () => {
    await resetFake({ scopes: ['repo', 'read:org'] });
    const { page } = await open();
    await useFakeApi(page);
    const text = await verdict(page, /lacks/);
    expect(text).toContain('Classic scopes: repo, read:org.');
    expect(text).toContain(
      'This statement needs read:packages, which the token lacks: create a token with it.',
    );
    expect(await summary(page).innerText()).toContain('(token lacks read:packages)');
    const link = tokenStatus(page).getByRole('link', { name: 'create a token with it' });
    const href = new URL((await link.getAttribute('href')) ?? '');
    expect(href.origin + href.pathname).toBe('https://github.com/settings/tokens/new');
    expect(href.searchParams.get('scopes')?.split(',')).toContain('read:packages');
    expect(await tokenStatus(page).getAttribute('class')).toMatch(/warning/);
  });

  it('says the API could not be reached on a network failure, and checks again on request (keyboard)', async () => {
    await resetFake({ faults: [{ path: '/rate_limit', action: { type: 'network' }, times: 1 }] });
    const visit = await open();
    const { page } = visit;
    await useFakeApi(page);
    const text = await verdict(page, /Could not reach/);
    expect(text).toContain('Could not reach 127.0.0.1:45123 to check the token');
    expect(await summary(page).innerText()).toContain('(token not checked)');
    // Chromium logs the dropped connection; that is the failure this test causes on purpose.
    const kept = visit.errors.filter((e) => !e.includes('net::ERR_'));
    visit.errors.splice(0, visit.errors.length, ...kept);
    await tokenStatus(page).getByRole('button', { name: 'Check again' }).focus();
    await page.keyboard.press('Enter');
    await verdict(page, /GitHub accepts this token/);
    expect((await fakeTokenChecks()).length).toBe(2);
  });

  it('checks a token remembered in this tab on entry, against the API it was entered for', async () => {
    const { page } = await open();
    await useFakeApi(page);
    await page.getByLabel('Remember in this tab').check();
    await verdict(page, /GitHub accepts this token/);
    await resetFake();
    await page.reload();
    await waitForPlayground(page);
    // Nothing typed: the check runs as the page opens, and the summary says so with the settings closed.
    await expect
      .poll(() => summary(page).innerText(), { timeout: 15_000 })
      .toBe(`Data source: ${FAKE_API_URL} (token works)`);
    expect((await fakeTokenChecks()).length).toBe(1);
    expect(await fakeRequests()).toEqual([]);
  });
});
