import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readSeedPage } from '../support/seedPage';
import { useBrowser } from './support/browser';

const PAGE = '/services/packages/org_versions';
const seed = readSeedPage();
const browser = useBrowser();

/** innerText with runs of white space folded, no space before commas, no zero-width anchors. */
const normalize = (s: string): string =>
  s
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();

/** The table that follows the h2 with this id (MDX puts each table straight under its heading). */
function tableAfter(page: Page, headingId: string): Locator {
  return page.locator(`xpath=//h2[@id="${headingId}"]/following-sibling::table[1]`);
}

async function rowTexts(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td'), (cell) => (cell as HTMLElement).innerText),
      ),
    );
}

describe('org_versions reference page', () => {
  it('keeps the front matter: title, description, keywords and the featured image', async () => {
    const { page } = await browser.open(PAGE);
    // Helmet sets the title again as the page hydrates.
    await expect.poll(() => page.title()).toMatch(/^org_versions \| StackQL GitHub provider$/);
    await expect
      .poll(() => page.locator('meta[name="description"]').getAttribute('content'))
      .toBe(seed.frontMatter.description);
    const keywords = await page.locator('meta[name="keywords"]').getAttribute('content');
    expect(keywords?.split(/,\s*/)).toEqual(seed.frontMatter.keywords);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(new RegExp(`${seed.frontMatter.image}$`));
    const response = await page.request.get(seed.frontMatter.image);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(seed.frontMatter.title);
  });

  it('has the sections of the original page in order', async () => {
    const { page } = await browser.open(PAGE);
    const h2 = (await page.locator('article h2').allInnerTexts()).map(normalize);
    expect(h2.slice(0, 3)).toEqual(['Overview', 'Fields', 'Methods']);
    expect(h2).toEqual(expect.arrayContaining(['Permissions', 'SQL examples']));
  });

  it('shows every Overview, Fields and Methods cell of the original page', async () => {
    const { page } = await browser.open(PAGE);
    const overview = await rowTexts(tableAfter(page, 'overview'));
    expect(Object.fromEntries(overview.map(([k = '', v = '']) => [normalize(k), normalize(v)]))).toEqual(
      seed.overview,
    );

    const fields = await rowTexts(tableAfter(page, 'fields'));
    expect(fields.map((row) => row.map(normalize))).toEqual(seed.fields);

    const methods = await rowTexts(tableAfter(page, 'methods'));
    // The rendered table adds Optional Params (4th column) to the original's four.
    expect(methods.map(([n = '', v = '', p = '', , d = '']) => [n, v, p, d].map(normalize))).toEqual(
      seed.methods,
    );
    expect(normalize(methods[0]?.[3] ?? '')).toBe('state, per_page, page');
  });

  it('keeps every link of the method descriptions', async () => {
    const { page } = await browser.open(PAGE);
    const table = tableAfter(page, 'methods');
    for (const { text, href } of seed.links) {
      await expect
        .poll(() => table.locator(`a[href="${href}"]`, { hasText: text }).count())
        .toBeGreaterThan(0);
    }
  });

  it('renders the Id, every field, method and required param as a copy button', async () => {
    const { page } = await browser.open(PAGE);
    const names = [
      seed.overview.Id ?? '',
      ...seed.fields.map(([name]) => name),
      ...seed.methods.flatMap(([name, , params]) => [name, ...params.split(', ')]),
    ];
    for (const name of new Set(names)) {
      await expect
        .poll(() => page.getByRole('button', { name: `Copy ${name}`, exact: true }).count())
        .toBeGreaterThan(0);
    }
  });

  it('lists the scopes per method and an SQL example per method', async () => {
    const { page } = await browser.open(PAGE);
    const scopes = await rowTexts(tableAfter(page, 'permissions'));
    expect(scopes.map((r) => r.map(normalize))).toEqual([
      ['get_all_package_versions_for_package_owned_by_org', 'SELECT', 'read:packages'],
      ['get_package_version_for_organization', 'SELECT', 'read:packages'],
      ['delete_package_version_for_org', 'DELETE', 'read:packages, delete:packages'],
      ['restore_package_version_for_org', 'EXEC', 'read:packages, write:packages'],
    ]);
    await expect.poll(() => page.getByText('classic personal access tokens only').count()).toBe(1);
    const blocks = await page.locator('article pre code').allInnerTexts();
    expect(
      blocks.some((b) => /^SELECT[\s\S]*FROM github\.packages\.org_versions[\s\S]*ORDER BY/.test(b)),
    ).toBe(true);
    expect(blocks.some((b) => b.includes('package_version_id = 81005383') && b.startsWith('SELECT'))).toBe(
      true,
    );
    expect(blocks.some((b) => b.startsWith('DELETE FROM github.packages.org_versions'))).toBe(true);
    expect(
      blocks.some((b) => b.startsWith('EXEC github.packages.org_versions.restore_package_version_for_org')),
    ).toBe(true);
    // Docusaurus's own copy button on each code block.
    await expect
      .poll(() => page.getByRole('button', { name: /copy code to clipboard/i }).count())
      .toBe(blocks.length);
  });
});

describe('CopyableCode', () => {
  it('copies on click, announces "Copied" and resets after about two seconds', async () => {
    const { page } = await browser.open(PAGE, { clipboard: true });
    const button = page.getByRole('button', { name: 'Copy github.packages.org_versions' });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('github.packages.org_versions');
    const live = button.locator('xpath=following-sibling::*[@aria-live="polite"][1]');
    await expect.poll(() => live.innerText()).toBe('Copied');
    await expect.poll(() => live.innerText(), { timeout: 4000 }).toBe('');
  });

  it('is reachable with Tab and copies with Enter and with Space', async () => {
    const { page } = await browser.open(PAGE, { clipboard: true });
    const target = 'Copy get_package_version_for_organization';
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        (name) => document.activeElement?.getAttribute('aria-label') === name,
        target,
      );
    }
    expect(found, `${target} reachable by Tab`).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('get_package_version_for_organization');
    await page.keyboard.press('Tab'); // next button: the first required param, org
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('org');
  });

  it('falls back to a selection copy when the Clipboard API is missing', async () => {
    const { page } = await browser.open(PAGE, {
      initScript: `
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
        window.__copied = [];
        document.addEventListener('copy', (e) => window.__copied.push(String(document.getSelection() || e.target.value || '')), true);
      `,
    });
    await page
      .getByRole('button', { name: 'Copy org_versions' })
      .waitFor()
      .catch(() => undefined);
    const button = page.getByRole('button', { name: 'Copy package_html_url' });
    await button.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied))
      .toEqual(['package_html_url']);
    await expect
      .poll(() => button.locator('xpath=following-sibling::*[@aria-live][1]').innerText())
      .toBe('Copied');
    // Focus goes back to the button, so keyboard users keep their place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Copy package_html_url',
    );
  });
});

describe('site', () => {
  it('finds org_versions and get_package_version_for_organization with the local search', async () => {
    const { page } = await browser.open('/');
    const search = page
      .getByRole('combobox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }));
    for (const term of ['org_versions', 'get_package_version_for_organization']) {
      await search.fill('');
      await search.fill(term);
      const hit = page.getByRole('option').filter({ hasText: term }).first();
      await hit.waitFor({ timeout: 15_000 });
      expect(await page.locator(`a[href*="/services/packages/org_versions"]`).count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/packages\/org_versions/);
  });

  it('has a service page and a provider home that lead to the resource', async () => {
    const { page } = await browser.open('/services/packages');
    await page.getByRole('link', { name: 'org_versions', exact: true }).first().waitFor();
    const table = tableAfter(page, 'resources');
    expect((await rowTexts(table)).map((r) => r.map(normalize))).toEqual([
      ['org_versions', 'github.packages.org_versions', 'Versions of a package owned by an organization.'],
    ]);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Get a token' }).waitFor();
    await page.getByRole('link', { name: 'packages', exact: true }).first().click();
    await page.waitForURL(/\/services\/packages$/);
  });

  it('is usable in dark mode: the toggle works and text keeps its contrast', async () => {
    const { page } = await browser.open(PAGE);
    // The toggle cycles system → light → dark; click until dark, as a reader would.
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i++) {
      await page.getByRole('button', { name: /dark and light mode/i }).click();
    }
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    // Polled: Infima animates colour changes, so mid-transition colours are not the final ones.
    const lowContrast = (): Promise<string[]> =>
      page.evaluate(() => {
        type Rgba = [number, number, number, number];
        const parse = (c: string): Rgba => {
          const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
          return [r, g, b, a];
        };
        // Composite the element's backgrounds from the page up, since code spans are translucent.
        const background = (el: Element): Rgba => {
          const layers: Rgba[] = [];
          for (let e: Element | null = el; e; e = e.parentElement)
            layers.push(parse(getComputedStyle(e).backgroundColor));
          return layers
            .reverse()
            .reduce<Rgba>(
              ([r, g, b], [r2, g2, b2, a2]) => [r + (r2 - r) * a2, g + (g2 - g) * a2, b + (b2 - b) * a2, 1],
              [255, 255, 255, 1],
            );
        };
        const lum = ([r, g, b]: Rgba): number => {
          const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const selectors = [
          'article h1',
          'article p',
          'article td',
          'article td code',
          'article td a',
          'article p a',
          'nav a',
        ];
        return selectors
          .map((sel) => {
            const el = document.querySelector(sel);
            if (!el) return `${sel}: missing`;
            const [l1 = 0, l2 = 0] = [lum(parse(getComputedStyle(el).color)), lum(background(el))].sort(
              (a, b) => b - a,
            );
            const ratio = (l1 + 0.05) / (l2 + 0.05);
            return ratio >= 4.5 ? '' : `${sel}: ${ratio.toFixed(2)}`;
          })
          .filter(Boolean);
      });
    await expect.poll(lowContrast, { timeout: 5000 }).toEqual([]);
    // Dark mode survives a reload.
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });
});
