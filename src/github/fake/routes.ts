/**
 * Request routing of the fake API, compiled from the catalogue's HTTP paths (every method of every
 * resource the fake has a handler for), so the fake can never drift from what the client requests.
 */
import { RESOURCES } from '../../resources/registry';
import type { MethodDef, ResourceDef } from '../../resources/types';

/** A request matched to a method of the catalogue, with its path params decoded. */
export interface Route {
  readonly resource: ResourceDef;
  readonly method: MethodDef;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly resource: ResourceDef;
  readonly method: MethodDef;
  readonly names: readonly string[];
  readonly pattern: RegExp;
}

/** Routes for the methods `handles(operationId)` accepts, one per operation id (the first resource's). */
export function compileRoutes(handles: (operationId: string) => boolean): readonly CompiledRoute[] {
  const seen = new Set<string>();
  const routes: CompiledRoute[] = [];
  for (const resource of RESOURCES) {
    for (const method of resource.methods) {
      const { operationId, path } = method.http;
      if (seen.has(operationId) || !handles(operationId)) continue;
      seen.add(operationId);
      const names: string[] = [];
      const source = path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      // Anchored at the end only: a GitHub Enterprise Server base path (`/api/v3`) may come first.
      routes.push({ resource, method, names, pattern: new RegExp(`(?:^|/)${source.slice(1)}$`) });
    }
  }
  return routes;
}

/** The route of a request, from its HTTP method and raw (still encoded) path; undefined for 404. */
export function matchCompiled(
  routes: readonly CompiledRoute[],
  httpMethod: string,
  rawPath: string,
): Route | undefined {
  for (const { resource, method, names, pattern } of routes) {
    if (method.http.method !== httpMethod) continue;
    const match = pattern.exec(rawPath);
    if (!match) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
    } catch {
      return undefined; // a malformed %-escape: GitHub answers 404 too
    }
    // An id that is not a number is another path to GitHub: 404, not a 422.
    const badInteger = names.some(
      (n) => resource.params[n]?.type === 'integer' && !/^\d+$/.test(params[n] ?? ''),
    );
    return badInteger ? undefined : { resource, method, params };
  }
  return undefined;
}
