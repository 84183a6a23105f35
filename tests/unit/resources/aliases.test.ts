import { describe, expect, it } from 'vitest';

import { buildAliases } from '../../../src/resources/aliases';
import {
  allAliases,
  aliasesOf,
  findMethod,
  findResource,
  getResource,
  memberFor,
  allResources,
  allResourcesAndAliases,
} from '../../../src/resources/registry';

const ids = (names: readonly string[]) => names.map((n) => `github.packages.${n}`);

describe("today's StackQL names in the catalogue (aliases.json)", () => {
  it('name the version and package resources as the current provider does', () => {
    expect(allAliases().map((a) => [a.id, a.members.map((m) => m.id)])).toEqual([
      ['github.packages.package_versions', ids(['org_versions', 'user_versions', 'auth_user_versions'])],
      ['github.packages.packages', ids(['org_packages', 'user_packages', 'auth_user_packages'])],
    ]);
  });

  it('read as one resource: every member method and param, the fields they share', () => {
    const versions = findResource('GITHUB.Packages.Package_Versions');
    const members = ids(['org_versions', 'user_versions', 'auth_user_versions']).map(getResource);
    expect(versions).toMatchObject({ id: 'github.packages.package_versions', name: 'package_versions' });
    expect(versions?.methods).toEqual(members.flatMap((m) => m.methods));
    expect(Object.keys(versions?.params ?? {}).sort()).toEqual(
      [...new Set(members.flatMap((m) => Object.keys(m.params)))].sort(),
    );
    expect(versions?.fields).toEqual(members[0]?.fields);
    expect(versions?.examples).toEqual([]);
  });

  it('are statement names but no resources of their own: no page, no place in allResources()', () => {
    const aliases = allAliases().map((a) => a.resource);
    for (const a of aliases) expect(allResources()).not.toContain(a);
    expect(allResourcesAndAliases()).toEqual([...allResources(), ...aliases]);
  });

  it("give each method's calls to the member that has it", () => {
    const versions = getResource('github.packages.package_versions');
    expect(memberFor(versions, 'restore_package_version_for_user').id).toBe('github.packages.user_versions');
    expect(memberFor(versions, 'get_package_version_for_authenticated_user').id).toBe(
      'github.packages.auth_user_versions',
    );
    expect(memberFor(versions, 'nope')).toBe(versions);
    const org = getResource('github.packages.org_versions');
    expect(memberFor(org, 'delete_package_version_for_org')).toBe(org);
    expect(findMethod(versions, 'RESTORE_PACKAGE_VERSION_FOR_ORG')?.http.path).toMatch(/^\/orgs\/\{org\}/);
  });

  it('say which names each resource is also known by', () => {
    expect(aliasesOf(getResource('github.packages.user_versions'))).toEqual([
      'github.packages.package_versions',
    ]);
    expect(aliasesOf(getResource('github.packages.auth_user_packages'))).toEqual([
      'github.packages.packages',
    ]);
    expect(aliasesOf(getResource('github.packages.docker_migration_packages'))).toEqual([]);
  });
});

describe('buildAliases', () => {
  const alias = (members: string[], id = 'github.packages.together') => ({
    aliases: [{ id, summary: 's', members }],
  });

  it('refuses data that would make a name ambiguous or wrong', () => {
    expect(() => buildAliases({}, allResources())).toThrow(/needs an "aliases" array/);
    expect(() => buildAliases({ aliases: [{ id: 'x' }] }, allResources())).toThrow(
      /needs an id, a summary and members/,
    );
    expect(() => buildAliases(alias(['github.packages.nope']), allResources())).toThrow(
      /no resource github.packages.nope/,
    );
    expect(() => buildAliases(alias([]), allResources())).toThrow(/has no members/);
    expect(() =>
      buildAliases(alias(ids(['org_versions']), 'github.packages.org_packages'), allResources()),
    ).toThrow(/is a resource of the catalogue/);
    expect(() => buildAliases(alias(ids(['org_versions']), 'github.repos.together'), allResources())).toThrow(
      /is not in packages/,
    );
    expect(() => buildAliases(alias(ids(['org_versions', 'org_packages'])), allResources())).toThrow(
      /has other rows than github.packages.org_versions/,
    );
    expect(() => buildAliases(alias(ids(['org_versions', 'org_versions'])), allResources())).toThrow(
      /two members have a method get_all_package_versions_for_package_owned_by_org/,
    );
  });
});
