/** Packages as GitHub serves them: `package` rows built from the dataset at the moment of the request. */
import { minimalRepository, simpleUser } from '../sample/accounts';
import { packageUrls } from '../sample/versions';
import type { FakeOwner, FakePackage } from '../sample/model';
import type { Package, PackageVersion } from '../types';
import { hostileVersions } from './hostile';

/** The versions a package lists as active: the live ones, after the hostile rows when those are on. */
export function activeVersions(owner: FakeOwner, pkg: FakePackage, hostile: boolean): PackageVersion[] {
  const active = pkg.versions.filter((v) => v.deleted_at === undefined);
  return hostile ? [...hostileVersions(owner.login, pkg.type, pkg.name, owner.kind), ...active] : active;
}

/** The `package` row of a package; `version_count` is the number of versions its list would serve. */
export function packageRow(owner: FakeOwner, pkg: FakePackage, hostile: boolean): Package {
  const user = simpleUser(owner);
  const urls = packageUrls(owner.login, pkg.type, pkg.name, owner.kind);
  return {
    id: pkg.id,
    name: pkg.name,
    package_type: pkg.type,
    owner: user,
    version_count: activeVersions(owner, pkg, hostile).length,
    visibility: pkg.visibility,
    url: urls.api,
    created_at: pkg.created_at,
    updated_at: pkg.updated_at,
    html_url: urls.html,
    repository: pkg.repository === null ? null : minimalRepository(user, pkg.repository, pkg.visibility),
  };
}
