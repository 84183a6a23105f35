import { orgVersions } from './orgVersions';
import type { MethodDef, ResourceDef } from './types';

/** Every resource this site documents, by fully qualified id. */
export const RESOURCES: readonly ResourceDef[] = [orgVersions];

/** A service of the provider and the resources in it (for `SHOW RESOURCES`, the service page). */
export interface ServiceDef {
  readonly provider: string;
  readonly name: string;
  readonly resources: readonly ResourceDef[];
}

export const SERVICES: readonly ServiceDef[] = [
  { provider: 'github', name: 'packages', resources: RESOURCES.filter((r) => r.service === 'packages') },
];

/** The resource with this id (`github.packages.org_versions`, any case), or undefined. */
export function findResource(id: string): ResourceDef | undefined {
  const wanted = id.toLowerCase();
  return RESOURCES.find((r) => r.id === wanted);
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
