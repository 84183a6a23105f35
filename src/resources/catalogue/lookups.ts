import type { MethodDef, MethodLookup, ResourceDef } from '../types';

/**
 * For each DELETE and EXEC of a service, the SELECT that reads what it touches: the GET on the same
 * path, without a trailing `/restore` (`DELETE …/versions/{id}` → `GET …/versions/{id}`). The
 * confirmation dialog runs it to show the rows before anything is sent.
 */
export function withLookups<R extends Pick<ResourceDef, 'id' | 'methods'>>(resources: readonly R[]): R[] {
  const gets = new Map<string, MethodLookup>();
  for (const r of resources)
    for (const m of r.methods)
      if (m.sqlVerb === 'SELECT' && m.http.method === 'GET' && !gets.has(m.http.path))
        gets.set(m.http.path, { resource: r.id, method: m.name });
  const lookupOf = (m: MethodDef): MethodDef => {
    if (m.sqlVerb === 'SELECT') return m;
    const lookup = gets.get(m.http.path.replace(/\/restore$/, ''));
    return lookup ? { ...m, lookup } : m;
  };
  return resources.map((r) => ({ ...r, methods: r.methods.map(lookupOf) }));
}
