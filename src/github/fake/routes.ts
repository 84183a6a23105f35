/**
 * Request routing of the fake API, compiled from the catalogue's HTTP paths (every method of every
 * registered resource), so the fake can never drift from what the client requests.
 */
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
  /** How many `/`s the path has: a longer request may have a base path first, a shorter never matches. */
  readonly depth: number;
  /** The path's last segment when it is literal (`labels`): a cheap test before the pattern's. */
  readonly last?: string;
}

/**
 * Routes for every method of `resources`, one per operation. Longer paths first, and among paths of one
 * length a literal segment before a param, so `/orgs/{org}/teams/members` is never read as the team
 * `members`: a route is anchored at the end only (a GitHub Enterprise Server base path, `/api/v3`, may
 * come first), so it must not take the tail of a longer path.
 */
export function compileRoutes(resources: readonly ResourceDef[]): readonly CompiledRoute[] {
  const byOperation = new Map<string, { resource: ResourceDef; readonly method: MethodDef }>();
  for (const resource of resources) {
    for (const method of resource.methods) {
      const known = byOperation.get(method.http.operationId);
      if (known) known.resource = merged(known.resource, resource);
      else byOperation.set(method.http.operationId, { resource, method });
    }
  }
  const routes = [...byOperation.values()].map(({ resource, method }) => {
    const { path } = method.http;
    const names: string[] = [];
    const source = path
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
    const segments = path.split('/');
    const rank = `${String(1000 - segments.length)}:${segments.map((x) => (x.startsWith('{') ? 1 : 0)).join('')}`;
    const last = segments.at(-1) ?? '';
    const pattern = new RegExp(`(?:^|/)${source.slice(1)}$`);
    const depth = segments.length - 1;
    return { resource, method, names, pattern, rank, depth, last: last.startsWith('{') ? undefined : last };
  });
  return routes.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

/**
 * One operation in two resources (`list_stargazers_for_repo`: users, or `{ starred_at, user }` with
 * GitHub's `star+json` media type, which the catalogue does not record): its rows carry both
 * resources' columns, so each resource's SELECT finds its own.
 */
function merged(first: ResourceDef, other: ResourceDef): ResourceDef {
  const names = new Set(first.fields.map((f) => f.name));
  const sampleRow =
    (first.sampleRow ?? other.sampleRow) ? { ...other.sampleRow, ...first.sampleRow } : undefined;
  return {
    ...first,
    fields: [...first.fields, ...other.fields.filter((f) => !names.has(f.name))],
    sampleRow,
  };
}

/** The route of a request, from its HTTP method and raw (still encoded) path; undefined for 404. */
export function matchCompiled(
  routes: readonly CompiledRoute[],
  httpMethod: string,
  rawPath: string,
): Route | undefined {
  const lastSegment = rawPath.slice(rawPath.lastIndexOf('/') + 1);
  const depth = rawPath.split('/').length - 1;
  for (const { resource, method, names, pattern, depth: routeDepth, last } of routes) {
    if (method.http.method !== httpMethod || routeDepth > depth) continue;
    if (last !== undefined && last !== lastSegment) continue;
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
