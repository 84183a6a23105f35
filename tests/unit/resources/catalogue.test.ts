import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { buildService } from '../../../src/resources/catalogue/buildService';
import { readServiceList, readServiceSources, REPO_DIRS } from '../../../src/resources/catalogue/loadSources';
import { catalogueIndex } from '../../../src/resources/catalogue/serialize';
import { findService, SERVICES } from '../../../src/resources/registry';

const { provider, services } = readServiceList();

describe('the committed catalogue is what its sources build', () => {
  it.each(services)('%s: a fresh build from the pages and the extract equals the committed JSON', (name) => {
    const built = buildService(readServiceSources(provider, name));
    expect(built.problems).toEqual([]);
    const committed: unknown = JSON.parse(readFileSync(join(REPO_DIRS.catalogue, `${name}.json`), 'utf8'));
    // Through JSON, as the file holds it: no undefined members.
    expect(committed).toEqual(JSON.parse(JSON.stringify(built.service)));
  });

  it('index.ts imports every listed service, and the registry holds exactly those', async () => {
    const path = join(REPO_DIRS.catalogue, 'index.ts');
    const expected = await format(catalogueIndex(services), {
      ...(await resolveConfig(path)),
      filepath: path,
    });
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(SERVICES.map((s) => s.name)).toEqual(services);
  });
});

describe('the packages service', () => {
  const packages = findService('packages');

  it('has the service page facts and its summary counts, equal to what it holds', () => {
    expect(packages).toMatchObject({
      provider: 'github',
      name: 'packages',
      id: 'packages:v24.04.00227',
      title: 'GitHub V3 REST API - Packages',
      description: 'Manage Packages For Authenticated Users And Organizations.',
      summary: { resources: 7, selectableResources: 7, methods: 27 },
    });
    const resources = packages?.resources ?? [];
    expect(resources.map((r) => r.name)).toEqual([
      'auth_user_packages',
      'auth_user_versions',
      'docker_migration_packages',
      'org_packages',
      'org_versions',
      'user_packages',
      'user_versions',
    ]);
    expect(resources.filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT'))).toHaveLength(7);
    expect(resources.reduce((n, r) => n + r.methods.length, 0)).toBe(27);
  });
});
