/**
 * Datasets handed to the fake from outside (tests, benchmarks, a JSON file for the server script) may
 * be older or looser than `FakeDataset`: one organization as `{ org, packages }`, packages without
 * ids, times or visibility, `popular` as an array. `normalizeDataset` makes a full, private copy, so a
 * fake never changes its caller's object and every endpoint can rely on every field.
 */
import type { PackageVersion } from '../types';
import { createDatasetFrom, sameLogin } from './dataset';
import type { DatasetSpec, FakeDataset, FakeOwner, FakePackage, OwnerKind, PackageType } from './model';
import { iso } from './versions';

/** A package as a caller may give it: type, name and versions; the rest has defaults. */
export interface FakePackageInput {
  readonly type: PackageType;
  readonly name: string;
  readonly versions: readonly PackageVersion[];
  readonly popular?: ReadonlySet<number> | readonly number[];
  readonly id?: number;
  readonly visibility?: 'public' | 'private';
  readonly repository?: string | null;
  readonly created_at?: string;
  readonly updated_at?: string;
  readonly deleted?: boolean;
  readonly deletedWithPackage?: readonly number[];
  readonly migrationConflict?: boolean;
}

/** An owner as a caller may give it. */
export interface FakeOwnerInput {
  readonly login: string;
  readonly kind: OwnerKind;
  readonly id?: number;
  readonly packages: readonly FakePackageInput[];
}

/** Any dataset the fake accepts: owners, or the one-organization shape of earlier versions. */
export type FakeDatasetInput =
  | { readonly owners: readonly FakeOwnerInput[]; readonly authenticatedUser?: string }
  | {
      readonly org: string;
      readonly packages: readonly FakePackageInput[];
      readonly authenticatedUser?: string;
    };

/** A full, independent copy of a dataset input (a `FakeDataset` passes through as a deep copy). */
export function normalizeDataset(input: FakeDatasetInput): FakeDataset {
  const source: readonly FakeOwnerInput[] =
    'owners' in input ? input.owners : [{ login: input.org, kind: 'Organization', packages: input.packages }];
  const authenticatedUser = input.authenticatedUser ?? 'octocat';
  const owners: FakeOwner[] = source.map((o, i) => ({
    login: o.login,
    kind: o.kind,
    id: o.id ?? 100_000 + i,
    packages: o.packages.map((p, j) => normalizePackage(p, 40_000_000 + i * 100_000 + (j + 1) * 17)),
  }));
  if (!owners.some((o) => o.kind === 'User' && sameLogin(o.login, authenticatedUser))) {
    owners.push({ login: authenticatedUser, kind: 'User', id: 100_000 + owners.length, packages: [] });
  }
  const org = owners.find((o) => o.kind === 'Organization') ?? owners[0];
  return { owners, authenticatedUser, org: org?.login ?? '', packages: org?.packages ?? [] };
}

function normalizePackage(p: FakePackageInput, defaultId: number): FakePackage {
  const versions = structuredClone(p.versions) as PackageVersion[];
  // A loop, not Math.min(...times): a package of 100,000 versions would overflow the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const v of versions) {
    for (const t of [Date.parse(v.created_at), Date.parse(v.updated_at)]) {
      if (t < first) first = t;
      if (t > last) last = t;
    }
  }
  if (first === Infinity) first = last = Date.UTC(2023, 0, 1);
  return {
    id: p.id ?? defaultId,
    type: p.type,
    name: p.name,
    visibility: p.visibility ?? 'private',
    repository: p.repository ?? null,
    created_at: p.created_at ?? iso(first),
    updated_at: p.updated_at ?? iso(last),
    deleted: p.deleted ?? false,
    deletedWithPackage: [...(p.deletedWithPackage ?? [])],
    migrationConflict: p.migrationConflict ?? false,
    versions,
    popular: new Set(p.popular ?? []),
  };
}

/**
 * A dataset from parsed JSON (the server script's `--dataset` file): a generator spec (owners whose
 * packages have `count`), or a dataset with versions in either shape. Throws a message naming the
 * expected shapes when it is neither.
 */
export function datasetFromJson(value: unknown): FakeDataset {
  if (typeof value !== 'object' || value === null) throw new Error(DATASET_SHAPES);
  const owners = (value as { owners?: unknown }).owners;
  if (Array.isArray(owners)) {
    const isSpec = owners.every(
      (o: { packages?: unknown }) =>
        Array.isArray(o.packages) && o.packages.every((p: object) => 'count' in p && !('versions' in p)),
    );
    return isSpec ? createDatasetFrom(value as DatasetSpec) : normalizeDataset(value as FakeDatasetInput);
  }
  const { org, packages } = value as { org?: unknown; packages?: unknown };
  if (typeof org !== 'string' || !Array.isArray(packages)) throw new Error(DATASET_SHAPES);
  return normalizeDataset(value as FakeDatasetInput);
}

const DATASET_SHAPES =
  'A dataset is { "owners": [{ "login", "kind": "Organization"|"User", "packages": [{ "type", "name", "count" } | { "type", "name", "versions": [...] }] }], "authenticatedUser"? } or { "org", "packages": [{ "type", "name", "versions": [...] }] }.';
