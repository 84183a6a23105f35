import { describe, expect, it } from 'vitest';

import {
  confirmTitle,
  subjectText,
  targetLabel,
} from '../../../src/components/Playground/confirm/confirmText';
import { prepareWrite, sendWrite, type WriteTarget } from '../../../src/components/Playground/run/writes';
import type { FakeGitHub } from '../../../src/github/fake/types';
import { BASE, setupRunner, writePlan } from './runnerHarness';

const signal = () => new AbortController().signal;

function pkg(fake: FakeGitHub, owner: string, name: string) {
  const found = fake.dataset.owners.find((o) => o.login === owner)?.packages.find((p) => p.name === name);
  if (!found) throw new Error(`no sample package ${owner}/${name}`);
  return found;
}
const activeCount = (p: ReturnType<typeof pkg>): number => p.versions.filter((v) => !v.deleted_at).length;
const requests = (fake: FakeGitHub): string[] => fake.requests.map((r) => `${r.method} ${r.url}`);

describe('a package DELETE: the package and its versions', () => {
  const SQL = `DELETE FROM github.packages.org_packages WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'`;
  const PATH = `${BASE}/orgs/acme/packages/container/web%2Ffrontend`;

  it('looks the package up with the catalogue’s GET and counts its versions', async () => {
    const { fake, client } = setupRunner();
    const n = activeCount(pkg(fake, 'acme', 'web/frontend'));
    const pending = await prepareWrite(writePlan(SQL), client, signal());
    expect(requests(fake)).toEqual([`GET ${PATH}`]);
    const [target] = pending.targets;
    expect(target).toMatchObject({
      subject: {
        noun: 'package',
        short: 'package',
        key: ['container', 'web/frontend'],
        children: { name: 'versions', countField: 'version_count' },
      },
      id: 'web/frontend',
      name: 'web/frontend',
      count: n,
      request: `DELETE ${PATH}`,
    });
    expect(target?.lookupError).toBeUndefined();
    expect(confirmTitle(pending.targets)).toBe('Delete 1 package?');
    expect(pending.targets.map(targetLabel)).toEqual([
      `Delete the package container web/frontend and its ${n} versions`,
    ]);
    expect(pending.scopes).toEqual(['read:packages', 'delete:packages']);
    expect(pkg(fake, 'acme', 'web/frontend').deleted).toBe(false);
  });

  it('sends the one DELETE on Confirm and says what went', async () => {
    const { fake, client } = setupRunner();
    const n = activeCount(pkg(fake, 'acme', 'web/frontend'));
    const pending = await prepareWrite(writePlan(SQL), client, signal());
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(requests(fake)).toEqual([`DELETE ${PATH}`]);
    expect(outcomes).toMatchObject([
      { ok: true, message: `Deleted the package container web/frontend and its ${n} versions.` },
    ]);
    expect(pkg(fake, 'acme', 'web/frontend').deleted).toBe(true);
  });

  it('works the same for a user’s and the authenticated user’s packages', async () => {
    const { fake, client } = setupRunner();
    const n = activeCount(pkg(fake, 'octocat', 'hello-world'));
    const user = await prepareWrite(
      writePlan(
        `DELETE FROM github.packages.user_packages WHERE username = 'octocat' AND package_type = 'npm' AND package_name = 'hello-world'`,
      ),
      client,
      signal(),
    );
    expect(user.targets.map(targetLabel)).toEqual([
      `Delete the package npm hello-world and its ${n} versions`,
    ]);
    expect(user.targets[0]?.request).toBe(`DELETE ${BASE}/users/octocat/packages/npm/hello-world`);
    const auth = await prepareWrite(
      writePlan(
        `DELETE FROM github.packages.auth_user_packages WHERE package_type = 'npm' AND package_name = 'hello-world'`,
      ),
      client,
      signal(),
    );
    expect(auth.targets.map(targetLabel)).toEqual([
      `Delete the package npm hello-world and its ${n} versions`,
    ]);
    expect(auth.targets[0]?.request).toBe(`DELETE ${BASE}/user/packages/npm/hello-world`);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('keeps a package it could not find, with the reason, and counts nothing', async () => {
    const { client } = setupRunner();
    const pending = await prepareWrite(
      writePlan(
        `DELETE FROM github.packages.org_packages WHERE org = 'acme' AND package_type = 'npm' AND package_name = 'no-such-thing'`,
      ),
      client,
      signal(),
    );
    const [target] = pending.targets;
    expect(target?.lookupError).toMatch(/not found/i);
    expect(target?.hidden).toBeUndefined();
    expect(pending.targets.map(targetLabel)).toEqual([
      'Delete the package npm no-such-thing and all its versions',
    ]);
  });
});

describe('an EXEC restore of a deleted package', () => {
  const RESTORE = `EXEC github.packages.org_packages.restore_package_for_org @org='acme', @package_type='npm', @package_name='old-dashboard'`;

  it('says the package is not visible until restored, instead of failing the lookup', async () => {
    const { fake, client } = setupRunner();
    const pending = await prepareWrite(writePlan(RESTORE), client, signal());
    const [target] = pending.targets;
    expect(target).toMatchObject({
      subject: { noun: 'package', key: ['npm', 'old-dashboard'] },
      hidden: true,
      request: `POST ${BASE}/orgs/acme/packages/npm/old-dashboard/restore`,
    });
    expect(target?.lookupError).toBeUndefined();
    expect(confirmTitle(pending.targets)).toBe('Restore 1 package?');
    expect(pending.targets.map(targetLabel)).toEqual([
      'Restore the package npm old-dashboard (deleted packages are not visible until restored, so its versions cannot be counted yet)',
    ]);
    expect(pending.scopes).toEqual(['read:packages', 'write:packages']);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(pkg(fake, 'acme', 'old-dashboard').deleted).toBe(true);
  });

  it('sends the one POST on Confirm and the package is back', async () => {
    const { fake, client } = setupRunner();
    const pending = await prepareWrite(writePlan(RESTORE), client, signal());
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(requests(fake)).toEqual([`POST ${BASE}/orgs/acme/packages/npm/old-dashboard/restore`]);
    expect(outcomes).toMatchObject([{ ok: true, message: 'Restored the package npm old-dashboard.' }]);
    expect(pkg(fake, 'acme', 'old-dashboard').deleted).toBe(false);
  });

  it('a user’s deleted package too; a visible package shows its count', async () => {
    const { fake, client } = setupRunner();
    const user = await prepareWrite(
      writePlan(
        `EXEC github.packages.user_packages.restore_package_for_user @username='octocat', @package_type='npm', @package_name='legacy-cli'`,
      ),
      client,
      signal(),
    );
    expect(user.targets[0]).toMatchObject({ hidden: true, subject: { key: ['npm', 'legacy-cli'] } });
    const live = await prepareWrite(
      writePlan(
        `EXEC github.packages.org_packages.restore_package_for_org @org='acme', @package_type='npm', @package_name='ui-kit'`,
      ),
      client,
      signal(),
    );
    const n = activeCount(pkg(fake, 'acme', 'ui-kit'));
    expect(live.targets.map(targetLabel)).toEqual([`Restore the package npm ui-kit and its ${n} versions`]);
  });

  it('sends nothing when refused: only the lookup ran', async () => {
    const { fake, client } = setupRunner();
    const before = JSON.stringify(fake.dataset);
    await prepareWrite(writePlan(RESTORE), client, signal());
    expect(fake.requests.map((r) => r.method)).toEqual(['GET']);
    expect(JSON.stringify(fake.dataset)).toBe(before);
  });
});

describe('version writes of every owner go through the catalogue’s lookup', () => {
  it('finds a deleted version for a restore where the list shows deleted ones, else says it is hidden', async () => {
    const { fake, client } = setupRunner();
    const gone = pkg(fake, 'octocat', 'hello-world').versions.find((v) => v.id === 5100017);
    expect(gone?.deleted_at).toBeDefined();
    const auth = await prepareWrite(
      writePlan(
        `EXEC github.packages.auth_user_versions.restore_package_version_for_authenticated_user @package_type='npm', @package_name='hello-world', @package_version_id=5100017`,
      ),
      client,
      signal(),
    );
    expect(auth.targets[0]).toMatchObject({
      subject: { noun: 'package version', short: 'version' },
      id: 5100017,
      name: gone?.name,
    });
    expect(auth.targets.map(targetLabel)).toEqual(['Restore version 5100017']);
    // GitHub's list of another user's versions has no `state`: the deleted version cannot be seen.
    const user = await prepareWrite(
      writePlan(
        `EXEC github.packages.user_versions.restore_package_version_for_user @username='octocat', @package_type='npm', @package_name='hello-world', @package_version_id=5100017`,
      ),
      client,
      signal(),
    );
    expect(user.targets[0]).toMatchObject({
      subject: { noun: 'package version' },
      id: 5100017,
      hidden: true,
    });
    expect(user.targets[0]?.lookupError).toBeUndefined();
    expect(user.targets.map(targetLabel)).toEqual(['Restore version 5100017 (not visible until restored)']);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('looks a live version of a user’s package up with its GET', async () => {
    const { fake, client } = setupRunner();
    const live = pkg(fake, 'octocat', 'hello-world').versions.find((v) => v.id === 5100042);
    const [target] = (
      await prepareWrite(
        writePlan(
          `DELETE FROM github.packages.user_versions WHERE username = 'octocat' AND package_type = 'npm' AND package_name = 'hello-world' AND package_version_id = 5100042`,
        ),
        client,
        signal(),
      )
    ).targets;
    expect(target).toMatchObject({ subject: { noun: 'package version' }, id: 5100042, name: live?.name });
    expect(target?.lookupError).toBeUndefined();
  });
});

describe('confirmText', () => {
  const action = { verb: 'Delete', done: 'Deleted' } as const;
  const restore = { verb: 'Restore', done: 'Restored' } as const;
  const call = { resource: 'r', method: 'm', params: {} };
  const PACKAGE: WriteTarget['subject'] = {
    noun: 'package',
    nouns: 'packages',
    short: 'package',
    ofCollection: true,
    key: ['npm', 'a'],
    children: { name: 'versions', countField: 'version_count' },
  };
  const VERSION: WriteTarget['subject'] = {
    noun: 'package version',
    nouns: 'package versions',
    short: 'version',
    ofCollection: true,
    key: [7],
  };
  const target = (extra: Partial<WriteTarget>): WriteTarget => ({
    call,
    action,
    subject: PACKAGE,
    request: 'DELETE x',
    id: 'a',
    ...extra,
  });

  it('counts one version in the singular', () => {
    expect(subjectText(target({ count: 1 }))).toBe('the package npm a and its 1 version');
    expect(subjectText(target({ count: 0 }))).toBe('the package npm a and its 0 versions');
  });

  it('says all its versions go when the lookup could not count them', () => {
    expect(subjectText(target({}))).toBe('the package npm a and all its versions');
  });

  it('a version is its id, whatever the lookup found', () => {
    expect(targetLabel(target({ subject: VERSION, id: 7, name: 'v1', tags: ['latest'] }))).toBe(
      'Delete version 7',
    );
    expect(targetLabel(target({ subject: VERSION, id: 7, action: restore }))).toBe('Restore version 7');
  });

  it('titles each subject apart when a write mixes them', () => {
    expect(
      confirmTitle([
        target({}),
        target({ subject: { ...VERSION, key: [1] }, id: 1 }),
        target({ subject: { ...VERSION, key: [2] }, id: 2, action: restore }),
      ]),
    ).toBe('Delete 1 package and delete 1 and restore 1 package versions?');
    expect(confirmTitle([target({}), target({ id: 'q' })])).toBe('Delete 2 packages?');
    expect(confirmTitle([])).toBe('Nothing to change.');
  });
});
