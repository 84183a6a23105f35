/**
 * The version-level endpoints of the fake: list, get, delete and restore the versions of a live package.
 * GitHub's rules: a version with more than 5,000 downloads, or a package's last active version, cannot
 * be deleted (400); `state=deleted` lists the deleted versions; restore answers 404 for a live version.
 */
import { withoutDeletedAt } from '../sample/dataset';
import { iso } from '../sample/versions';
import type { EndpointResult } from './context';
import { error, paginate } from './context';
import { HOSTILE_ID_BASE, hostilePackages, hostileVersions } from './hostile';
import { livePackage, notFound } from './owners';
import type { OwnerRequest } from './packageEndpoints';
import { activeVersions } from './packageRows';

/** `GET …/versions`: active (default) or deleted versions, paginated unless the method is not. */
export function listVersions({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const state = ctx.url.searchParams.get('state') ?? 'active';
  if (state !== 'active' && state !== 'deleted') return error(422, `Invalid state: ${state}`);
  const pkg = livePackage(owner, route.params);
  const { package_type: type = '', package_name: name = '' } = route.params;
  if (!pkg) {
    const hostile = ctx.hostile && hostilePackages(owner, type).some((p) => p.name === name);
    if (!hostile) return notFound(ctx, owner, 'Package not found.');
    return page(state === 'active' ? hostileVersions(owner.login, type, name, owner.kind) : []);
  }
  return page(
    state === 'active'
      ? activeVersions(owner, pkg, ctx.hostile)
      : pkg.versions.filter((v) => v.deleted_at !== undefined),
  );

  function page(rows: readonly unknown[]): EndpointResult {
    return route.method.paginated ? paginate(rows, ctx.url) : { status: 200, body: rows };
  }
}

/** `GET …/versions/{package_version_id}`: an active version. */
export function getVersion({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const pkg = livePackage(owner, route.params);
  if (!pkg) return notFound(ctx, owner, 'Package not found.');
  const id = Number(route.params.package_version_id);
  const version = activeVersions(owner, pkg, ctx.hostile).find((v) => v.id === id);
  return version ? { status: 200, body: version } : notFound(ctx, owner, 'Package version not found.');
}

/** `DELETE …/versions/{package_version_id}`: 204, or 400 for a popular or the last active version. */
export function deleteVersion({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const pkg = livePackage(owner, route.params);
  if (!pkg) return notFound(ctx, owner, 'Package not found.');
  const id = Number(route.params.package_version_id);
  const index = pkg.versions.findIndex((v) => v.id === id);
  const version = pkg.versions[index];
  if (!version || version.deleted_at !== undefined) return notFound(ctx, owner, 'Package version not found.');
  if (pkg.popular.has(id)) {
    return error(
      400,
      'Publicly visible package versions with more than 5000 downloads cannot be deleted. Contact GitHub support for further assistance.',
    );
  }
  const active = pkg.versions.filter((v) => v.deleted_at === undefined && v.id < HOSTILE_ID_BASE);
  if (active.length <= 1) {
    return error(
      400,
      'You cannot delete the last version of a package. You must delete the package instead.',
    );
  }
  pkg.versions[index] = { ...version, deleted_at: iso(ctx.now) };
  return { status: 204 };
}

/** `POST …/versions/{package_version_id}/restore`: 204; 404 unless the version is deleted. */
export function restoreVersion({ owner, ctx, route }: OwnerRequest): EndpointResult {
  const pkg = livePackage(owner, route.params);
  if (!pkg) return notFound(ctx, owner, 'Package not found.');
  const id = Number(route.params.package_version_id);
  const index = pkg.versions.findIndex((v) => v.id === id);
  const version = pkg.versions[index];
  if (version?.deleted_at === undefined) return notFound(ctx, owner, 'Deleted package version not found.');
  pkg.versions[index] = withoutDeletedAt(version);
  return { status: 204 };
}
