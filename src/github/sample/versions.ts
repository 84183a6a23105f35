/**
 * Generated package versions: the same seeded sequence the sample organization `acme` has always had,
 * so its version ids (81005383, 81005136, …) stay byte-identical as the dataset grows.
 */
import type { PackageVersion } from '../types';
import type { OwnerKind, PackageSpec } from './model';

/** Where version ids come from when a spec gives no `idBase`: one seeded sequence per owner. */
export interface IdSequence {
  next(random: () => number): number;
}

/** GitHub's id steps between versions of an owner: small random gaps, as other accounts publish too. */
export function idSequence(start: number): IdSequence {
  let id = start;
  return {
    next(random) {
      id += 1 + Math.floor(random() * 40);
      return id;
    },
  };
}

/** The versions of one package, newest first (GitHub's order), container `latest` tag set. */
export function generateVersions(
  owner: { readonly login: string; readonly kind: OwnerKind },
  spec: PackageSpec,
  random: () => number,
  ids: IdSequence,
): PackageVersion[] {
  const versions: PackageVersion[] = [];
  let time = Date.UTC(2023, 0, 2, 9, 0, 0) + Math.floor(random() * 86_400_000);
  for (let i = 1; i <= spec.count; i++) {
    const id = spec.idBase === undefined ? ids.next(random) : spec.idBase + i;
    time += 3_600_000 + Math.floor(random() * 2 * 86_400_000);
    versions.push(makeVersion(owner, spec, i, id, time, random));
  }
  const latest = [...versions].reverse().find((v) => v.deleted_at === undefined);
  if (spec.type === 'container' && latest) markLatest(versions, latest);
  return versions.reverse();
}

function makeVersion(
  owner: { readonly login: string; readonly kind: OwnerKind },
  spec: PackageSpec,
  index: number,
  id: number,
  time: number,
  random: () => number,
): PackageVersion {
  const semver = `${1 + Math.floor(index / 60)}.${Math.floor(index / 8) % 8}.${index % 8}`;
  const isContainer = spec.type === 'container';
  const name = isContainer ? `sha256:${hex(random, 64)}` : semver;
  const urls = packageUrls(owner.login, spec.type, spec.name, owner.kind);
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

/**
 * API and web URLs of a package as GitHub builds them (the name URL-encoded: `web%2Ffrontend`), under
 * `/orgs/` for an organization and `/users/` for a user.
 */
export function packageUrls(
  owner: string,
  type: string,
  name: string,
  kind: OwnerKind = 'Organization',
): { api: string; html: string; htmlBase: string } {
  const n = encodeURIComponent(name);
  const scope = kind === 'Organization' ? 'orgs' : 'users';
  return {
    api: `https://api.github.com/${scope}/${owner}/packages/${type}/${n}`,
    html: `https://github.com/${scope}/${owner}/packages/${type}/package/${n}`,
    htmlBase: `https://github.com/${scope}/${owner}/packages/${type}/${n}`,
  };
}

/** GitHub's timestamp format: ISO 8601 in UTC, whole seconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `length` lowercase hex digits from `random` (a container digest, a commit sha). */
export function hex(random: () => number, length: number): string {
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
