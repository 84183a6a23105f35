import { buildAliases, type ResourceAlias } from './aliases';
import { asServiceDef } from './catalogue/asServiceDef';
import aliasData from './catalogue/github/aliases.json';
import { SERVICE_DATA } from './catalogue/github/index';
import provider from './catalogue/github/services.json';
import type { MethodDef, ResourceDef, ServiceDef } from './types';

export type { ServiceDef } from './types';
export type { ResourceAlias } from './aliases';

/**
 * Every service this site documents, from the generated catalogue (`catalogue/github/*.json`, built by
 * `npm run catalogue`). Narrowed from JSON in one place, `asServiceDef`.
 */
export const SERVICES: readonly ServiceDef[] = SERVICE_DATA.map(asServiceDef);

/** Every resource, services in order, resources in their service page's order. */
export const RESOURCES: readonly ResourceDef[] = SERVICES.flatMap((s) => s.resources);

/** Today's StackQL names for resources of the catalogue (`catalogue/github/aliases.json`). */
export const ALIASES: readonly ResourceAlias[] = buildAliases(aliasData, RESOURCES);

/** Every name a statement may use: the resources, then each alias as the one resource it reads as. */
export const RESOURCES_AND_ALIASES: readonly ResourceDef[] = [
  ...RESOURCES,
  ...ALIASES.map((a) => a.resource),
];

/**
 * The resource with this id (`github.packages.org_versions`, any case), or undefined. An alias's id
 * (`github.packages.package_versions`) gives the alias as one resource: see `memberFor`.
 */
export function findResource(id: string): ResourceDef | undefined {
  const wanted = id.toLowerCase();
  return RESOURCES.find((r) => r.id === wanted) ?? ALIASES.find((a) => a.id === wanted)?.resource;
}

/**
 * The resource that has this method of `resource`: the resource itself, or, when it is an alias, the
 * member the method belongs to (the one its calls are made on).
 */
export function memberFor(resource: ResourceDef, method: string): ResourceDef {
  const alias = ALIASES.find((a) => a.resource === resource);
  return alias?.members.find((m) => findMethod(m, method)) ?? resource;
}

/** The aliases a resource is also known by (`github.packages.package_versions` for org_versions). */
export function aliasesOf(resource: Pick<ResourceDef, 'id'>): string[] {
  return ALIASES.filter((a) => a.members.some((m) => m.id === resource.id)).map((a) => a.id);
}

/** Like `findResource`, for ids the code itself names: a typo is a bug, so it throws. */
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

/** The service with this name (`packages`, any case), or undefined. */
export function findService(name: string): ServiceDef | undefined {
  const wanted = name.toLowerCase();
  return SERVICES.find((s) => s.name === wanted);
}

/** The docs page of a service, `/services/packages`. */
export function servicePath(service: Pick<ServiceDef, 'name'>): string {
  return `/services/${service.name}`;
}

/** The docs page of a resource, `/services/packages/org_versions`. */
export function docPath(resource: Pick<ResourceDef, 'service' | 'name'>): string {
  return `/services/${resource.service}/${resource.name}`;
}

/**
 * The resource a playground that is about no one resource opens on (the full-window page): catalogue
 * data (`services.json`), falling back to the first resource.
 */
export function playgroundResource(): ResourceDef | undefined {
  return findResource(provider.playground) ?? RESOURCES[0];
}
