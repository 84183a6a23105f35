/**
 * The built-in sample organization `acme`, generated deterministically in code: a few hundred versions
 * cost a few hundred bytes of generator instead of ~200 KB of JSON in the bundle. Every row follows
 * GitHub's `package-version` schema (`tests/unit/github/schema.test.ts` checks it).
 */
import type { PackageType } from '../../resources/orgVersions';
import type { PackageVersion } from '../types';

/** A package of the fake API: its versions (newest first) and what GitHub would know besides them. */
export interface FakePackage {
  readonly type: PackageType;
  readonly name: string;
  /** Versions, newest first, including deleted ones (those with `deleted_at`). */
  versions: PackageVersion[];
  /** Ids of versions with more than 5,000 downloads, which GitHub refuses to delete. */
  readonly popular: ReadonlySet<number>;
}

/** What the fake API serves: one organization and its packages. Delete and restore change it in place. */
export interface FakeDataset {
  readonly org: string;
  readonly packages: FakePackage[];
}

/** Shape of one generated package: how many versions, how they are named, which are deleted. */
export interface PackageSpec {
  readonly type: PackageType;
  readonly name: string;
  readonly count: number;
  /** Every n-th version (by age) is deleted; 0 for none. */
  readonly deleteEvery?: number;
  readonly license?: string;
}

/** The sample organization's packages: several types, a container with `/`, one with 3 pages. */
export const SAMPLE_PACKAGES: readonly PackageSpec[] = [
  { type: 'container', name: 'web/frontend', count: 262, deleteEvery: 19 },
  { type: 'container', name: 'api-server', count: 118, deleteEvery: 23 },
  { type: 'npm', name: 'ui-kit', count: 84, deleteEvery: 29, license: 'MIT' },
  { type: 'maven', name: 'com.acme.billing-core', count: 41, license: 'Apache-2.0' },
  { type: 'nuget', name: 'Acme.Logging', count: 26, deleteEvery: 11, license: 'MIT' },
  { type: 'rubygems', name: 'acme-auth', count: 12, license: 'MIT' },
  { type: 'npm', name: 'config', count: 1, license: 'MIT' },
];

/** The sample dataset (a fresh copy: callers may change it). */
export function createSampleDataset(): FakeDataset {
  return createDataset('acme', SAMPLE_PACKAGES);
}

/** A dataset for any org and package list, e.g. a 1,000-version package for the latency benchmark. */
export function createDataset(org: string, specs: readonly PackageSpec[]): FakeDataset {
  const random = mulberry32(0x5eed);
  let nextId = 81_000_000;
  const packages = specs.map((spec) => {
    const versions: PackageVersion[] = [];
    let time = Date.UTC(2023, 0, 2, 9, 0, 0) + Math.floor(random() * 86_400_000);
    for (let i = 1; i <= spec.count; i++) {
      nextId += 1 + Math.floor(random() * 40);
      time += 3_600_000 + Math.floor(random() * 2 * 86_400_000);
      versions.push(makeVersion(org, spec, i, nextId, time, random));
    }
    const latest = [...versions].reverse().find((v) => v.deleted_at === undefined);
    if (spec.type === 'container' && latest) markLatest(versions, latest);
    versions.reverse(); // GitHub lists newest first
    const popular = new Set(versions.slice(-3).map((v) => v.id)); // the oldest are downloaded most
    return { type: spec.type, name: spec.name, versions, popular };
  });
  return { org, packages };
}

function makeVersion(
  org: string,
  spec: PackageSpec,
  index: number,
  id: number,
  time: number,
  random: () => number,
): PackageVersion {
  const semver = `${1 + Math.floor(index / 60)}.${Math.floor(index / 8) % 8}.${index % 8}`;
  const isContainer = spec.type === 'container';
  const name = isContainer ? `sha256:${hex(random, 64)}` : semver;
  const urls = packageUrls(org, spec.type, spec.name);
  const deleted = spec.deleteEvery ? index % spec.deleteEvery === 0 : false;
  const updated = time + Math.floor(random() * 600_000);
  const tags = isContainer && index % 4 !== 0 ? [`v${semver}`] : [];
  return {
    id,
    name,
    url: `${urls.api}/versions/${id}`,
    package_html_url: urls.html,
    html_url: `${urls.htmlBase}/${id}`,
    ...(spec.license ? { license: spec.license } : {}),
    ...(index % 3 === 0 ? { description: `Release ${semver} of ${spec.name}` } : {}),
    created_at: iso(time),
    updated_at: iso(updated),
    ...(deleted ? { deleted_at: iso(updated + 86_400_000) } : {}),
    metadata: { package_type: spec.type, ...(isContainer ? { container: { tags } } : {}) },
  };
}

function markLatest(versions: PackageVersion[], latest: PackageVersion): void {
  const i = versions.indexOf(latest);
  const tags = latest.metadata?.container?.tags ?? [];
  versions[i] = {
    ...latest,
    metadata: { package_type: 'container', container: { tags: ['latest', ...tags] } },
  };
}

/** API and web URLs of a package as GitHub builds them (the name URL-encoded: `web%2Ffrontend`). */
export function packageUrls(
  org: string,
  type: string,
  name: string,
): { api: string; html: string; htmlBase: string } {
  const n = encodeURIComponent(name);
  return {
    api: `https://api.github.com/orgs/${org}/packages/${type}/${n}`,
    html: `https://github.com/orgs/${org}/packages/${type}/package/${n}`,
    htmlBase: `https://github.com/orgs/${org}/packages/${type}/${n}`,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function hex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

/** A small seeded PRNG, so every build ships the same sample rows (the benchmarks' rows use it too). */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
