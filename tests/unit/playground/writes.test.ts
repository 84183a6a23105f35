import { describe, expect, it } from 'vitest';

import { confirmTitle, targetLabel } from '../../../src/components/Playground/confirm/confirmText';
import { prepareWrite, sendWrite } from '../../../src/components/Playground/run/writes';
import type { FakeGitHub } from '../../../src/github/fake/types';
import type { ApiCall } from '../../../src/resources/calls';
import type { DeletePlan, ExecPlan } from '../../../src/sql/types';
import { BASE, setupRunner, TOKEN, writePlan } from './runnerHarness';

const PKG = `org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'`;
const PATH = `${BASE}/orgs/acme/packages/container/web%2Ffrontend/versions`;

function versions(fake: FakeGitHub) {
  const pkg = fake.dataset.packages.find((p) => p.name === 'web/frontend');
  if (!pkg) throw new Error('no sample package');
  const active = pkg.versions.filter((v) => v.deleted_at === undefined);
  const deleted = pkg.versions.filter((v) => v.deleted_at !== undefined);
  const find = (id: number) => pkg.versions.find((v) => v.id === id);
  return { active, deleted, find };
}

function ids(fake: FakeGitHub, n: number): number[] {
  return versions(fake)
    .active.slice(0, n)
    .map((v) => v.id);
}

const signal = () => new AbortController().signal;

describe('prepareWrite', () => {
  it('looks each version up with GET only and lists the exact DELETE requests', async () => {
    const { fake, client } = setupRunner();
    const [a, b] = ids(fake, 2);
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${a}, ${b})`,
    );
    const pending = await prepareWrite(plan, client, signal());
    expect(pending.targets.map((t) => t.request)).toEqual([`DELETE ${PATH}/${a}`, `DELETE ${PATH}/${b}`]);
    expect(pending.targets.map((t) => t.id)).toEqual([a, b]);
    expect(pending.scopes).toEqual(['read:packages', 'delete:packages']);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${PATH}/${a}`,
      `GET ${PATH}/${b}`,
    ]);
    // Nothing changed: the versions are still active.
    expect(versions(fake).find(a ?? 0)?.deleted_at).toBeUndefined();
    expect(versions(fake).find(b ?? 0)?.deleted_at).toBeUndefined();
  });

  it('shows the name and container tags of each version', async () => {
    const { fake, client } = setupRunner();
    const tagged = versions(fake).active.find((v) => (v.metadata?.container?.tags.length ?? 0) > 0);
    if (!tagged) throw new Error('no tagged version');
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id = ${tagged.id}`,
    );
    const [target] = (await prepareWrite(plan, client, signal())).targets;
    expect(target).toMatchObject({
      id: tagged.id,
      name: tagged.name,
      tags: tagged.metadata?.container?.tags,
    });
    expect(target?.lookupError).toBeUndefined();
  });

  it('lists the exact POST …/restore request of an EXEC', async () => {
    const { fake, client } = setupRunner();
    const gone = versions(fake).deleted[0];
    if (!gone) throw new Error('no deleted version');
    const plan = writePlan(
      `EXEC github.packages.org_versions.restore_package_version_for_org @org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=${gone.id}`,
    );
    const pending = await prepareWrite(plan, client, signal());
    expect(pending.targets.map((t) => t.request)).toEqual([`POST ${PATH}/${gone.id}/restore`]);
    expect(pending.targets[0]?.id).toBe(gone.id);
    expect(pending.scopes).toEqual(['read:packages', 'write:packages']);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(versions(fake).find(gone.id)?.deleted_at).toBeDefined();
  });

  it('keeps a version it could not look up, with the reason, instead of failing', async () => {
    const { client } = setupRunner();
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id = 999999999`,
    );
    const [target] = (await prepareWrite(plan, client, signal())).targets;
    expect(target).toMatchObject({ id: 999999999, request: `DELETE ${PATH}/999999999` });
    expect(target?.lookupError).toMatch(/not found/i);
  });

  it('never puts the token in a request line', async () => {
    const { fake, client } = setupRunner();
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id = ${ids(fake, 1)[0]}`,
    );
    const pending = await prepareWrite(plan, client, signal());
    expect(JSON.stringify(pending)).not.toContain(TOKEN);
  });

  it('stops when cancelled', async () => {
    const { fake, client } = setupRunner({ delayMs: 30 });
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${ids(fake, 3).join(', ')})`,
    );
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 5);
    await expect(prepareWrite(plan, client, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
    expect(fake.requests.length).toBeLessThanOrEqual(1);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('sendWrite', () => {
  it('sends each confirmed DELETE once and says what happened per version', async () => {
    const { fake, client } = setupRunner();
    const [a, b] = ids(fake, 2);
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${a}, ${b})`,
    );
    const pending = await prepareWrite(plan, client, signal());
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE ${PATH}/${a}`,
      `DELETE ${PATH}/${b}`,
    ]);
    expect(outcomes.map((o) => [o.ok, o.message])).toEqual([
      [true, `Deleted version ${a}.`],
      [true, `Deleted version ${b}.`],
    ]);
    expect(versions(fake).find(a ?? 0)?.deleted_at).toBeDefined();
  });

  it('sends a confirmed EXEC restore as one POST', async () => {
    const { fake, client } = setupRunner();
    const gone = versions(fake).deleted[0];
    if (!gone) throw new Error('no deleted version');
    const plan = writePlan(
      `EXEC github.packages.org_versions.restore_package_version_for_org @org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=${gone.id}`,
    );
    const pending = await prepareWrite(plan, client, signal());
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${PATH}/${gone.id}/restore`]);
    expect(outcomes).toMatchObject([{ ok: true, message: `Restored version ${gone.id}.` }]);
    expect(versions(fake).find(gone.id)?.deleted_at).toBeUndefined();
  });

  it('never retries a failed write (500), reports it, and goes on with the next version', async () => {
    const { fake, client } = setupRunner();
    const [a, b] = ids(fake, 2);
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${a}, ${b})`,
    );
    const pending = await prepareWrite(plan, client, signal());
    fake.resetRequests();
    fake.setFaults([{ nth: 1, action: { type: 'status', status: 500 } }]);
    const outcomes = await sendWrite(pending, client, signal());
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 500', 'DELETE 204']);
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0]?.message).toMatch(/500|server|error/i);
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(versions(fake).find(a ?? 0)?.deleted_at).toBeUndefined();
  });

  it('reports a missing scope per version, without retrying', async () => {
    const { fake, client } = setupRunner({ scopes: ['read:packages'] });
    const [a] = ids(fake, 1);
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id = ${a}`,
    );
    const pending = await prepareWrite(plan, client, signal());
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(fake.requests).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0]?.message).toContain('delete:packages');
  });

  it('sends nothing once cancelled, and says so for each version', async () => {
    const { fake, client } = setupRunner();
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${ids(fake, 2).join(', ')})`,
    );
    const pending = await prepareWrite(plan, client, signal());
    fake.resetRequests();
    const controller = new AbortController();
    controller.abort();
    const outcomes = await sendWrite(pending, client, controller.signal);
    expect(fake.requests).toHaveLength(0);
    expect(outcomes.map((o) => [o.ok, o.message])).toEqual([
      [false, 'Not sent: cancelled.'],
      [false, 'Not sent: cancelled.'],
    ]);
  });

  it('sends nothing at all when only prepareWrite ran', async () => {
    const { fake, client } = setupRunner();
    const before = JSON.stringify(fake.dataset);
    const plan = writePlan(
      `DELETE FROM github.packages.org_versions WHERE ${PKG} AND package_version_id IN (${ids(fake, 3).join(', ')})`,
    );
    await prepareWrite(plan, client, signal());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(JSON.stringify(fake.dataset)).toBe(before);
  });
});

describe("what the dialog says and Confirm does comes from each call's HTTP method", () => {
  const T = 'github.packages.org_versions';
  const DELETE = 'delete_package_version_for_org';
  const RESTORE = 'restore_package_version_for_org';
  const call = (method: string, id: number): ApiCall => ({
    resource: T,
    method,
    params: { org: 'acme', package_type: 'container', package_name: 'web/frontend', package_version_id: id },
  });
  /** A plan whose keyword and calls disagree, as a planner bug or a crafted plan would make it. */
  const mismatched = (kind: 'delete' | 'exec', calls: ApiCall[]): DeletePlan | ExecPlan => ({
    kind,
    resource: T,
    method: kind === 'exec' ? RESTORE : DELETE,
    calls,
  });

  it('says Delete for an ordinary DELETE and Restore for an ordinary EXEC restore', async () => {
    const { fake, client } = setupRunner();
    const [a, b] = ids(fake, 2);
    const gone = versions(fake).deleted[0]?.id ?? 0;
    const del = await prepareWrite(
      writePlan(`DELETE FROM ${T} WHERE ${PKG} AND package_version_id IN (${a}, ${b})`),
      client,
      signal(),
    );
    expect(confirmTitle(del.targets)).toBe('Delete 2 package versions?');
    expect(del.targets.map(targetLabel)).toEqual([`Delete version ${a}`, `Delete version ${b}`]);
    const restore = await prepareWrite(
      writePlan(
        `EXEC ${T}.${RESTORE} @org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=${gone}`,
      ),
      client,
      signal(),
    );
    expect(confirmTitle(restore.targets)).toBe('Restore 1 package version?');
    expect(restore.targets.map(targetLabel)).toEqual([`Restore version ${gone}`]);
  });

  it('an EXEC plan whose call is a DELETE is shown, sent and reported as a Delete', async () => {
    const { fake, client } = setupRunner();
    const [a = 0] = ids(fake, 1);
    const pending = await prepareWrite(mismatched('exec', [call(DELETE, a)]), client, signal());
    expect(confirmTitle(pending.targets)).toBe('Delete 1 package version?');
    expect(pending.targets.map(targetLabel)).toEqual([`Delete version ${a}`]);
    expect(pending.targets[0]?.request).toBe(`DELETE ${PATH}/${a}`);
    expect(pending.scopes).toEqual(['read:packages', 'delete:packages']);
    // Looked up as a live version (a GET), not among deleted ones.
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${PATH}/${a}`]);
    expect(pending.targets[0]?.lookupError).toBeUndefined();
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(fake.requests.map((r) => r.method)).toEqual(['DELETE']);
    expect(outcomes.map((o) => o.message)).toEqual([`Deleted version ${a}.`]);
  });

  it('a DELETE plan whose call is a restore POST is shown and reported as a Restore', async () => {
    const { fake, client } = setupRunner();
    const gone = versions(fake).deleted[0]?.id ?? 0;
    const pending = await prepareWrite(mismatched('delete', [call(RESTORE, gone)]), client, signal());
    expect(confirmTitle(pending.targets)).toBe('Restore 1 package version?');
    expect(pending.targets[0]?.request).toBe(`POST ${PATH}/${gone}/restore`);
    expect(pending.scopes).toEqual(['read:packages', 'write:packages']);
    fake.resetRequests();
    const outcomes = await sendWrite(pending, client, signal());
    expect(outcomes.map((o) => o.message)).toEqual([`Restored version ${gone}.`]);
  });

  it('names both actions when the calls mix them, and every scope they need', async () => {
    const { fake, client } = setupRunner();
    const [a = 0] = ids(fake, 1);
    const gone = versions(fake).deleted[0]?.id ?? 0;
    const pending = await prepareWrite(
      mismatched('exec', [call(DELETE, a), call(RESTORE, gone)]),
      client,
      signal(),
    );
    expect(confirmTitle(pending.targets)).toBe('Delete 1 and restore 1 package versions?');
    expect(pending.targets.map(targetLabel)).toEqual([`Delete version ${a}`, `Restore version ${gone}`]);
    expect(pending.scopes).toEqual(['read:packages', 'delete:packages', 'write:packages']);
  });

  it('refuses a write plan whose call is not a write, sending nothing', async () => {
    const { fake, client } = setupRunner();
    const [a = 0] = ids(fake, 1);
    await expect(
      prepareWrite(mismatched('exec', [call('get_package_version_for_organization', a)]), client, signal()),
    ).rejects.toMatchObject({ code: 'invalid_call' });
    expect(fake.requests).toEqual([]);
  });
});
