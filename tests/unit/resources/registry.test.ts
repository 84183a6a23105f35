import { describe, expect, it } from 'vitest';
import { buildPath, callKey, queryParams } from '../../../src/resources/calls';
import {
  docPath,
  findMethod,
  findResource,
  findService,
  getResource,
  playgroundResource,
  servicePath,
  allServices,
} from '../../../src/resources/registry';

const versions = getResource('github.packages.org_versions');

describe('registry', () => {
  it('finds resources, methods and services in any case', () => {
    expect(findResource('GITHUB.Packages.ORG_VERSIONS')).toBe(versions);
    expect(findResource('github.packages.nope')).toBeUndefined();
    expect(() => getResource('github.nope.x')).toThrow(/Unknown resource/);
    expect(findMethod(versions, 'Delete_Package_Version_For_Org')?.sqlVerb).toBe('DELETE');
    expect(findService('PACKAGES')).toBe(allServices().find((s) => s.name === 'packages'));
    expect(findService('nope')).toBeUndefined();
  });

  it('names the resource the full-window playground opens on, from the catalogue data', () => {
    expect(playgroundResource()).toBe(versions);
  });

  it('builds the docs paths from the names', () => {
    expect(docPath(versions)).toBe('/services/packages/org_versions');
    expect(servicePath(findService('packages') ?? { name: '' })).toBe('/services/packages');
  });

  it('knows the package types from the params', () => {
    expect(versions.params.package_type?.enum).toEqual([
      'npm',
      'maven',
      'rubygems',
      'docker',
      'nuget',
      'container',
    ]);
    expect(versions.params.per_page).toMatchObject({ minimum: 1, maximum: 100, default: 30 });
    expect(versions.params.package_version_id).toMatchObject({ type: 'integer', minimum: 1 });
  });
});

describe('calls', () => {
  it('URL-encodes path params, so a container name with / stays one segment', () => {
    const get = findMethod(versions, 'get_package_version_for_organization');
    if (!get) throw new Error('no get method');
    expect(
      buildPath(get, {
        org: 'acme',
        package_type: 'container',
        package_name: 'web/frontend',
        package_version_id: 7,
      }),
    ).toBe('/orgs/acme/packages/container/web%2Ffrontend/versions/7');
    expect(() => buildPath(get, { org: 'acme' })).toThrow(/Missing path param/);
  });

  it('keeps only declared query params and keys calls independent of param order', () => {
    const list = versions.methods[0];
    if (!list) throw new Error('no list method');
    expect(queryParams(versions, list, { org: 'a', state: 'deleted', bogus: 1 })).toEqual({
      state: 'deleted',
    });
    const a = { resource: versions.id, method: list.name, params: { org: 'a', package_name: 'b' } };
    const b = { resource: versions.id, method: list.name, params: { package_name: 'b', org: 'a' } };
    expect(callKey('https://api.github.com/', a)).toBe(callKey('https://api.github.com', b));
    expect(callKey('https://api.github.com', a)).not.toBe(callKey('https://ghe.example/api/v3', a));
  });
});

describe('query params per method', () => {
  it('sends a param in the query where the method has it there, though another method has it in the path', () => {
    const packages = getResource('github.packages.org_packages');
    const list = findMethod(packages, 'list_packages_for_organization');
    const get = findMethod(packages, 'get_package_for_organization');
    if (!list || !get) throw new Error('no org_packages methods');
    expect(queryParams(packages, list, { org: 'acme', package_type: 'npm', visibility: 'public' })).toEqual({
      package_type: 'npm',
      visibility: 'public',
    });
    expect(queryParams(packages, get, { org: 'acme', package_type: 'npm', package_name: 'x' })).toEqual({});
  });
});
