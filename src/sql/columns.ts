import type { ResourceDef } from '../resources/types';

/**
 * The columns a row of a resource has in the engine: its fields in definition order, then the params
 * of the call that fetched it (so `WHERE org = 'acme'` and `SELECT org` work on the rows). Lower case.
 */
export function knownColumns(resource: ResourceDef): ReadonlySet<string> {
  return new Set([...resource.fields.map((f) => f.name), ...Object.keys(resource.params)]);
}
