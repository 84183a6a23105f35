import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Registry = typeof import('../../../src/resources/registry');

/** Where the registry keeps what is registered (registry.ts): one per realm. */
const STATE_KEY = Symbol.for('stackql-github-playground.catalogue');
const global = globalThis as Record<symbol, unknown>;
const setUp = global[STATE_KEY];

/** A registry as a page starts with it: nothing registered (the setup file registered everything). */
async function freshRegistry(): Promise<Registry> {
  Reflect.deleteProperty(global, STATE_KEY);
  vi.resetModules();
  return import('../../../src/resources/registry');
}

afterAll(() => {
  global[STATE_KEY] = setUp;
  vi.resetModules();
});

describe('the catalogue loads a service at a time', () => {
  let registry: Registry;
  beforeEach(async () => {
    registry = await freshRegistry();
  });

  it('knows every service and resource name from the overview before any is loaded', () => {
    expect(registry.allServices()).toEqual([]);
    expect(registry.findResource('github.actions.workflow_runs')).toBeUndefined();
    expect(registry.SERVICE_OVERVIEW).toHaveLength(31);
    expect(registry.RESOURCE_IDS).toHaveLength(281);
    expect(registry.RESOURCE_IDS).toContain('github.actions.workflow_runs');
    expect(registry.findServiceOverview('ACTIONS')?.title).toBe('GitHub V3 REST API - Actions');
  });

  it('reads the services a text names, in any case and quoting, and nothing else', () => {
    expect(
      registry.servicesNamedIn(
        'SELECT * FROM GitHub.Actions.workflow_runs r JOIN github . "repos".repos p ON 1 = 1 -- github.nope.x',
      ),
    ).toEqual(['actions', 'repos']);
    expect(registry.servicesNamedIn("SELECT 'github' AS x")).toEqual([]);
  });

  it('loads what the SQL names, once, and tells listeners', async () => {
    const seen: number[] = [];
    const stop = registry.onCatalogueChange(() => seen.push(registry.catalogueVersion()));
    const before = registry.catalogueVersion();
    expect(await registry.loadServicesFor('SELECT * FROM github.actions.workflow_runs')).toBe(true);
    expect(registry.allServices().map((s) => s.name)).toEqual(['actions']);
    expect(registry.findResource('github.actions.workflow_runs')?.service).toBe('actions');
    expect(await registry.loadServicesFor('SELECT * FROM github.actions.artifacts')).toBe(false);
    expect(seen).toEqual([before + 1]);
    stop();
  });

  it('keeps services in catalogue order whatever order they load in', async () => {
    await registry.loadService('users');
    await registry.loadService('actions');
    expect(registry.allServices().map((s) => s.name)).toEqual(['actions', 'users']);
  });

  it("has an alias once its members' service is there", async () => {
    expect(registry.findResource('github.packages.package_versions')).toBeUndefined();
    await registry.loadService('packages');
    expect(registry.findResource('github.packages.package_versions')?.id).toBe(
      'github.packages.package_versions',
    );
    expect(registry.aliasesOf({ id: 'github.packages.org_versions' })).toContain(
      'github.packages.package_versions',
    );
  });

  it('registers a page’s service once, however often the page loads', async () => {
    const data: unknown = (await import('../../../src/resources/catalogue/github/gists.json')).default;
    const first = registry.registerService(data);
    const version = registry.catalogueVersion();
    expect(registry.registerService(data)).toBe(first);
    expect(registry.catalogueVersion()).toBe(version);
  });

  it('says undefined for a service the provider does not have', async () => {
    expect(await registry.loadService('nope')).toBeUndefined();
    expect(await registry.loadService('__proto__')).toBeUndefined();
    expect(registry.allServices()).toEqual([]);
  });
});
