/**
 * The built-in sample data, generated deterministically in code: organization `acme` and user
 * `octocat` (the authenticated user in sample mode). A thousand versions cost a few hundred bytes of
 * generator instead of ~300 KB of JSON in the bundle. Every row follows GitHub's `package` and
 * `package-version` schemas (`tests/unit/github/schema.test.ts` checks them).
 */
import type {
  DatasetSpec,
  FakeDataset,
  FakeOwner,
  FakePackage,
  OwnerSpec,
  PackageSpec,
  PackageType,
} from './model';
import { generateVersions, idSequence, iso, mulberry32 } from './versions';

export type {
  DatasetSpec,
  FakeDataset,
  FakeOwner,
  FakePackage,
  OwnerSpec,
  PackageSpec,
  PackageType,
} from './model';
export { mulberry32, packageUrls } from './versions';

/**
 * The sample organization's packages: several types, a container with `/`, one with 3 pages, a deleted
 * package to restore and a Docker migration conflict. The first seven keep the ids they have always had.
 */
export const SAMPLE_PACKAGES: readonly PackageSpec[] = [
  { type: 'container', name: 'web/frontend', count: 262, deleteEvery: 19, repository: 'web' },
  { type: 'container', name: 'api-server', count: 118, deleteEvery: 23, repository: 'api-server' },
  {
    type: 'npm',
    name: 'ui-kit',
    count: 84,
    deleteEvery: 29,
    license: 'MIT',
    visibility: 'public',
    repository: 'ui-kit',
  },
  { type: 'maven', name: 'com.acme.billing-core', count: 41, license: 'Apache-2.0', repository: 'billing' },
  { type: 'nuget', name: 'Acme.Logging', count: 26, deleteEvery: 11, license: 'MIT', visibility: 'public' },
  { type: 'rubygems', name: 'acme-auth', count: 12, license: 'MIT', repository: 'auth' },
  { type: 'npm', name: 'config', count: 1, license: 'MIT' },
  { type: 'npm', name: 'old-dashboard', count: 9, license: 'MIT', deleted: true, repository: 'dashboard' },
  { type: 'docker', name: 'legacy-web', count: 5, migrationConflict: true, repository: 'web' },
];

/** The sample user's packages: ids the docs name (5100042 live, 5100017 deleted), a deleted one. */
export const SAMPLE_USER_PACKAGES: readonly PackageSpec[] = [
  {
    type: 'npm',
    name: 'hello-world',
    count: 48,
    deleteEvery: 17,
    idBase: 5_100_000,
    license: 'MIT',
    visibility: 'public',
    repository: 'hello-world',
    popular: 0,
  },
  { type: 'container', name: 'octo/app', count: 36, deleteEvery: 13, repository: 'octo-app' },
  { type: 'rubygems', name: 'octo-gem', count: 7, license: 'MIT', visibility: 'public', popular: 0 },
  { type: 'npm', name: 'legacy-cli', count: 4, license: 'MIT', deleted: true },
  { type: 'docker', name: 'octo-docker', count: 3, migrationConflict: true, repository: 'octo-app' },
];

/** The sample data: organization `acme`, user `octocat`, and `octocat` behind `/user/...`. */
export const SAMPLE_DATASET_SPEC: DatasetSpec & { readonly authenticatedUser: string } = {
  owners: [
    { login: 'acme', kind: 'Organization', id: 81_930_214, packages: SAMPLE_PACKAGES },
    { login: 'octocat', kind: 'User', id: 583_231, packages: SAMPLE_USER_PACKAGES },
  ],
  authenticatedUser: 'octocat',
};

/** The sample dataset (a fresh copy: callers may change it). */
export function createSampleDataset(): FakeDataset {
  return createDatasetFrom(SAMPLE_DATASET_SPEC);
}

/**
 * A dataset of one organization (and an authenticated user `octocat` with no packages), e.g. a
 * 1,000-version package for the latency benchmark. Same ids as the same specs in `createDatasetFrom`.
 */
export function createDataset(org: string, specs: readonly PackageSpec[]): FakeDataset {
  return createDatasetFrom({ owners: [{ login: org, kind: 'Organization', packages: specs }] });
}

/**
 * Specs of `count` packages of `versions` versions each, named `<prefix>-01`…, for benchmarks that need
 * many packages (a JOIN over 40 containers): `createDataset('bench', manyPackages(40, 30))`.
 */
export function manyPackages(
  count: number,
  versions: number,
  type: PackageType = 'container',
  prefix = 'pkg',
): PackageSpec[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({
    type,
    name: `${prefix}-${String(i + 1).padStart(width, '0')}`,
    count: versions,
  }));
}

/**
 * A dataset from owner specs. Each owner has its own seeded sequence (the first keeps the seed and ids
 * the sample organization has always had), so adding an owner never changes another's rows.
 */
export function createDatasetFrom(spec: DatasetSpec): FakeDataset {
  const authenticatedUser = spec.authenticatedUser ?? 'octocat';
  const owners: FakeOwner[] = spec.owners.map((o, i) => generateOwner(o, i));
  if (!owners.some((o) => o.kind === 'User' && sameLogin(o.login, authenticatedUser))) {
    owners.push(generateOwner({ login: authenticatedUser, kind: 'User', packages: [] }, owners.length));
  }
  const org = owners.find((o) => o.kind === 'Organization') ?? owners[0];
  return { owners, authenticatedUser, org: org?.login ?? '', packages: org?.packages ?? [] };
}

function generateOwner(spec: OwnerSpec, index: number): FakeOwner {
  const random = mulberry32(0x5eed + index);
  const ids = idSequence(81_000_000 + index * 10_000_000);
  const owner = { login: spec.login, kind: spec.kind };
  const packages = spec.packages.map((p, j): FakePackage => {
    const versions = generateVersions(owner, p, random, ids);
    const popular = new Set(versions.slice(versions.length - (p.popular ?? 3)).map((v) => v.id));
    const oldest = versions.at(-1)?.created_at;
    const created = oldest ? Date.parse(oldest) - 3_600_000 : Date.UTC(2023, 0, 1);
    // reduce, not Math.max(...): a spread of 100,000 timestamps overflows the call stack.
    const updated = versions.reduce((t, v) => Math.max(t, Date.parse(v.updated_at)), created);
    const pkg: FakePackage = {
      id: 40_000_000 + index * 100_000 + (j + 1) * 17,
      type: p.type,
      name: p.name,
      visibility: p.visibility ?? 'private',
      repository: p.repository ?? null,
      created_at: iso(created),
      updated_at: iso(updated),
      deleted: false,
      deletedWithPackage: [],
      migrationConflict: p.migrationConflict ?? false,
      versions,
      popular,
    };
    if (p.deleted) deletePackage(pkg, iso(updated + 2 * 86_400_000));
    return pkg;
  });
  return { login: spec.login, kind: spec.kind, id: spec.id ?? 100_000 + index, packages };
}

/** Deletes a package as GitHub does: it and its active versions, remembered for a restore. */
export function deletePackage(pkg: FakePackage, at: string): void {
  pkg.deleted = true;
  pkg.deletedWithPackage = pkg.versions.filter((v) => v.deleted_at === undefined).map((v) => v.id);
  pkg.versions = pkg.versions.map((v) => (v.deleted_at === undefined ? { ...v, deleted_at: at } : v));
}

/** Restores a deleted package and the versions its deletion deleted. */
export function restorePackage(pkg: FakePackage): void {
  const restore = new Set(pkg.deletedWithPackage);
  pkg.versions = pkg.versions.map((v) => (restore.has(v.id) ? withoutDeletedAt(v) : v));
  pkg.deleted = false;
  pkg.deletedWithPackage = [];
}

/** A version as it is once restored: the same row without `deleted_at`. */
export function withoutDeletedAt<T extends { readonly deleted_at?: string }>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'deleted_at')) as T;
}

/** GitHub's logins are case-insensitive. */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
