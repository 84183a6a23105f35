/**
 * The four `org_versions` endpoints of the fake API. Routes are compiled from the resource definition's
 * HTTP paths, so the fake can never drift from what the client requests.
 */
import { orgVersions } from '../../resources/orgVersions';
import type { MethodDef } from '../../resources/types';
import type { FakeDataset, FakePackage } from '../sample/dataset';
import type { PackageVersion } from '../types';
import { HOSTILE_ID_BASE, hostileVersions } from './hostile';

/** What an endpoint answers, before the fake adds headers, ETags and faults. */
export interface EndpointResult {
  readonly status: number;
  /** JSON body; undefined for 204. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request matched to a method of the definition, with its path params decoded. */
export interface Route {
  readonly method: MethodDef;
  readonly params: Readonly<Record<string, string>>;
}

const ROUTES = orgVersions.methods.map((method) => {
  const names: string[] = [];
  const source = method.http.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { method, names, pattern: new RegExp(`${source}$`) };
});

/** The method a request is for, from its HTTP method and raw (still encoded) path; undefined for 404. */
export function matchRoute(httpMethod: string, rawPath: string): Route | undefined {
  for (const { method, names, pattern } of ROUTES) {
    if (method.http.method !== httpMethod) continue;
    const match = pattern.exec(rawPath);
    if (!match) continue;
    try {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
      if (params.package_version_id !== undefined && !/^\d+$/.test(params.package_version_id))
        return undefined;
      return { method, params };
    } catch {
      return undefined; // a malformed %-escape: GitHub answers 404 too
    }
  }
  return undefined;
}

/** Context an endpoint needs besides the route. */
export interface EndpointContext {
  readonly dataset: FakeDataset;
  readonly url: URL;
  readonly hostile: boolean;
  readonly sampleMode: boolean;
  readonly now: number;
}

/** Answers a matched request from the dataset, changing it for delete and restore. */
export function answer(route: Route, ctx: EndpointContext): EndpointResult {
  const { params } = route;
  const pkg = findPackage(ctx.dataset, params);
  if (!pkg) return notFound(ctx, 'Package not found.');
  const id = Number(params.package_version_id);
  const active = activeVersions(pkg, ctx);
  if (route.method.response === 'list') return list(pkg, active, ctx);
  if (route.method.http.method === 'GET') {
    const version = active.find((v) => v.id === id);
    return version ? { status: 200, body: version } : notFound(ctx, 'Package version not found.');
  }
  const index = pkg.versions.findIndex((v) => v.id === id);
  const version = pkg.versions[index];
  if (route.method.http.method === 'DELETE') {
    if (!version || version.deleted_at !== undefined) return notFound(ctx, 'Package version not found.');
    if (pkg.popular.has(id)) {
      return error(
        400,
        'Publicly visible package versions with more than 5000 downloads cannot be deleted. Contact GitHub support for further assistance.',
      );
    }
    if (active.filter((v) => v.id < HOSTILE_ID_BASE).length <= 1) {
      return error(
        400,
        'You cannot delete the last version of a package. You must delete the package instead.',
      );
    }
    pkg.versions[index] = {
      ...version,
      deleted_at: new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    return { status: 204 };
  }
  if (version?.deleted_at === undefined) return notFound(ctx, 'Deleted package version not found.');
  const restored = Object.entries(version).filter(([key]) => key !== 'deleted_at');
  pkg.versions[index] = Object.fromEntries(restored) as unknown as PackageVersion;
  return { status: 204 };
}

function list(pkg: FakePackage, active: readonly PackageVersion[], ctx: EndpointContext): EndpointResult {
  const q = ctx.url.searchParams;
  const state = q.get('state') ?? 'active';
  if (state !== 'active' && state !== 'deleted') return error(422, `Invalid state: ${state}`);
  const rows = state === 'active' ? active : pkg.versions.filter((v) => v.deleted_at !== undefined);
  const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Math.trunc(Number(q.get('page') ?? 1)) || 1);
  const last = Math.max(1, Math.ceil(rows.length / perPage));
  const body = rows.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    body,
    headers: rows.length > perPage ? { link: linkHeader(ctx.url, page, last) } : {},
  };
}

/** GitHub's `Link` header: absolute URLs on the server's own origin, rels as GitHub orders them. */
export function linkHeader(url: URL, page: number, last: number): string {
  const at = (n: number): string => {
    const u = new URL(url.href);
    u.searchParams.set('page', String(n));
    return u.href;
  };
  const rels: [number, string][] = [];
  if (page > 1) rels.push([page - 1, 'prev']);
  if (page < last) rels.push([page + 1, 'next'], [last, 'last']);
  if (page > 1) rels.push([1, 'first']);
  return rels.map(([n, rel]) => `<${at(n)}>; rel="${rel}"`).join(', ');
}

function activeVersions(pkg: FakePackage, ctx: EndpointContext): PackageVersion[] {
  const active = pkg.versions.filter((v) => v.deleted_at === undefined);
  return ctx.hostile ? [...hostileVersions(ctx.dataset.org, pkg.type, pkg.name), ...active] : active;
}

function findPackage(
  dataset: FakeDataset,
  params: Readonly<Record<string, string>>,
): FakePackage | undefined {
  if (params.org?.toLowerCase() !== dataset.org.toLowerCase()) return undefined;
  return dataset.packages.find((p) => p.type === params.package_type && p.name === params.package_name);
}

function notFound(ctx: EndpointContext, message: string): EndpointResult {
  if (!ctx.sampleMode) return error(404, message);
  const names = ctx.dataset.packages.map((p) => `${p.type} ${p.name}`).join(', ');
  return error(404, `${message} The sample organization "${ctx.dataset.org}" has: ${names}.`);
}

function error(status: number, message: string): EndpointResult {
  return {
    status,
    body: {
      message,
      documentation_url: 'https://docs.github.com/rest/packages/packages',
      status: String(status),
    },
  };
}
