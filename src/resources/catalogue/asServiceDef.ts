import { SQL_VERBS, type MethodDef, type ResourceDef, type ServiceDef } from '../types';

const VERBS: readonly string[] = SQL_VERBS;

/**
 * The one place generated JSON becomes a `ServiceDef`. TypeScript types a JSON import by its literal
 * content (every string as `string`, not `'SELECT'`), so the registry narrows through here: a shallow
 * check of each level the code walks, not a full schema validation. The deep shape is guaranteed by
 * the generator and pinned by tests/unit/resources (the committed JSON equals a fresh build).
 */
export function asServiceDef(value: unknown): ServiceDef {
  const s = value as Partial<ServiceDef> | null;
  const bad = (why: string): never => {
    throw new TypeError(`Catalogue JSON is out of shape (${why}); run npm run catalogue.`);
  };
  if (!s || typeof s !== 'object' || typeof s.name !== 'string') return bad('a service needs a name');
  // Array.isArray narrows a readonly array to any[]; keep the element type.
  const resources: unknown = s.resources;
  if (!Array.isArray(resources)) return bad(`${s.name}: a service needs resources`);
  for (const r of resources as readonly Partial<ResourceDef>[]) {
    if (typeof r.id !== 'string' || !Array.isArray(r.fields) || !Array.isArray(r.methods))
      return bad(`${s.name}: a resource needs id, fields and methods`);
    if (typeof r.params !== 'object' || !Array.isArray(r.examples))
      return bad(`${r.id}: a resource needs params and examples`);
    for (const m of r.methods as readonly Partial<MethodDef>[])
      if (!VERBS.includes(m.sqlVerb ?? '') || typeof m.http?.path !== 'string')
        return bad(`${r.id}.${m.name ?? '?'}: a method needs an SQL verb and an HTTP path`);
  }
  return s as ServiceDef;
}
