import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { compressToEncodedURIComponent } from 'lz-string';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { HOSTILE_ID_BASE } from '../../src/github/fake/hostile';
import { docPath, getResource } from '../../src/resources/registry';
import { useBrowser, type OpenOptions } from './support/browser';
import { fakeRequests, resetFake } from './support/fakeGitHub';
import { alertText, finishedRuns, runQuery, useFakeApi, waitForPlayground } from './support/playground';

/**
 * The Chart view, driven as a reader would: by role and name, with the keyboard where a reader would
 * use it, against the production build. Plot loads only when the view opens; the chart's bars are read
 * back from the SVG (each mark's title) and compared with the table's numbers.
 */

const browser = useBrowser();
const WHERE = "WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'";
const MONTHS = `SELECT substr(created_at, 1, 7) AS month, COUNT(*) AS n FROM github.packages.org_versions ${WHERE} GROUP BY month`;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};
/** Records every CSP violation in `window.__csp` (as csp.e2e.ts does). */
const WATCH_CSP = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline'));
  });
`;
/** Where screenshots go when CHART_SCREENSHOTS is set (tmp/ is the repository's ignored scratch). */
const SHOTS = process.env.CHART_SCREENSHOTS
  ? join(import.meta.dirname, '../../tmp/chart-screenshots')
  : undefined;

function link(sql: string, chart = ''): string {
  return `/playground#sql=${compressToEncodedURIComponent(sql)}${chart}`;
}

async function openPlayground(path: string, options: OpenOptions = {}) {
  const visit = await browser.open(path, { initScript: WATCH_CSP, ...options });
  await waitForPlayground(visit.page);
  return visit;
}

function viewButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Result view' }).getByRole('button', { name, exact: true });
}

function chartFigure(page: Page): Locator {
  return page.getByRole('figure');
}

/** The chart's SVG once drawn (Plot's, inside the figure). */
async function chartSvg(page: Page): Promise<Locator> {
  const svg = chartFigure(page).getByRole('img');
  await svg.waitFor({ timeout: 20_000 });
  return svg;
}

/** Each mark's title as `[x, value]`, read from the SVG: what the reader sees on hover. */
async function markValues(page: Page, mark: string): Promise<[string, number][]> {
  const svg = await chartSvg(page);
  const titles = await svg.locator(`g[data-mark="${mark}"] title`).allTextContents();
  return titles.map((t) => {
    const i = t.lastIndexOf(': ');
    return [t.slice(0, i), Number(t.slice(i + 2))];
  });
}

/** The result table's rows, as text (a short result: every row is rendered). */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'Query results' }).getByRole('row');
  await rows.nth(1).waitFor();
  const all = await rows.evaluateAll((rs) =>
    rs.slice(1).map((r) => Array.from(r.querySelectorAll('[role="cell"]'), (c) => c.textContent)),
  );
  return all;
}

async function runAxe(page: Page): Promise<string[]> {
  if (await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'undefined'))
    await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(d: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    AXE_OPTIONS,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.html.slice(0, 120)}`),
  );
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r = 0, g = 0, bl = 0] = (c.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

beforeEach(async () => {
  await resetFake();
});

describe('the Chart view of the month query', () => {
  it('loads Plot only when opened, and draws bars whose values and heights are the table’s numbers', async () => {
    const { page, requests } = await openPlayground(link(MONTHS));
    await runQuery(page);
    const table = await tableRows(page);
    expect(table.length).toBeGreaterThan(3);
    const before = requests.length;
    expect(requests.some((u) => /\/chart\.[0-9a-f]+\.js$/.test(u))).toBe(false);

    await viewButton(page, 'Chart').click();
    expect(await viewButton(page, 'Chart').getAttribute('aria-pressed')).toBe('true');
    const bars = await markValues(page, 'bar');
    expect(requests.slice(before).some((u) => /\/chart\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    // One bar per month of the table, each the table's count, in time order.
    const byMonth = table.map(([month = '', n = '']): [string, number] => [month, Number(n)]);
    expect(bars).toEqual(byMonth.sort(([a], [b]) => a.localeCompare(b)));
    // Heights are proportional to the values (one scale from zero).
    const heights = await (
      await chartSvg(page)
    )
      .locator('g[data-mark="bar"] rect')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
    const perUnit = (heights[0] ?? 0) / (bars[0]?.[1] ?? 1);
    bars.forEach(([, n], i) => {
      expect(heights[i]).toBeCloseTo(n * perUnit, 0);
    });
    // Title and axis labels from the column names; the sentence and the table as the text alternative.
    expect(await chartFigure(page).locator('figcaption').innerText()).toBe('n by month');
    const svgText = await (await chartSvg(page)).textContent();
    expect(svgText).toContain('month');
    expect(svgText).toContain('n');
    const values = bars.map(([, n]) => n);
    const sentence = `Bar chart of n by month (${bars[0]?.[0] ?? ''} to ${bars.at(-1)?.[0] ?? ''}), ${String(bars.length)} bars, from ${String(Math.min(...values))} to ${String(Math.max(...values))}.`;
    expect(await chartFigure(page).getByText(sentence).count()).toBe(1);
    expect(await (await chartSvg(page)).getAttribute('aria-label')).toBe(sentence);
    await chartFigure(page)
      .getByText(/^Data table of the chart/)
      .click();
    const data = await chartFigure(page)
      .getByRole('table')
      .locator('tbody tr')
      .evaluateAll((rs) => rs.map((r) => Array.from(r.querySelectorAll('td'), (c) => c.textContent)));
    expect(data).toEqual(bars.map(([month, n]) => [month, String(n)]));
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  it('changes kind and columns from the keyboard', async () => {
    const sql = `SELECT substr(created_at, 1, 7) AS month, substr(created_at, 1, 4) AS year, COUNT(*) AS n, MAX(id) AS newest FROM github.packages.org_versions ${WHERE} GROUP BY month, year`;
    const { page } = await openPlayground(link(sql));
    await runQuery(page);
    await viewButton(page, 'Chart').focus();
    await page.keyboard.press('Enter');
    await chartSvg(page);
    // Tab from the view buttons reaches the chart's settings, in order.
    await page.keyboard.press('Tab');
    const focused = (): Promise<string> =>
      page.evaluate(() => (document.activeElement as HTMLSelectElement).labels[0]?.textContent ?? '');
    expect(await focused()).toBe('Chart kind');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Chart kind').inputValue()).toBe('line');
    await (await chartSvg(page)).locator('g[data-mark="line"]').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('X axis');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('X axis').inputValue()).toBe('year');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Y axis');
    // The proposal plots both measures; choose n alone.
    expect(await page.getByLabel('Y axis').locator('option:checked').innerText()).toBe('All: n, newest');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByLabel('Y axis').locator('option:checked').innerText()).toBe('n');
    await expect.poll(() => chartFigure(page).locator('figcaption').innerText()).toBe('n by year');
    // Still a line (the kind the reader chose), now over years: its points are the rows' years.
    expect(await page.getByLabel('Chart kind').inputValue()).toBe('line');
    const points = await markValues(page, 'dot');
    expect(points.length).toBeGreaterThan(0);
    for (const [x] of points) expect(x).toMatch(/^\d{4}$/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Colour by');
    expect((await page.getByLabel('Colour by').locator('option').allInnerTexts())[0]).toBe('None');
  });
});

describe('the Chart view in both themes', () => {
  it.each(['light', 'dark'] as const)(
    'has no axe violations and marks with contrast in the %s theme',
    async (scheme) => {
      const { page } = await openPlayground(link(MONTHS, '&view=chart'), { colorScheme: scheme });
      expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme);
      await runQuery(page);
      const svg = await chartSvg(page);
      await chartFigure(page)
        .getByText(/^Data table of the chart/)
        .click();
      expect(await runAxe(page)).toEqual([]);
      // The colour behind the chart: the first ancestor with a background (light pages leave body's transparent).
      const background = await svg.evaluate((el) => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(c)) return c;
        }
        return 'rgb(255, 255, 255)';
      });
      const fill = await svg.locator('g[data-mark="bar"]').evaluate((g) => getComputedStyle(g).fill);
      const text = await svg
        .locator('g[data-mark="x-axis tick label"]')
        .evaluate((g) => getComputedStyle(g).fill);
      expect(contrast(fill, background)).toBeGreaterThanOrEqual(3);
      expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page
          .getByRole('region', { name: 'Results' })
          .screenshot({ path: join(SHOTS, `month-${scheme}.png`) });
      }
    },
  );

  it('draws again in the new colours when the theme changes', async () => {
    const { page } = await openPlayground(link(MONTHS, '&view=chart'));
    await runQuery(page);
    const fill = async (): Promise<string> =>
      (await chartSvg(page)).locator('g[data-mark="bar"]').evaluate((g) => getComputedStyle(g).fill);
    const light = await fill();
    // The theme toggle cycles (system, light, dark): press it until the page is dark.
    const toggle = page.getByRole('button', { name: /Switch between dark and light mode/ });
    for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i++) {
      await toggle.click();
    }
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await expect.poll(fill).not.toBe(light);
  });
});

describe('the Chart view with hostile data', () => {
  it('shows names that are markup as text, in the axis, the titles and the table', async () => {
    await resetFake({ hostile: true });
    const sql = `SELECT name, COUNT(*) AS n FROM github.packages.org_versions ${WHERE} AND id >= ${String(HOSTILE_ID_BASE)} GROUP BY name`;
    const { page } = await openPlayground(link(sql, '&view=chart'));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await useFakeApi(page);
    await runQuery(page);
    expect(await alertText(page)).toBe('');
    const bars = await markValues(page, 'bar');
    expect(bars.map(([x]) => x)).toContain('<img src=x onerror=alert(1)>');
    const figure = chartFigure(page);
    expect(await figure.locator('img, script, foreignObject, b').count()).toBe(0);
    expect(await (await chartSvg(page)).textContent()).toContain('<img src=x onerror=');
    await figure.getByText(/^Data table of the chart/).click();
    await figure.getByRole('cell', { name: '<img src=x onerror=alert(1)>' }).waitFor();
    // A 10 KB name does not stretch the page: the figure stays within the panel.
    const width = await figure.evaluate((f) => f.scrollWidth - f.clientWidth);
    expect(width).toBeLessThanOrEqual(1);
    expect(dialogs).toEqual([]);
  });
});

describe('chart settings in a share link', () => {
  it('restores the view, kind and columns, and runs nothing', async () => {
    const { page } = await openPlayground(link(MONTHS, '&view=chart&kind=dot&x=month&y=n'), {
      clipboard: true,
    });
    expect(await viewButton(page, 'Chart').getAttribute('aria-pressed')).toBe('true');
    expect(await finishedRuns(page)).toBe(0);
    expect(await page.getByText('Run a query to see its chart.').count()).toBe(1);
    expect(await fakeRequests()).toEqual([]);
    await runQuery(page);
    expect(await page.getByLabel('Chart kind').inputValue()).toBe('dot');
    expect((await markValues(page, 'dot')).length).toBeGreaterThan(3);
    // Copy link keeps them (and only column names: no data).
    await page.getByLabel('Chart kind').selectOption('area');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    const params = new URLSearchParams(copied.hash.slice(1));
    expect([...params.keys()]).toEqual(['sql', 'view', 'kind', 'x', 'y', 'group']);
    expect([params.get('view'), params.get('kind'), params.get('x'), params.get('y')]).toEqual([
      'chart',
      'area',
      'month',
      'n',
    ]);
  });

  it('ignores settings it does not know and proposes the chart instead', async () => {
    const { page } = await openPlayground(link(MONTHS, '&view=chart&kind=pie&x=nope&y=%3Cimg%3E'));
    await runQuery(page);
    expect(await page.getByLabel('Chart kind').inputValue()).toBe('bar');
    expect(await page.getByLabel('X axis').inputValue()).toBe('month');
    expect((await markValues(page, 'bar')).length).toBeGreaterThan(3);
  });
});

describe('results with nothing to plot, or too much', () => {
  it('says so and gives the GROUP BY to add', async () => {
    const { page } = await openPlayground(
      link(`SELECT id, name, created_at FROM github.packages.org_versions ${WHERE}`, '&view=chart'),
    );
    await runQuery(page);
    await page.getByText(/^Nothing to plot/).waitFor();
    expect(await page.getByText('GROUP BY substr(created_at, 1, 7)', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('figure').count()).toBe(0);
  });

  it('does not draw more than 200 bars: it asks to aggregate', async () => {
    const times = `SELECT created_at, COUNT(*) AS n FROM github.packages.org_versions ${WHERE} GROUP BY created_at`;
    const { page } = await openPlayground(link(times, '&view=chart&kind=bar'));
    await runQuery(page);
    await page.getByText(/^Too much to draw: this chart would have 249 bars/).waitFor();
    expect(await page.getByText('GROUP BY substr(created_at, 1, 7)', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('figure').count()).toBe(0);
    // A line draws them.
    await page.getByLabel('Chart kind').selectOption('line');
    // Every count is 1: a flat line, so attached (it has no height to be visible by).
    await (await chartSvg(page)).locator('g[data-mark="line"] path').waitFor({ state: 'attached' });
  });
});

describe('exports', () => {
  it('saves the chart as SVG and PNG, under the site policy', async () => {
    const { page } = await openPlayground(link(MONTHS, '&view=chart'));
    await runQuery(page);
    await chartSvg(page);
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toBe('org_versions.svg');
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>n by month</title>');
    expect(svg).not.toContain('currentColor');
    expect(svg).not.toContain('<style');
    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(pngFile.suggestedFilename()).toBe('org_versions.png');
    const png = await readFile(await pngFile.path());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(600); // width, drawn at twice the size
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
});

describe('examples whose answer is a picture', () => {
  it('open in the Chart view from the playground’s examples', async () => {
    const { page } = await openPlayground('/playground');
    const versions = getResource('github.packages.org_versions');
    const examples = page.getByLabel('Examples');
    const value = await examples
      .locator(`optgroup[label="${versions.name}"] option`, { hasText: 'Versions published per month' })
      .getAttribute('value');
    await examples.selectOption(value ?? '');
    expect(await viewButton(page, 'Chart').getAttribute('aria-pressed')).toBe('true');
    await runQuery(page);
    expect((await markValues(page, 'bar')).length).toBeGreaterThan(3);
    // An example with no picture goes back to the table.
    await examples.selectOption({ label: 'List the versions of a package' });
    expect(await viewButton(page, 'Table').getAttribute('aria-pressed')).toBe('true');
  });

  it('open in the Chart view from the docs’ Open in playground', async () => {
    const resource = getResource('github.packages.org_packages');
    const { page } = await openPlayground(docPath(resource));
    await page
      .getByRole('region', { name: 'Versions per package' })
      .getByRole('button', { name: 'Open in playground' })
      .click();
    expect(await viewButton(page, 'Chart').getAttribute('aria-pressed')).toBe('true');
    await runQuery(page);
    const bars = await markValues(page, 'bar');
    expect(bars.length).toBeGreaterThan(1);
    // Labels are sorted by value, largest first.
    const values = bars.map(([, n]) => n);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
