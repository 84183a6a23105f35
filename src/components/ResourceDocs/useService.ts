import { findService } from '@site/src/resources/registry';
import type { ServiceDef } from '@site/src/resources/types';

/** The service definition for a name used in MDX (`packages`); the registry, never a copy of it. */
export function useService(name: string): ServiceDef {
  const found = findService(name);
  if (!found)
    throw new Error(
      `Unknown service ${name}: the page names a service the catalogue does not have; run npm run docs:generate to regenerate the docs from the catalogue.`,
    );
  return found;
}
