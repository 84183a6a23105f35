import { buildAliases, type ResourceAlias } from './aliases';
import { asServiceDef } from './catalogue/asServiceDef';
import aliasData from './catalogue/github/aliases.json';
import { OVERVIEW_DATA, SERVICE_LOADERS } from './catalogue/github/index';
import provider from './catalogue/github/services.json';
import type { ServiceOverview } from './catalogue/serialize';
import type { MethodDef, ResourceDef, ServiceDef } from './types';

export type { ServiceDef } from './types';
export type { ResourceAlias } from './aliases';
export type { ServiceOverview } from './catalogue/serialize';

/**
 * The catalogue as this page knows it. Every page knows every service's overview (names, summaries,
 * counts: `SERVICE_OVERVIEW`); a service's full definitions (fields, methods, params, examples) are a
 * chunk of their own, registered when a page needs them: a docs page registers its own service when it
 * loads (its MDX imports it), and the playground loads the services its SQL names (`loadServicesFor`)
 * before it completes, checks or plans it. Lookups are synchronous over what is registered, so the
 * planner, the docs tables and the fake API read one catalogue without waiting. In Node (tests,
 * scripts) `registerAllServices` (allServices.ts) registers every service at once.
 */

/** The provider the catalogue documents, `github`. */
export const PROVIDER: string = provider.provider;

/** Every service of the provider, in the catalogue's order, with its resources' names and summaries. */
export const SERVICE_OVERVIEW: readonly ServiceOverview[] = OVERVIEW_DATA as readonly ServiceOverview[];

/** The id of every resource of the provider, loaded or not (`github.actions.workflow_runs`). */
export const RESOURCE_IDS: readonly string[] = SERVICE_OVERVIEW.flatMap((s) =>
  s.resources.map((r) => `${PROVIDER}.${s.name}.${r.name}`),
);

/**
 * What is registered, one per realm: kept on `globalThis`, so a tool that loads this module twice (tsx
 * loads a `.ts` file once as CommonJS and once as ESM when a script imports it both ways) still has one
 * catalogue. Pages load it once; there the global changes nothing.
 */
interface RegistryState {
  readonly registered: Map<string, ServiceDef>;
  readonly listeners: Set<() => void>;
  version: number;
}
const STATE_KEY = Symbol.for('stackql-github-playground.catalogue');
const state: RegistryState = ((globalThis as Record<symbol, RegistryState | undefined>)[STATE_KEY] ??= {
  registered: new Map(),
  listeners: new Set(),
  version: 0,
});
const { registered, listeners } = state;

/** Derived lists, rebuilt once per change of what is registered. */
let derived:
  | {
      readonly version: number;
      readonly services: readonly ServiceDef[];
      readonly resources: readonly ResourceDef[];
      readonly aliases: readonly ResourceAlias[];
      readonly resourcesAndAliases: readonly ResourceDef[];
    }
  | undefined;

function current(): NonNullable<typeof derived> {
  if (derived?.version === state.version) return derived;
  const order = SERVICE_OVERVIEW.map((s) => s.name);
  const services = [...registered.values()].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const resources = services.flatMap((s) => s.resources);
  const ids = new Set(resources.map((r) => r.id));
  // An alias is there once all its members are (they share a service, so once that service is).
  const ready = aliasData.aliases.filter((a) => a.members.every((m) => ids.has(m)));
  const aliases = buildAliases({ aliases: ready }, resources);
  derived = {
    version: state.version,
    services,
    resources,
    aliases,
    resourcesAndAliases: [...resources, ...aliases.map((a) => a.resource)],
  };
  return derived;
}

/**
 * Registers a service from its generated JSON (narrowed once, in `asServiceDef`) and returns it. The
 * same service registered again is the one already there, so a page may register it on every load.
 */
export function registerService(data: unknown): ServiceDef {
  const service = asServiceDef(data);
  const known = registered.get(service.name);
  if (known) return known;
  registered.set(service.name, service);
  state.version++;
  for (const listener of listeners) listener();
  return service;
}

/** A number that changes whenever a service is registered: a dependency for what reads the catalogue. */
export function catalogueVersion(): number {
  return state.version;
}

/** Calls `listener` after each registration; returns the unsubscribe function. */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The registered services, in the catalogue's order. */
export function allServices(): readonly ServiceDef[] {
  return current().services;
}

/** Every registered resource, services in order, resources in their service page's order. */
export function allResources(): readonly ResourceDef[] {
  return current().resources;
}

/**
 * Today's StackQL names for registered resources (`catalogue/github/aliases.json`): an alias is there
 * once its service is.
 */
export function allAliases(): readonly ResourceAlias[] {
  return current().aliases;
}

/** Every name a statement may use: the resources, then each alias as the one resource it reads as. */
export function allResourcesAndAliases(): readonly ResourceDef[] {
  return current().resourcesAndAliases;
}

/** Loads and registers a service by name (any case); undefined for a name the provider does not have. */
export async function loadService(name: string): Promise<ServiceDef | undefined> {
  const wanted = name.toLowerCase();
  const known = registered.get(wanted);
  if (known) return known;
  const load = Object.hasOwn(SERVICE_LOADERS, wanted) ? SERVICE_LOADERS[wanted] : undefined;
  return load ? registerService(await load()) : undefined;
}

/**
 * The services of this provider a text names (`github.actions.workflow_runs` → `actions`), in order of
 * first mention, any case, quoted or not. What is not a service of the provider is left out.
 */
export function servicesNamedIn(text: string): string[] {
  const names = new Set<string>();
  const pattern = new RegExp(`\\b${provider.provider}\\s*\\.\\s*[\`"[]?(\\w+)`, 'gi');
  for (const m of text.matchAll(pattern)) {
    const name = (m[1] ?? '').toLowerCase();
    if (Object.hasOwn(SERVICE_LOADERS, name)) names.add(name);
  }
  return [...names];
}

/**
 * Loads every service the text names that is not registered yet. Resolves to whether anything new was
 * registered; a service that fails to load (a chunk the network lost) rejects.
 */
export async function loadServicesFor(text: string): Promise<boolean> {
  const missing = servicesNamedIn(text).filter((name) => !registered.has(name));
  await Promise.all(missing.map(loadService));
  return missing.length > 0;
}

/**
 * The resource with this id (`github.packages.org_versions`, any case), or undefined, among registered
 * services. An alias's id (`github.packages.package_versions`) gives the alias as one resource: see
 * `memberFor`.
 */
export function findResource(id: string): ResourceDef | undefined {
  const wanted = id.toLowerCase();
  const service = wanted.split('.')[1] ?? '';
  return (
    registered.get(service)?.resources.find((r) => r.id === wanted) ??
    allAliases().find((a) => a.id === wanted)?.resource
  );
}

/**
 * The resource that has this method of `resource`: the resource itself, or, when it is an alias, the
 * member the method belongs to (the one its calls are made on).
 */
export function memberFor(resource: ResourceDef, method: string): ResourceDef {
  const alias = allAliases().find((a) => a.resource === resource);
  return alias?.members.find((m) => findMethod(m, method)) ?? resource;
}

/** The aliases a resource is also known by (`github.packages.package_versions` for org_versions). */
export function aliasesOf(resource: Pick<ResourceDef, 'id'>): string[] {
  return allAliases()
    .filter((a) => a.members.some((m) => m.id === resource.id))
    .map((a) => a.id);
}

/** Like `findResource`, for ids the code itself names: a typo (or a service not loaded) is a bug, so it throws. */
export function getResource(id: string): ResourceDef {
  const found = findResource(id);
  if (!found) throw new Error(`Unknown resource ${id}`);
  return found;
}

/** The method of a resource with this name, or undefined. */
export function findMethod(resource: ResourceDef, name: string): MethodDef | undefined {
  const wanted = name.toLowerCase();
  return resource.methods.find((m) => m.name === wanted);
}

/** The registered service with this name (`packages`, any case), or undefined. */
export function findService(name: string): ServiceDef | undefined {
  return registered.get(name.toLowerCase());
}

/** The overview of a service of the provider, registered or not (`packages`, any case). */
export function findServiceOverview(name: string): ServiceOverview | undefined {
  const wanted = name.toLowerCase();
  return SERVICE_OVERVIEW.find((s) => s.name === wanted);
}

/** The docs page of a service, `/services/packages`. */
export function servicePath(service: Pick<ServiceDef, 'name'>): string {
  return `/services/${service.name}`;
}

/** The docs page of a resource, `/services/packages/org_versions`. */
export function docPath(resource: Pick<ResourceDef, 'service' | 'name'>): string {
  return `/services/${resource.service}/${resource.name}`;
}

/** The id of the resource a playground about no one resource opens on (`services.json`). */
export const PLAYGROUND_RESOURCE_ID: string = provider.playground;

/**
 * The resource a playground that is about no one resource opens on (the full-window page): catalogue
 * data (`services.json`), falling back to the first registered resource. Its service must be loaded
 * first (`loadServicesFor(PLAYGROUND_RESOURCE_ID)`).
 */
export function playgroundResource(): ResourceDef | undefined {
  return findResource(PLAYGROUND_RESOURCE_ID) ?? allResources()[0];
}
