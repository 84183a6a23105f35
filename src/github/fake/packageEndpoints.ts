/**
 * The package-level endpoints of the fake: list an owner's packages, get, delete and restore one, and
 * list the Docker migration conflicts. GitHub's rules: `package_type` is required to list; deleted
 * packages are neither listed nor found until restored; deleting a package deletes its versions.
 */
import { deletePackage, restorePackage } from '../sample/dataset';
import { PACKAGE_TYPES } from '../sample/model';
import type { FakeOwner } from '../sample/model';
import { iso } from '../sample/versions';
import type { EndpointContext, EndpointResult } from './context';
import { error, pageParams, paginate } from './context';
import { hostilePackages } from './hostile';
import { livePackage, notFound } from './owners';
import { packageRow } from './packageRows';
import type { Route } from './routes';

/** What a handler gets: the route, the request's context and the owner it is about. */
export interface OwnerRequest {
  readonly route: Route;
  readonly ctx: EndpointContext;
  readonly owner: FakeOwner;
}

const VISIBILITIES = ['public', 'private', 'internal'];

/** `GET …/packages?package_type=…&visibility=…`: the owner's live packages of one type. */
export function listPackages({ owner, ctx }: OwnerRequest): EndpointResult {
  const q = ctx.url.searchParams;
  const type = q.get('package_type');
  if (type === null || !(PACKAGE_TYPES as readonly string[]).includes(type)) {
    return error(
      400,
      `${type === null ? 'The package_type parameter is required' : `Invalid package_type: ${type}`}. It must be one of ${PACKAGE_TYPES.join(', ')}.`,
    );
  }
  const visibility = q.get('visibility');
  if (visibility !== null && !VISIBILITIES.includes(visibility)) {
    return error(400, `Invalid visibility: ${visibility}. It must be one of ${VISIBILITIES.join(', ')}.`);
  }
  const { page, perPage } = pageParams(ctx.url);
  if (page * perPage > 10_000) {
    return error(400, 'The value of `per_page` multiplied by `page` cannot be greater than 10000.');
  }
  // `internal` is only a granular-permission registry's word for `private`; the schema lists `private`.
  const wanted = visibility === 'internal' ? 'private' : visibility;
  const rows = owner.packages
    .filter((p) => !p.deleted && p.type === type && (wanted === null || p.visibility === wanted))
    .map((p) => packageRow(owner, p, ctx.hostile));
  const hostile = ctx.hostile && wanted !== 'private' ? hostilePackages(owner, type) : [];
  return paginate([...hostile, ...rows], ctx.url);
}

/** `GET …/docker/conflicts`: the owner's live Docker packages whose migration conflicted. */
export function listDockerConflicts({ owner, ctx }: OwnerRequest): EndpointResult {
  const rows = owner.packages
    .filter((p) => !p.deleted && p.migrationConflict)
    .map((p) => packageRow(owner, p, ctx.hostile));
  return { status: 200, body: rows };
}

/** `GET …/packages/{package_type}/{package_name}`. */
export function getPackage({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const pkg = livePackage(owner, route.params);
  return pkg
    ? { status: 200, body: packageRow(owner, pkg, ctx.hostile) }
    : notFound(ctx, owner, 'Package not found.');
}

/** `DELETE …/packages/{package_type}/{package_name}`: 204, the package and its versions deleted. */
export function deletePackageEndpoint({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const pkg = livePackage(owner, route.params);
  if (!pkg) return notFound(ctx, owner, 'Package not found.');
  const popular = pkg.versions.some((v) => v.deleted_at === undefined && pkg.popular.has(v.id));
  if (pkg.visibility === 'public' && popular) {
    return error(
      400,
      'Publicly visible packages with a version downloaded more than 5000 times cannot be deleted. Contact GitHub support for further assistance.',
    );
  }
  deletePackage(pkg, iso(ctx.now));
  return { status: 204 };
}

/** `POST …/packages/{package_type}/{package_name}/restore`: 204; 404 unless the package is deleted. */
export function restorePackageEndpoint({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const { package_type: type, package_name: name } = route.params;
  const pkg = owner.packages.find((p) => p.deleted && p.type === type && p.name === name);
  if (!pkg) return notFound(ctx, owner, 'Deleted package not found.');
  if (livePackage(owner, route.params)) {
    return error(409, 'A package with the same name and type already exists. Delete it before restoring.');
  }
  restorePackage(pkg);
  return { status: 204 };
}
