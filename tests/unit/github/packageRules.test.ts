/**
 * GitHub's rules for packages, as the fake keeps them: `version_count` counts active versions, a
 * deleted package is gone until restored (with its versions), the last version cannot be deleted,
 * `/user` is the authenticated user, lists page with `Link`, and the errors read well per owner.
 */
import { describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { parseLink } from '../../../src/github/headers';
import { createDataset, createDatasetFrom, manyPackages } from '../../../src/github/sample/dataset';
import { createGitHubClient } from '../../../src/github/client';
import { BASE, TOKEN } from './helpers';
import { call, failure, names, rows, sample } from './packagesHelpers';

const ACME = { org: 'acme' };
const OCTO = { username: 'octocat' };
const WEB = { package_type: 'container', package_name: 'web/frontend' };
const HELLO = { package_type: 'npm', package_name: 'hello-world' };

describe('version_count', () => {
  it('equals the versions each live package lists, for every owner and type', async () => {
    const { client, api } = sample();
    for (const owner of api.dataset.owners) {
      const scope: Record<string, string> =
        owner.kind === 'Organization' ? { org: owner.login } : { username: owner.login };
      const [listMethod, versionsMethod] =
        owner.kind === 'Organization'
          ? ['list_packages_for_organization', 'get_all_package_versions_for_package_owned_by_org']
          : ['list_packages_for_user', 'get_all_package_versions_for_package_owned_by_user'];
      for (const type of new Set(owner.packages.map((p) => p.type))) {
        for (const pkg of await rows(client, call(listMethod, { ...scope, package_type: type }))) {
          const versions = await rows(
            client,
            call(versionsMethod, { ...scope, package_type: type, package_name: String(pkg.name) }),
          );
          expect(pkg.version_count, `${owner.login} ${type} ${String(pkg.name)}`).toBe(versions.length);
        }
      }
    }
  });

  it('follows deletes and restores of versions', async () => {
    const { client } = sample();
    const count = async () =>
      (await rows(client, call('get_package_for_user', { ...OCTO, ...HELLO })))[0]?.version_count;
    expect(await count()).toBe(46);
    await client.run(
      call('delete_package_version_for_user', { ...OCTO, ...HELLO, package_version_id: 5100042 }),
    );
    expect(await count()).toBe(45);
    await client.run(
      call('restore_package_version_for_user', { ...OCTO, ...HELLO, package_version_id: 5100017 }),
    );
    await client.run(
      call('restore_package_version_for_user', { ...OCTO, ...HELLO, package_version_id: 5100042 }),
    );
    expect(await count()).toBe(47);
  });
});

describe('deleting and restoring a package', () => {
  it('round-trips: gone from lists and 404 while deleted, back with the same versions', async () => {
    const { client } = sample();
    const list = call('get_all_package_versions_for_package_owned_by_org', { ...ACME, ...WEB });
    const deletedList = call('get_all_package_versions_for_package_owned_by_org', {
      ...ACME,
      ...WEB,
      state: 'deleted',
    });
    const active = (await rows(client, list)).map((r) => r.id);
    const deleted = (await rows(client, deletedList)).map((r) => r.id);

    await client.run(call('delete_package_for_org', { ...ACME, ...WEB }));
    expect(await failure(client, call('get_package_for_organization', { ...ACME, ...WEB }))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(client, list)).toMatchObject({ code: 'not_found' });
    expect(
      names(
        await rows(client, call('list_packages_for_organization', { ...ACME, package_type: 'container' })),
      ),
    ).toEqual(['api-server']);
    // A deleted package cannot be deleted again, nor its versions reached.
    expect(await failure(client, call('delete_package_for_org', { ...ACME, ...WEB }))).toMatchObject({
      status: 404,
    });

    await client.run(call('restore_package_for_org', { ...ACME, ...WEB }));
    expect((await rows(client, list)).map((r) => r.id)).toEqual(active);
    expect((await rows(client, deletedList)).map((r) => r.id)).toEqual(deleted);
    expect(await rows(client, call('get_package_for_organization', { ...ACME, ...WEB }))).toMatchObject([
      { version_count: 249 },
    ]);
  });

  it('restore of a live or unknown package is a 404', async () => {
    const { client } = sample();
    expect(await failure(client, call('restore_package_for_org', { ...ACME, ...WEB }))).toMatchObject({
      status: 404,
    });
    const unknown = call('restore_package_for_user', { ...OCTO, package_type: 'npm', package_name: 'nope' });
    expect(await failure(client, unknown)).toMatchObject({ status: 404 });
  });

  it('a public package with a version of more than 5,000 downloads cannot be deleted', async () => {
    const { client } = sample();
    const error = await failure(
      client,
      call('delete_package_for_org', { ...ACME, package_type: 'npm', package_name: 'ui-kit' }),
    );
    expect(error).toMatchObject({ code: 'cannot_delete', status: 400 });
    expect(error.message).toContain('GitHub refused to delete npm package "ui-kit" in org "acme"');
    expect(error.message).toContain('A public package with a version downloaded more than 5,000 times');
  });
});

describe('deleting versions', () => {
  it('refuses the last active version with GitHub’s 400, and deletes the one before', async () => {
    const dataset = createDatasetFrom({
      owners: [
        { login: 'hubot', kind: 'User', packages: [{ type: 'npm', name: 'tiny', count: 2, popular: 0 }] },
      ],
    });
    const fake = createFakeGitHub({ dataset, token: TOKEN });
    const client = createGitHubClient({
      baseUrl: BASE,
      token: TOKEN,
      fetch: fake.fetch,
      retry: { writeSpacingMs: 0 },
    });
    const params = { username: 'hubot', package_type: 'npm', package_name: 'tiny' };
    const [newest, oldest] = (
      await rows(client, call('get_all_package_versions_for_package_owned_by_user', params))
    ).map((r) => Number(r.id));
    await client.run(call('delete_package_version_for_user', { ...params, package_version_id: newest ?? 0 }));
    const error = await failure(
      client,
      call('delete_package_version_for_user', { ...params, package_version_id: oldest ?? 0 }),
    );
    expect(error).toMatchObject({ code: 'cannot_delete', status: 400 });
    expect(error.githubMessage).toBe(
      'You cannot delete the last version of a package. You must delete the package instead.',
    );
    expect(error.message).toContain(`version ${String(oldest)} of npm package "tiny" of user "hubot"`);
    expect(await rows(client, call('get_package_for_user', params))).toMatchObject([{ version_count: 1 }]);
  });
});

describe('the authenticated user', () => {
  it('is octocat in sample mode: /user/... answers what /users/octocat/... answers', async () => {
    const { client } = sample();
    for (const type of ['npm', 'container', 'rubygems', 'docker']) {
      const mine = await rows(client, call('list_packages_for_authenticated_user', { package_type: type }));
      expect(mine).toEqual(
        await rows(client, call('list_packages_for_user', { ...OCTO, package_type: type })),
      );
    }
    expect(
      await rows(client, call('get_all_package_versions_for_package_owned_by_authenticated_user', HELLO)),
    ).toEqual(
      await rows(client, call('get_all_package_versions_for_package_owned_by_user', { ...OCTO, ...HELLO })),
    );
  });

  it('is whoever the dataset says, and needs credentials outside sample mode', async () => {
    const dataset = createDatasetFrom({
      owners: [{ login: 'hubot', kind: 'User', packages: [{ type: 'npm', name: 'bot', count: 3 }] }],
      authenticatedUser: 'hubot',
    });
    const fake = createFakeGitHub({ dataset });
    const anonymous = await fake.handle(new Request(`${BASE}/user/packages?package_type=npm`));
    expect(anonymous.status).toBe(401);
    const res = await fake.handle(
      new Request(`${BASE}/user/packages?package_type=npm`, { headers: { authorization: `token ${TOKEN}` } }),
    );
    expect(((await res.json()) as { name: string }[]).map((p) => p.name)).toEqual(['bot']);
  });

  it('of a one-organization dataset is an octocat with no packages', async () => {
    const fake = createFakeGitHub({
      dataset: createDataset('other', [{ type: 'npm', name: 'x', count: 2 }]),
    });
    const res = await fake.handle(
      new Request(`${BASE}/user/packages?package_type=npm`, { headers: { authorization: `token ${TOKEN}` } }),
    );
    expect(await res.json()).toEqual([]);
  });
});

describe('listing packages', () => {
  it('pages with Link, 30 a page by default, and the client follows it at 100 a page', async () => {
    const dataset = createDataset('many', manyPackages(240, 1, 'npm'));
    const fake = createFakeGitHub({ dataset, token: TOKEN });
    const get = (q: string) =>
      fake.handle(
        new Request(`${BASE}/orgs/many/packages?${q}`, { headers: { authorization: `token ${TOKEN}` } }),
      );
    const first = await get('package_type=npm');
    expect((await first.json()) as unknown[]).toHaveLength(30);
    const links = parseLink(first.headers.get('link') ?? '');
    expect(links.next).toBe(`${BASE}/orgs/many/packages?package_type=npm&page=2`);
    expect(links.last).toBe(`${BASE}/orgs/many/packages?package_type=npm&page=8`);

    fake.resetRequests();
    const client = createGitHubClient({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    const list = await rows(
      client,
      call('list_packages_for_organization', { org: 'many', package_type: 'npm' }),
    );
    expect(names(list).slice(0, 2)).toEqual(['pkg-001', 'pkg-002']);
    expect(list).toHaveLength(240);
    expect(fake.requests.map((r) => new URL(r.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
  });

  it('filters by visibility (internal lists the private ones) and hides deleted packages', async () => {
    const { client } = sample();
    const list = (visibility?: string) =>
      rows(
        client,
        call('list_packages_for_organization', {
          ...ACME,
          package_type: 'npm',
          ...(visibility ? { visibility } : {}),
        }),
      );
    expect(names(await list())).toEqual(['ui-kit', 'config']);
    expect(names(await list('public'))).toEqual(['ui-kit']);
    expect(names(await list('private'))).toEqual(['config']);
    expect(names(await list('internal'))).toEqual(['config']);
  });

  it('answers 400 without a valid package_type, and beyond 10,000 rows of paging', async () => {
    const fake = createFakeGitHub({ sampleMode: true });
    const status = async (q: string) =>
      (await fake.handle(new Request(`${BASE}/orgs/acme/packages${q}`))).status;
    expect(await status('')).toBe(400);
    expect(await status('?package_type=pip')).toBe(400);
    expect(await status('?package_type=npm&visibility=secret')).toBe(400);
    expect(await status('?package_type=npm&per_page=100&page=101')).toBe(400);
    expect(await status('?package_type=npm&per_page=100&page=100')).toBe(200);
  });

  it('404s an unknown owner, and an owner under the other kind of path', async () => {
    const fake = createFakeGitHub({ sampleMode: true });
    const res = await fake.handle(new Request(`${BASE}/orgs/octocat/packages?package_type=npm`));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain(
      'organization "acme", user "octocat"',
    );
    expect((await fake.handle(new Request(`${BASE}/users/acme/packages?package_type=npm`))).status).toBe(404);
  });
});

describe('docker migration conflicts', () => {
  it('lists only live docker packages flagged as conflicting', async () => {
    const { client } = sample();
    const conflicts = call('list_docker_migration_conflicting_packages_for_organization', ACME);
    expect(await rows(client, conflicts)).toMatchObject([
      { name: 'legacy-web', package_type: 'docker', version_count: 5 },
    ]);
    await client.run(
      call('delete_package_for_org', { ...ACME, package_type: 'docker', package_name: 'legacy-web' }),
    );
    expect(await rows(client, conflicts)).toEqual([]);
  });
});

describe('the fake’s protocol on the new endpoints', () => {
  it('ETag and 304 on a package list; scope per method from the catalogue', async () => {
    const fake = createFakeGitHub({ token: TOKEN, scopes: ['read:packages'] });
    const headers = { authorization: `token ${TOKEN}` };
    const url = `${BASE}/orgs/acme/packages?package_type=container`;
    const first = await fake.handle(new Request(url, { headers }));
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('access-control-expose-headers')).toContain('Link');
    const again = await fake.handle(new Request(url, { headers: { ...headers, 'if-none-match': etag } }));
    expect(again.status).toBe(304);
    const del = await fake.handle(
      new Request(`${BASE}/user/packages/npm/hello-world`, { method: 'DELETE', headers }),
    );
    expect(del.status).toBe(403);
    expect(del.headers.get('x-accepted-oauth-scopes')).toBe('read:packages, delete:packages');
  });

  it('faults apply to every endpoint: a 502 on /user/packages is retried', async () => {
    const fake = createFakeGitHub({
      faults: [{ nth: 1, action: { type: 'status', status: 502 } }],
      sampleMode: true,
    });
    const client = createGitHubClient({ baseUrl: BASE, fetch: fake.fetch, retry: { retryDelaysMs: [0] } });
    expect(
      names(await rows(client, call('list_packages_for_authenticated_user', { package_type: 'npm' }))),
    ).toEqual(['hello-world']);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('hostile packages are listed and list their hostile versions', async () => {
    const fake = createFakeGitHub({ hostile: true, sampleMode: true });
    const res = await fake.handle(new Request(`${BASE}/orgs/acme/packages?package_type=npm&per_page=100`));
    const list = (await res.json()) as { name: string; version_count: number }[];
    expect(list.map((p) => p.name)).toContain('<img src=x onerror=alert(1)>');
    const hostile = list.find((p) => p.name === 'hostile-link');
    const versions = await fake.handle(new Request(`${BASE}/orgs/acme/packages/npm/hostile-link/versions`));
    expect(((await versions.json()) as unknown[]).length).toBe(hostile?.version_count);
  });
});

describe('error messages name the target per owner', () => {
  it.each([
    [
      'get_package_for_organization',
      { ...ACME, package_type: 'npm', package_name: 'nope' },
      'npm package "nope" in org "acme"',
    ],
    [
      'get_package_for_user',
      { ...OCTO, package_type: 'npm', package_name: 'nope' },
      'npm package "nope" of user "octocat"',
    ],
    [
      'get_package_for_authenticated_user',
      { package_type: 'npm', package_name: 'nope' },
      'npm package "nope" of the authenticated user',
    ],
    [
      'get_package_version_for_user',
      { ...OCTO, ...HELLO, package_version_id: 1 },
      'version 1 of npm package "hello-world" of user "octocat"',
    ],
    [
      'list_docker_migration_conflicting_packages_for_organization',
      { org: 'nobody' },
      'the packages of org "nobody"',
    ],
  ] as const)('%s', async (method, params, target) => {
    const { client } = sample();
    const error = await failure(client, call(method, params));
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(error.message).toContain(`Not found (404): ${target} does not exist`);
  });
});

describe('datasets given from outside', () => {
  it('accepts the one-organization shape { org, packages } with bare versions', async () => {
    const v = (id: number) => ({
      id,
      name: `1.0.${String(id)}`,
      url: `https://api.github.com/orgs/other/packages/npm/lib/versions/${String(id)}`,
      package_html_url: 'https://github.com/orgs/other/packages/npm/package/lib',
      created_at: '2024-01-0' + String(id) + 'T00:00:00Z',
      updated_at: '2024-01-0' + String(id) + 'T00:00:00Z',
    });
    const fake = createFakeGitHub({
      dataset: {
        org: 'other',
        packages: [{ type: 'npm', name: 'lib', versions: [v(2), v(1)], popular: new Set<number>() }],
      },
    });
    const client = createGitHubClient({ baseUrl: BASE, fetch: fake.fetch });
    expect(
      await rows(
        client,
        call('get_package_for_organization', { org: 'other', package_type: 'npm', package_name: 'lib' }),
      ),
    ).toMatchObject([{ version_count: 2, created_at: '2024-01-01T00:00:00Z', owner: { login: 'other' } }]);
    expect(
      await rows(
        client,
        call('get_all_package_versions_for_package_owned_by_org', {
          org: 'other',
          package_type: 'npm',
          package_name: 'lib',
        }),
      ),
    ).toHaveLength(2);
  });
});

describe('big datasets', () => {
  it('normalizes a package of 200,000 versions (no spread of every timestamp onto the stack)', async () => {
    const { createDataset } = await import('../../../src/github/sample/dataset');
    const { normalizeDataset } = await import('../../../src/github/sample/normalize');
    const big = createDataset('acme', [{ type: 'npm', name: 'big', count: 200_000 }]);
    expect(normalizeDataset(big).packages[0]?.versions).toHaveLength(200_000);
  });
});
