import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import spec from '../../../src/resources/spec/packages.openapi.json';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { HOSTILE_ID_BASE } from '../../../src/github/fake/hostile';
import { createSampleDataset } from '../../../src/github/sample/dataset';
import { getResource } from '../../../src/resources/registry';
import accounts from './fixtures/account-schemas.json';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemas = spec.components.schemas;
const validateVersion = ajv.compile(schemas['package-version']);
const validateError = ajv.compile(schemas['basic-error']);
// The extract trims `owner` and `repository` to `{ type: object }`; check them against GitHub's full schemas.
ajv.addSchema({ $id: 'accounts', definitions: accounts.definitions });
const validatePackage = ajv.compile({ ...schemas.package, components: spec.components });
const validateUser = ajv.compile({ $ref: 'accounts#/definitions/simple-user' });
const validateRepository = ajv.compile({ $ref: 'accounts#/definitions/minimal-repository' });

type Fake = ReturnType<typeof createFakeGitHub>;

/** Every row the fake serves for a list URL, following its `Link: rel="next"`. */
async function served(fake: Fake, first: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let url: string | undefined = first; url;) {
    const res = await fake.handle(new Request(url));
    expect(res.status).toBe(200);
    rows.push(...((await res.json()) as Record<string, unknown>[]));
    url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  }
  return rows;
}

function expectValid(validate: ReturnType<typeof ajv.compile>, row: unknown): void {
  expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
}

const dataset = createSampleDataset();
const ownerPackages = dataset.owners.flatMap((o) =>
  o.packages.filter((p) => !p.deleted).map((p) => [o.kind, o.login, p.type, p.name] as const),
);

describe('the fake serves rows valid against GitHub’s package-version schema', () => {
  it.each(ownerPackages)('%s %s: %s %s', async (kind, login, type, name) => {
    const fake = createFakeGitHub({ hostile: true });
    const scope = kind === 'Organization' ? 'orgs' : 'users';
    const base = `https://api.test/${scope}/${login}/packages/${type}/${encodeURIComponent(name)}/versions`;
    const rows = [
      ...(await served(fake, `${base}?per_page=100&state=active`)),
      ...(await served(fake, `${base}?per_page=100&state=deleted`)),
    ];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expectValid(validateVersion, row);
    // Hostile rows are included, so the security suite exercises real, schema-valid data.
    expect(rows.filter((r) => Number(r.id) > HOSTILE_ID_BASE)).toHaveLength(7);
  });

  it('only uses fields the definition lists', () => {
    const fields = new Set(getResource('github.packages.org_versions').fields.map((f) => f.name));
    for (const owner of dataset.owners)
      for (const pkg of owner.packages)
        for (const v of pkg.versions) for (const k of Object.keys(v)) expect(fields).toContain(k);
  });

  it('error bodies follow basic-error', async () => {
    const fake = createFakeGitHub({ sampleMode: true });
    const res = await fake.handle(new Request('https://api.test/orgs/acme/packages/npm/missing/versions'));
    expect(res.status).toBe(404);
    expect(validateError(await res.json())).toBe(true);
  });
});

describe('the fake serves rows valid against GitHub’s package schema', () => {
  const lists = [
    ...dataset.owners.flatMap((o) =>
      ['npm', 'maven', 'rubygems', 'docker', 'nuget', 'container'].map(
        (t) => `${o.kind === 'Organization' ? 'orgs' : 'users'}/${o.login}/packages?package_type=${t}`,
      ),
    ),
    'user/packages?package_type=npm',
    'orgs/acme/docker/conflicts',
    'users/octocat/docker/conflicts',
    'user/docker/conflicts',
  ];

  it.each(lists)('%s', async (path) => {
    const fake = createFakeGitHub({ hostile: true, sampleMode: true });
    const rows = await served(fake, `https://api.test/${path}`);
    for (const row of rows) {
      expectValid(validatePackage, row);
      expectValid(validateUser, row.owner);
      if (row.repository !== null) expectValid(validateRepository, row.repository);
    }
  });

  it('a package row has exactly the fields of the package resources', async () => {
    const fields = getResource('github.packages.org_packages').fields.map((f) => f.name);
    const fake = createFakeGitHub();
    const res = await fake.handle(
      new Request('https://api.test/orgs/acme/packages/container/web%2Ffrontend'),
    );
    const row = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual([...fields].sort());
    expectValid(validatePackage, row);
  });
});

describe('the sample dataset', () => {
  const acme = dataset.owners.find((o) => o.login === 'acme');
  const all = (acme?.packages ?? []).flatMap((p) => p.versions);

  it('is deterministic', () => {
    expect(createSampleDataset()).toEqual(dataset);
  });

  it('looks like a real org: several types, hundreds of versions, a 3-page container named with a slash', () => {
    expect(dataset.org).toBe('acme');
    expect(dataset.packages).toBe(acme?.packages);
    expect(new Set(dataset.packages.map((p) => p.type))).toEqual(
      new Set(['container', 'npm', 'maven', 'nuget', 'rubygems', 'docker']),
    );
    expect(all.length).toBeGreaterThanOrEqual(300);
    const web = dataset.packages.find((p) => p.name === 'web/frontend');
    expect(web?.versions.filter((v) => !v.deleted_at)).toHaveLength(249);
    const ids = dataset.owners.flatMap((o) => o.packages.flatMap((p) => p.versions.map((v) => v.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the ids the docs name', () => {
    const version = (login: string, name: string, id: number) =>
      dataset.owners
        .find((o) => o.login === login)
        ?.packages.find((p) => p.name === name)
        ?.versions.find((v) => v.id === id);
    expect(version('acme', 'web/frontend', 81005383)?.deleted_at).toBeUndefined();
    expect(version('acme', 'web/frontend', 81005136)?.deleted_at).toBeDefined();
    expect(version('octocat', 'hello-world', 5100042)?.deleted_at).toBeUndefined();
    expect(version('octocat', 'hello-world', 5100017)?.deleted_at).toBeDefined();
  });

  it('has octocat as the authenticated user, and deleted packages to restore', () => {
    expect(dataset.authenticatedUser).toBe('octocat');
    const deleted = dataset.owners.flatMap((o) =>
      o.packages.filter((p) => p.deleted).map((p) => `${o.login}/${p.name}`),
    );
    expect(deleted).toEqual(['acme/old-dashboard', 'octocat/legacy-cli']);
    const octocat = dataset.owners.find((o) => o.login === 'octocat');
    expect(octocat?.packages.map((p) => p.name)).toContain('octo/app');
  });

  it('has container tags including latest, and deleted versions', () => {
    const tags = all.flatMap((v) => v.metadata?.container?.tags ?? []);
    expect(tags.filter((t) => t === 'latest')).toHaveLength(2);
    expect(all.filter((v) => v.deleted_at).length).toBeGreaterThan(10);
  });

  it('lists versions newest first, as GitHub does', () => {
    for (const owner of dataset.owners)
      for (const pkg of owner.packages) {
        const created = pkg.versions.map((v) => v.created_at);
        expect(created).toEqual([...created].sort().reverse());
      }
  });
});
