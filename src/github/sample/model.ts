/**
 * The data the fake GitHub API serves: owners (organizations and users), their packages, and each
 * package's versions. Delete and restore change it in place, as GitHub would change its own records.
 */
import type { PackageVersion } from '../types';

/** The package types GitHub Packages knows, in the OpenAPI description's order. */
export const PACKAGE_TYPES = ['npm', 'maven', 'rubygems', 'docker', 'nuget', 'container'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

/** Whether an owner is reached through `/orgs/{org}` or `/users/{username}`. */
export type OwnerKind = 'Organization' | 'User';

/** `public` or `private`: the `package` schema's values (`internal` lists as `private` there). */
export type PackageVisibility = 'public' | 'private';

/** A package of the fake API: its versions (newest first) and what GitHub knows besides them. */
export interface FakePackage {
  readonly id: number;
  readonly type: PackageType;
  readonly name: string;
  visibility: PackageVisibility;
  /** Name of the owner's repository the package is linked to, or null for none. */
  readonly repository: string | null;
  readonly created_at: string;
  updated_at: string;
  /** Deleted packages are not listed and answer 404 until restored. */
  deleted: boolean;
  /** Ids of the versions the package's deletion deleted: restoring the package restores these. */
  deletedWithPackage: number[];
  /** Listed by `/docker/conflicts`: a `docker` package whose migration to ghcr.io conflicted. */
  readonly migrationConflict: boolean;
  /** Versions, newest first, including deleted ones (those with `deleted_at`). */
  versions: PackageVersion[];
  /** Ids of versions with more than 5,000 downloads, which GitHub refuses to delete. */
  readonly popular: ReadonlySet<number>;
}

/** An organization or a user with packages. */
export interface FakeOwner {
  readonly login: string;
  readonly id: number;
  readonly kind: OwnerKind;
  readonly packages: FakePackage[];
}

/** What the fake API serves. */
export interface FakeDataset {
  /** Every organization and user, each reachable by its own path (`/orgs/…` or `/users/…`). */
  readonly owners: FakeOwner[];
  /** Login of the user a token stands for: `/user/...` answers for them. */
  readonly authenticatedUser: string;
  /**
   * The first organization's login and packages (the same array as its owner's): the shape a
   * one-organization dataset had, kept for callers that only know `acme`.
   */
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
  /** Default `private`. */
  readonly visibility?: PackageVisibility;
  /** The linked repository's name; none when absent. */
  readonly repository?: string;
  /** The package itself is deleted (restorable). */
  readonly deleted?: boolean;
  /** Listed as a Docker migration conflict (for `docker` packages). */
  readonly migrationConflict?: boolean;
  /**
   * Version ids are `idBase + n` for the n-th version (by age), for ids the docs and tests name;
   * otherwise they are drawn from the owner's seeded sequence.
   */
  readonly idBase?: number;
  /** How many of the oldest versions have more than 5,000 downloads; default 3. */
  readonly popular?: number;
}

/** Shape of one generated owner. */
export interface OwnerSpec {
  readonly login: string;
  readonly kind: OwnerKind;
  /** GitHub's account id; derived from the owner's position when absent. */
  readonly id?: number;
  readonly packages: readonly PackageSpec[];
}

/** Shape of a generated dataset. */
export interface DatasetSpec {
  readonly owners: readonly OwnerSpec[];
  /** Login of the user `/user/...` answers for; default `octocat`. */
  readonly authenticatedUser?: string;
}
