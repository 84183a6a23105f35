import { describe, expect, it } from 'vitest';
import { allServices, docPath, findMethod } from '../../src/resources/registry';
import type { ResourceDef } from '../../src/resources/types';
import { useBrowser } from './support/browser';
import { alertText, editorText, resultStatus, runQuery, waitForPlayground } from './support/playground';

/**
 * The whole provider on the production build: a resource page of every service, and every page whose
 * first example reads a list GitHub wraps in an object (`{ total_count, workflow_runs: […] }`), opens
 * with its first example in the playground beside it, and that example runs on the sample data, with
 * no token: rows on screen, no error. Each page loads its own service only; the rest stay unloaded.
 */

const browser = useBrowser();

/** The method a resource's first example reaches, when that example is a SELECT. */
function firstSelect(resource: ResourceDef) {
  const example = resource.examples[0];
  const method = example && findMethod(resource, example.method);
  return method?.sqlVerb === 'SELECT' ? method : undefined;
}

const perService = allServices().flatMap((s) => {
  const first = s.resources.find((r) => firstSelect(r));
  return first ? [first] : [];
});
const wrapped = allServices()
  .flatMap((s) => s.resources)
  .filter((r) => firstSelect(r)?.rowsKey !== undefined && !perService.includes(r));
const PAGES: readonly ResourceDef[] = [...perService, ...wrapped];

describe('every service has a page whose first example runs on sample data', () => {
  it('picks a page of each service with a selectable resource, and the wrapped lists', () => {
    // A service with no SELECT at all cannot be read; every other one is here.
    const readable = allServices().filter((s) => s.resources.some((r) => firstSelect(r)));
    expect(perService.map((r) => r.service)).toEqual(readable.map((s) => s.name));
    expect(readable.length).toBeGreaterThanOrEqual(29);
  });

  it.each(PAGES.map((r) => [r.id, r] as const))('%s', async (_, resource) => {
    const { page } = await browser.open(docPath(resource), { clipboard: true });
    await waitForPlayground(page);
    const example = resource.examples[0]?.sql ?? '';
    expect(await editorText(page)).toBe(example);
    await runQuery(page);
    expect(await alertText(page)).toBe('');
    await expect.poll(() => resultStatus(page).innerText()).toMatch(/^[1-9][\d,]* rows? from/);
    // The page ran its own service's definitions and no other service's (a service's JSON is a chunk
    // of its own: `catalogue-json-<service>`, or `catalogue-<service>` when the playground loads it).
    // Scripts only: Docusaurus prefetches the chunks of the pages the sidebar links to, unrun.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script')
        .map((e) => new URL(e.name).pathname),
    );
    const chunk = /\/catalogue-(?:json-)?([a-z-]+)\.\w+\.js$/;
    const services = scripts.flatMap((path) => chunk.exec(path)?.[1] ?? []);
    expect(services).toContain(resource.service.replaceAll('_', '-'));
    for (const service of services) expect(service).toBe(resource.service.replaceAll('_', '-'));
  });
});
