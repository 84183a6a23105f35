import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { exampleIds, methodExample } from '../../src/components/ResourceDocs/methodExample';
import { aliasesOf, docPath, findService, servicePath } from '../../src/resources/registry';
import type { ExampleQuery, ResourceDef } from '../../src/resources/types';
import { readOriginalResourcePage, readOriginalServicePage, siteHref } from '../unit/docs/originals';
import { useBrowser } from './support/browser';
import {
  alertText,
  editorText,
  finishedRuns,
  resultStatus,
  waitForPlayground,
  waitForRuns,
} from './support/playground';

const SERVICE = 'packages';
const service = findService(SERVICE);
if (!service) throw new Error(`The catalogue has no ${SERVICE} service`);
const originalService = readOriginalServicePage(SERVICE);
/** Every resource the original service page lists, with its definition: each gets its page. */
const RESOURCES: readonly ResourceDef[] = originalService.resources.map(({ text }) => {
  const found = service.resources.find((r) => r.name === text);
  if (!found)
    throw new Error(`The catalogue has no ${SERVICE}.${text}, which the original service page lists`);
  return found;
});
const PAGE = docPath({ service: SERVICE, name: 'org_versions' });
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
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell as HTMLElement).innerText)),
    );
  return rows.map((r) => r.map(normalize));
}

describe.each(RESOURCES.map((r) => [r.name, r] as const))('the %s page', (name, resource) => {
  const path = docPath(resource);
  const original = readOriginalResourcePage(SERVICE, name);

  it('keeps the front matter: title, description, keywords and the featured image', async () => {
    const { page } = await browser.open(path);
    // Helmet sets the title again as the page hydrates.
    await expect.poll(() => page.title()).toBe(`${original.frontMatter.title} | StackQL GitHub provider`);
    await expect
      .poll(() => page.locator('meta[name="description"]').getAttribute('content'))
      .toBe(original.frontMatter.description);
    const keywords = await page.locator('meta[name="keywords"]').getAttribute('content');
    expect(keywords?.split(/,\s*/)).toEqual(original.frontMatter.keywords);
    const image = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '';
    const response = await page.request.get(new URL(image).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(original.frontMatter.title);
    const h2 = (await page.locator('article h2').allInnerTexts()).map(normalize);
    expect(h2).toEqual(['Overview', 'Fields', 'Methods', 'Permissions', 'SQL examples']);
    // The playground sits beside every resource page.
    await page.getByRole('complementary', { name: 'SQL playground' }).waitFor();
  });

  it('shows every Overview, Fields and Methods cell and every link of the original', async () => {
    const { page } = await browser.open(path);
    const overview = Object.fromEntries(
      (await rowTexts(tableAfter(page, 'overview'))).map(([k = '', v = '']) => [k, v]),
    );
    // Every row of the original, and the names today's StackQL gives the resource (catalogue data).
    const { 'Also known as': aka, ...rest } = overview;
    expect(rest).toEqual(original.overview);
    const aliases = aliasesOf(resource);
    expect(aka).toBe(aliases.length > 0 ? aliases.join(', ') : undefined);
    expect(await rowTexts(tableAfter(page, 'fields'))).toEqual(original.fields);
    const methods = await rowTexts(tableAfter(page, 'methods'));
    // The rendered table adds Optional Params (4th column) and Try it (6th) to the original's four.
    expect(methods.map(([n = '', v = '', p = '', , d = '']) => [n, v, p, d])).toEqual(original.methods);
    expect(methods.map((r) => r[3])).toEqual(resource.methods.map((m) => m.optionalParams.join(', ')));
    const table = tableAfter(page, 'methods');
    for (const { text, href } of original.links)
      expect(await table.locator(`a[href="${href}"]`, { hasText: text }).count()).toBeGreaterThan(0);
  });

  it('renders the Id, every field, method, param and scope as a copy button', async () => {
    const { page } = await browser.open(path);
    const names = [
      original.overview.Id ?? '',
      ...original.fields.map(([n]) => n),
      ...original.methods.flatMap(([n, , params]) => [n, ...(params ? params.split(', ') : [])]),
      ...resource.methods.flatMap((m) => [...m.optionalParams, ...m.scopes]),
    ];
    for (const n of new Set(names))
      expect(await page.getByRole('button', { name: `Copy ${n}`, exact: true }).count(), n).toBeGreaterThan(
        0,
      );
  });

  it('lists the scopes of every method and an SQL example block for every example', async () => {
    const { page } = await browser.open(path);
    expect(await rowTexts(tableAfter(page, 'permissions'))).toEqual(
      resource.methods.map((m) => [m.name, m.sqlVerb, m.scopes.join(', ')]),
    );
    await expect.poll(() => page.getByText('classic personal access tokens only').count()).toBe(1);
    // Each highlighted line is its own block element, so innerText doubles the line breaks.
    const lines = (text: string) => text.trim().replace(/\n+/g, '\n');
    const blocks = (await page.locator('article pre code').allInnerTexts()).map(lines);
    expect(blocks).toEqual(resource.examples.map((e) => lines(e.sql)));
    // Docusaurus's own copy button on each code block.
    await expect
      .poll(() => page.getByRole('button', { name: /copy code to clipboard/i }).count())
      .toBe(blocks.length);
  });

  it("loads each method row's example into the playground, without running it", async () => {
    const { page } = await browser.open(path, { clipboard: true });
    await waitForPlayground(page);
    const before = await finishedRuns(page);
    const rows = tableAfter(page, 'methods').locator('tbody tr');
    for (const [i, method] of resource.methods.entries()) {
      await rows.nth(i).getByRole('button', { name: 'Open in playground' }).click();
      expect(await editorText(page), method.name).toBe(methodExample(resource, method.name)?.sql);
    }
    expect(await finishedRuns(page)).toBe(before);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

/** Every example of every resource, with the id of its section on the page. */
const EXAMPLES: readonly (readonly [string, ResourceDef, ExampleQuery, string])[] = RESOURCES.flatMap(
  (resource) => {
    const ids = exampleIds(resource.examples);
    return resource.examples.map(
      (e, i) => [`${resource.name}: ${e.title}`, resource, e, ids[i] ?? ''] as const,
    );
  },
);

describe('SQL examples on sample data', () => {
  // A fresh page per example: the sample data is per page, so a delete never hides another's rows.
  it.each(EXAMPLES)('%s: Open in playground, Run, a result', async (_, resource, example, id) => {
    const { page, context } = await browser.open(docPath(resource), { clipboard: true });
    await waitForPlayground(page);
    await page
      .locator(`section[aria-labelledby="${id}"]`)
      .getByRole('button', { name: 'Open in playground' })
      .click();
    expect(await editorText(page)).toBe(example.sql);
    const write = /^\s*(DELETE|EXEC)\b/i.test(example.sql);
    const before = await finishedRuns(page);
    await page.getByRole('button', { name: 'Run query' }).click();
    if (write) {
      // Writes ask first, even on sample data; the reader confirms.
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    }
    await waitForRuns(page, before);
    expect(await alertText(page)).toBe('');
    if (write) {
      const outcomes = await page
        .getByRole('list', { name: 'What happened' })
        .getByRole('listitem')
        .allInnerTexts();
      expect(outcomes.length).toBeGreaterThan(0);
      for (const o of outcomes) expect(o).toContain('sample data only');
    } else {
      const status = await resultStatus(page).innerText();
      const rows = Number(/^(\d+) rows? from sample data/.exec(status)?.[1] ?? -1);
      expect(rows, status).toBeGreaterThan(0);
    }
    await context.close();
  });
});

describe('the packages service page', () => {
  it('has the description, the Service Summary, the Overview and the resource links of the original', async () => {
    const { page } = await browser.open(servicePath(service));
    expect(normalize(await page.locator('article p').first().innerText())).toBe(originalService.description);
    // textContent: the admonition's title is upper-cased by CSS, which innerText applies.
    const summary = normalize((await page.locator('article .theme-admonition').first().textContent()) ?? '');
    expect(summary).toContain('Service Summary');
    for (const [label, count] of Object.entries(originalService.summary))
      expect(summary).toContain(`${label}: ${count}`);
    const overview = await rowTexts(tableAfter(page, 'overview'));
    expect(Object.fromEntries(overview.map(([k = '', v = '']) => [k, v]))).toEqual(originalService.overview);
    const list = tableAfter(page, 'resources');
    for (const { href, text } of originalService.resources)
      expect(await list.locator(`a[href="${siteHref(href)}"]`, { hasText: text }).count(), href).toBe(1);
    expect(await rowTexts(list)).toEqual(service.resources.map((r) => [r.name, r.id, r.summary]));
    await list.getByRole('link', { name: 'org_packages', exact: true }).click();
    await page.waitForURL(/\/services\/packages\/org_packages$/);
  });

  it('is listed on the provider home with each of its resources, and in the sidebar', async () => {
    const { page } = await browser.open('/');
    const article = page.locator('article');
    expect(await article.locator(`a[href="${servicePath(service)}"]`, { hasText: SERVICE }).count()).toBe(1);
    const list = article.getByRole('list', { name: `Resources of ${SERVICE}` });
    for (const { href, text } of originalService.resources)
      expect(await list.locator(`a[href="${siteHref(href)}"]`, { hasText: text }).count(), href).toBe(1);
    const sidebar = page.getByRole('navigation', { name: 'Docs sidebar' });
    await sidebar.getByRole('link', { name: SERVICE, exact: true }).click();
    await page.waitForURL(/\/services\/packages$/);
    const items = (await sidebar.locator('a[href^="/services/packages/"]').allInnerTexts()).map(normalize);
    expect(items).toEqual(originalService.resources.map((r) => r.text));
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
    // Past the navigation bar and the sidebar's 31 services (a link and a toggle each), then the
    // Overview and Fields tables' copy buttons.
    for (let i = 0; i < 300 && !found; i++) {
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
  it('finds resources and methods with the local search', async () => {
    const { page } = await browser.open('/');
    const search = page
      .getByRole('combobox', { name: 'Search' })
      .or(page.getByRole('textbox', { name: 'Search' }));
    const terms: readonly (readonly [string, string])[] = [
      ['org_versions', '/services/packages/org_versions'],
      ['get_package_version_for_organization', '/services/packages/org_versions'],
      ['list_docker_migration_conflicting_packages_for_user', '/services/packages/docker_migration_packages'],
    ];
    for (const [term, target] of terms) {
      await search.fill('');
      await search.fill(term);
      await page.getByRole('option').filter({ hasText: term }).first().waitFor({ timeout: 15_000 });
      expect(await page.locator(`a[href*="${target}"]`).count(), term).toBeGreaterThan(0);
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/packages\/docker_migration_packages/);
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
