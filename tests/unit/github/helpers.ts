/** Shared set-up of the GitHub client tests: a fake API in process, a clock that never really waits. */
import type { ApiCall } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import type { Clock } from '../../../src/github/clock';
import { cancelledError } from '../../../src/github/clock';
import { createGitHubClient } from '../../../src/github/client';
import type { GitHubClient, GitHubClientOptions } from '../../../src/github/client';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import type { FakeGitHub, FakeGitHubOptions } from '../../../src/github/fake/types';
import type { RequestLogEntry, WaitEvent } from '../../../src/github/types';

export const BASE = 'https://api.test';
export const TOKEN = 'ghp_TESTTOKEN1234567890abcdefSECRET';

const orgVersions = getResource('github.packages.org_versions');
const LIST = 'get_all_package_versions_for_package_owned_by_org';
const GET = 'get_package_version_for_organization';
const DELETE = 'delete_package_version_for_org';
const RESTORE = 'restore_package_version_for_org';

/** A list call for a package of the sample org. */
export function listCall(type: string, name: string, extra: Record<string, string | number> = {}): ApiCall {
  return {
    resource: orgVersions.id,
    method: LIST,
    params: { org: 'acme', package_type: type, package_name: name, ...extra },
  };
}

/** A call of a version method: `get`, `delete` or `restore`. */
export function versionCall(
  kind: 'get' | 'delete' | 'restore',
  type: string,
  name: string,
  id: number,
): ApiCall {
  const method = { get: GET, delete: DELETE, restore: RESTORE }[kind];
  return {
    resource: orgVersions.id,
    method,
    params: { org: 'acme', package_type: type, package_name: name, package_version_id: id },
  };
}

/** A clock whose `sleep` records the wait and jumps time forward instead of waiting. */
export function instantClock(
  start = Date.UTC(2025, 0, 1),
): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(cancelledError());
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

export interface Setup {
  readonly fake: FakeGitHub;
  readonly client: GitHubClient;
  readonly log: RequestLogEntry[];
  readonly waits: WaitEvent[];
  readonly clock: ReturnType<typeof instantClock>;
}

/** A client with a token against an in-process fake that requires that token. */
export function setup(
  fakeOptions: FakeGitHubOptions = {},
  clientOptions: Partial<GitHubClientOptions> = {},
): Setup {
  const clock = instantClock();
  const fake = createFakeGitHub({ token: TOKEN, now: () => clock.now(), ...fakeOptions });
  const log: RequestLogEntry[] = [];
  const waits: WaitEvent[] = [];
  const client = createGitHubClient({
    baseUrl: BASE,
    token: TOKEN,
    fetch: fake.fetch,
    clock,
    onRequest: (e) => log.push(e),
    ...clientOptions,
  });
  return { fake, client, log, waits, clock };
}

/** Active versions of a sample package. */
export function activeCount(fake: FakeGitHub, name: string): number {
  const pkg = fake.dataset.packages.find((p) => p.name === name);
  return pkg ? pkg.versions.filter((v) => v.deleted_at === undefined).length : 0;
}
