import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { buildService, type BuiltService } from '../../../src/resources/catalogue/buildService';
import { readServiceList, readServiceSources, REPO_DIRS } from '../../../src/resources/catalogue/loadSources';
import { parseServicePage } from '../../../src/resources/catalogue/parsePage';
import { problemReport } from '../../../src/resources/catalogue/report';
import { catalogueAll, catalogueIndex, overviewJson } from '../../../src/resources/catalogue/serialize';

const { provider, services, problemCeiling } = readServiceList();
const sources = new Map(services.map((name) => [name, readServiceSources(provider, name)]));
const built = new Map<string, BuiltService>(
  [...sources].map(([name, s]) => [name, buildService(s)] as const),
);
/** The catalogue's services: a fresh build, equal to the committed JSON (checked first). */
const SERVICES = services.flatMap((name) => built.get(name)?.service ?? []);
const findService = (name: string) => SERVICES.find((s) => s.name === name);

/** A generated file as the generator writes it: through Prettier. */
async function formatted(path: string, text: string): Promise<string> {
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

describe('the committed catalogue is what its sources build', () => {
  it.each(services)('%s: a fresh build from the pages and the extract equals the committed JSON', (name) => {
    const committed: unknown = JSON.parse(readFileSync(join(REPO_DIRS.catalogue, `${name}.json`), 'utf8'));
    // Through JSON, as the file holds it: no undefined members.
    expect(committed).toEqual(JSON.parse(JSON.stringify(built.get(name)?.service)));
  });

  it.each([
    ['index.ts', () => catalogueIndex(services)],
    ['all.ts', () => catalogueAll(services)],
    ['overview.json', () => overviewJson(SERVICES)],
  ])('%s is what the generator writes for the listed services', async (file, write) => {
    const path = join(REPO_DIRS.catalogue, file);
    expect(readFileSync(path, 'utf8')).toBe(await formatted(path, write()));
  });
});

describe('the problems the build reports (REPORT.md)', () => {
  const found = services.map((service) => ({ service, problems: built.get(service)?.problems ?? [] }));
  const count = found.reduce((n, s) => n + s.problems.length, 0);

  it('are at most the committed ceiling: the count only goes down', () => {
    expect(count).toBeLessThanOrEqual(problemCeiling);
  });

  it('are the committed report, so a change in them is seen in review', async () => {
    const path = join(REPO_DIRS.catalogue, 'REPORT.md');
    const version = sources.get(services[0] ?? '')?.extract.source.version ?? '';
    expect(readFileSync(path, 'utf8')).toBe(await formatted(path, problemReport(found, version)));
  });

  it('leave no method out: every method of every page is in the catalogue', () => {
    expect(found.flatMap((s) => s.problems).filter((p) => p.code === 'unmatched-method')).toEqual([]);
  });
});

describe.each(services)('the %s service', (name) => {
  const service = findService(name);
  const page = parseServicePage(sources.get(name)?.servicePage ?? '');

  it('has the service page facts, and its summary counts equal what it holds', () => {
    expect(service).toMatchObject({
      provider,
      name,
      id: page.id,
      title: page.title,
      description: page.description,
      summary: page.summary,
    });
    const resources = service?.resources ?? [];
    expect(resources.map((r) => r.name)).toEqual(page.resources);
    expect({
      resources: resources.length,
      selectableResources: resources.filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT')).length,
      methods: resources.reduce((n, r) => n + r.methods.length, 0),
    }).toEqual(page.summary);
  });
});

describe('the provider', () => {
  it('has the counts of its home page: 31 services, 281 resources (276 selectable), 885 methods', () => {
    const home = readFileSync(join(REPO_DIRS.pages, 'index.md'), 'utf8');
    const count = (label: string): number =>
      Number(new RegExp(`${label}:&nbsp;<b>(\\d+)</b>`).exec(home)?.[1] ?? NaN);
    const resources = SERVICES.flatMap((s) => s.resources);
    expect({
      services: SERVICES.length,
      resources: resources.length,
      selectable: resources.filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT')).length,
      methods: resources.reduce((n, r) => n + r.methods.length, 0),
    }).toEqual({
      services: count('total services'),
      resources: count('total resources'),
      selectable: count('total selectable resources'),
      methods: count('total methods'),
    });
  });

  it('keeps the packages service as it was', () => {
    expect(findService('packages')).toMatchObject({
      id: 'packages:v24.04.00227',
      title: 'GitHub V3 REST API - Packages',
      description: 'Manage Packages For Authenticated Users And Organizations.',
      summary: { resources: 7, selectableResources: 7, methods: 27 },
    });
  });
});
