import { getResource } from '@site/src/resources/registry';
import type { ResourceDef } from '@site/src/resources/types';

/** The resource definition for an id used in MDX; the registry, never a copy of it. */
export function useResource(id: string): ResourceDef {
  return getResource(id);
}
