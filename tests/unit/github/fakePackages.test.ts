/**
 * Every `packages` endpoint of the fake, answered through the real client in sample mode (`acme`, and
 * `octocat` who is also the authenticated user): each reads what the sample data holds, each write
 * changes what the reads return.
 */
import { describe, expect, it } from 'vitest';
import { allResources } from '../../../src/resources/registry';
import type { GitHubClient } from '../../../src/github/client';
import type { ParamValue } from '../../../src/resources/calls';
import { call, names, rows, sample } from './packagesHelpers';

const ACME = { org: 'acme' };
const OCTO = { username: 'octocat' };
const WEB = { package_type: 'container', package_name: 'web/frontend' };
const HELLO = { package_type: 'npm', package_name: 'hello-world' };
const LEGACY = { package_type: 'npm', package_name: 'legacy-cli' };

type Check = (client: GitHubClient) => Promise<void>;

/** A read: its rows satisfy `expectRows`. */
function read(
  method: string,
  params: Record<string, ParamValue>,
  expectRows: (r: readonly Record<string, unknown>[]) => void,
): readonly [string, Check] {
  return [
    method,
    async (client) => {
      expectRows(await rows(client, call(method, params)));
    },
  ];
}

/** A write: 204 with no rows, then `after` sees its effect. */
function write(method: string, params: Record<string, ParamValue>, after: Check): readonly [string, Check] {
  return [
    method,
    async (client) => {
      const result = await client.run(call(method, params));
      expect(result).toMatchObject({ status: 'complete', rows: [] });
      await after(client);
    },
  ];
}

const versionIds = async (client: GitHubClient, method: string, params: Record<string, ParamValue>) =>
  (await rows(client, call(method, params))).map((r) => r.id);

const CASES: readonly (readonly [string, Check])[] = [
  read('list_packages_for_organization', { ...ACME, package_type: 'container' }, (r) => {
    expect(names(r)).toEqual(['web/frontend', 'api-server']);
  }),
  read('get_package_for_organization', { ...ACME, ...WEB }, (r) => {
    expect(r).toMatchObject([
      { name: 'web/frontend', version_count: 249, owner: { login: 'acme', type: 'Organization' } },
    ]);
  }),
  read('list_packages_for_user', { ...OCTO, package_type: 'npm' }, (r) => {
    expect(names(r)).toEqual(['hello-world']); // legacy-cli is deleted
  }),
  read('get_package_for_user', { ...OCTO, ...HELLO }, (r) => {
    expect(r).toMatchObject([
      { name: 'hello-world', version_count: 46, owner: { login: 'octocat', type: 'User' } },
    ]);
  }),
  read('list_packages_for_authenticated_user', { package_type: 'container' }, (r) => {
    expect(names(r)).toEqual(['octo/app']);
  }),
  read('get_package_for_authenticated_user', HELLO, (r) => {
    expect(r).toMatchObject([{ name: 'hello-world', owner: { login: 'octocat' } }]);
  }),
  read('list_docker_migration_conflicting_packages_for_organization', ACME, (r) => {
    expect(r).toMatchObject([{ name: 'legacy-web', package_type: 'docker' }]);
  }),
  read('list_docker_migration_conflicting_packages_for_user', OCTO, (r) => {
    expect(r).toMatchObject([{ name: 'octo-docker', package_type: 'docker' }]);
  }),
  read('list_docker_migration_conflicting_packages_for_authenticated_user', {}, (r) => {
    expect(r).toMatchObject([{ name: 'octo-docker', owner: { login: 'octocat' } }]);
  }),
  read('get_all_package_versions_for_package_owned_by_org', { ...ACME, ...WEB }, (r) => {
    expect(r).toHaveLength(249);
    expect(r.map((v) => v.id)).toContain(81005383);
  }),
  read('get_all_package_versions_for_package_owned_by_user', { ...OCTO, ...HELLO }, (r) => {
    expect(r).toHaveLength(46);
    expect(r.map((v) => v.id)).toContain(5100042);
    expect(r.map((v) => v.id)).not.toContain(5100017);
  }),
  read(
    'get_all_package_versions_for_package_owned_by_authenticated_user',
    { ...HELLO, state: 'deleted' },
    (r) => {
      expect(r.map((v) => v.id)).toEqual([5100034, 5100017]);
    },
  ),
  read('get_package_version_for_organization', { ...ACME, ...WEB, package_version_id: 81005383 }, (r) => {
    expect(r).toMatchObject([{ id: 81005383 }]);
  }),
  read('get_package_version_for_user', { ...OCTO, ...HELLO, package_version_id: 5100042 }, (r) => {
    expect(r).toMatchObject([{ id: 5100042, name: '1.5.2' }]);
  }),
  read('get_package_version_for_authenticated_user', { ...HELLO, package_version_id: 5100042 }, (r) => {
    expect(r).toMatchObject([
      { id: 5100042, url: 'https://api.github.com/users/octocat/packages/npm/hello-world/versions/5100042' },
    ]);
  }),
  write('delete_package_for_org', { ...ACME, ...WEB }, async (client) => {
    expect(
      names(
        await rows(client, call('list_packages_for_organization', { ...ACME, package_type: 'container' })),
      ),
    ).toEqual(['api-server']);
  }),
  write('delete_package_for_user', { ...OCTO, ...HELLO }, async (client) => {
    expect(await rows(client, call('list_packages_for_user', { ...OCTO, package_type: 'npm' }))).toEqual([]);
  }),
  write('delete_package_for_authenticated_user', HELLO, async (client) => {
    expect(await rows(client, call('list_packages_for_user', { ...OCTO, package_type: 'npm' }))).toEqual([]);
  }),
  write(
    'restore_package_for_org',
    { ...ACME, package_type: 'npm', package_name: 'old-dashboard' },
    async (client) => {
      const list = await rows(
        client,
        call('list_packages_for_organization', { ...ACME, package_type: 'npm' }),
      );
      expect(list.find((p) => p.name === 'old-dashboard')).toMatchObject({ version_count: 9 });
    },
  ),
  write('restore_package_for_user', { ...OCTO, ...LEGACY }, async (client) => {
    expect(await rows(client, call('get_package_for_user', { ...OCTO, ...LEGACY }))).toMatchObject([
      { version_count: 4 },
    ]);
  }),
  write('restore_package_for_authenticated_user', LEGACY, async (client) => {
    expect(await rows(client, call('get_package_for_authenticated_user', LEGACY))).toMatchObject([
      { version_count: 4 },
    ]);
  }),
  write(
    'delete_package_version_for_org',
    { ...ACME, ...WEB, package_version_id: 81005383 },
    async (client) => {
      const deleted = await versionIds(client, 'get_all_package_versions_for_package_owned_by_org', {
        ...ACME,
        ...WEB,
        state: 'deleted',
      });
      expect(deleted).toContain(81005383);
    },
  ),
  write(
    'delete_package_version_for_user',
    { ...OCTO, ...HELLO, package_version_id: 5100042 },
    async (client) => {
      expect(
        await versionIds(client, 'get_all_package_versions_for_package_owned_by_user', { ...OCTO, ...HELLO }),
      ).not.toContain(5100042);
    },
  ),
  write(
    'delete_package_version_for_authenticated_user',
    { ...HELLO, package_version_id: 5100042 },
    async (client) => {
      expect(
        await versionIds(client, 'get_all_package_versions_for_package_owned_by_user', { ...OCTO, ...HELLO }),
      ).not.toContain(5100042);
    },
  ),
  write(
    'restore_package_version_for_org',
    { ...ACME, ...WEB, package_version_id: 81005136 },
    async (client) => {
      expect(
        await versionIds(client, 'get_all_package_versions_for_package_owned_by_org', { ...ACME, ...WEB }),
      ).toContain(81005136);
    },
  ),
  write(
    'restore_package_version_for_user',
    { ...OCTO, ...HELLO, package_version_id: 5100017 },
    async (client) => {
      expect(
        await versionIds(client, 'get_all_package_versions_for_package_owned_by_user', { ...OCTO, ...HELLO }),
      ).toContain(5100017);
    },
  ),
  write(
    'restore_package_version_for_authenticated_user',
    { ...HELLO, package_version_id: 5100017 },
    async (client) => {
      expect(
        await versionIds(client, 'get_all_package_versions_for_package_owned_by_authenticated_user', HELLO),
      ).toContain(5100017);
    },
  ),
];

describe('all 27 endpoints of the packages service, through the real client', () => {
  it('covers every method of the catalogue', () => {
    const methods = allResources()
      .filter((r) => r.service === 'packages')
      .flatMap((r) => r.methods.map((m) => m.name));
    expect(methods).toHaveLength(27);
    expect(CASES.map(([name]) => name).sort()).toEqual([...methods].sort());
  });

  it.each(CASES)('%s', async (_, check) => {
    const { client, api } = sample();
    await check(client);
    expect(api.requests.every((r) => r.status < 400)).toBe(true);
  });
});
