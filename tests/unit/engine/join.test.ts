import { describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import { callKey, type ApiCall } from '../../../src/resources/calls';
import { loadSource } from '../../../src/engine/tables';

const BASE = 'https://api.github.com';
const packagesCall: ApiCall = {
  resource: 'github.packages.org_packages',
  method: 'list_packages_for_organization',
  params: { org: 'acme', package_type: 'container' },
};
const PACKAGES = [
  { id: 1, name: 'web', package_type: 'container', visibility: 'public', version_count: 2 },
  { id: 2, name: 'api', package_type: 'container', visibility: 'private', version_count: 1 },
  { id: 3, name: 'empty', package_type: 'container', visibility: 'private', version_count: 0 },
];
const versionsCall = (name: string): ApiCall => ({
  resource: 'github.packages.org_versions',
  method: 'get_all_package_versions_for_package_owned_by_org',
  params: { org: 'acme', package_type: 'container', package_name: name },
});
const VERSIONS: Record<string, { id: number; name: string; created_at: string }[]> = {
  web: [
    { id: 11, name: 'v2', created_at: '2024-02-01T00:00:00Z' },
    { id: 10, name: 'v1', created_at: '2024-01-01T00:00:00Z' },
  ],
  api: [{ id: 20, name: 'v1', created_at: '2024-03-01T00:00:00Z' }],
  empty: [],
};

const JOIN_SQL = `SELECT p.name AS package, v.name AS version, v.created_at
FROM org_packages p
JOIN org_versions v ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;

function loaded(names: readonly string[]) {
  const core = createCore();
  const pk = callKey(BASE, packagesCall);
  core.load(pk, loadSource(packagesCall), PACKAGES, true);
  const vks = names.map((n) => {
    const call = versionsCall(n);
    const key = callKey(BASE, call);
    core.load(key, loadSource(call), VERSIONS[n] ?? [], true);
    return key;
  });
  return { core, pk, vks };
}

function rows(r: ReturnType<ReturnType<typeof createCore>['run']>) {
  if (!r.ok) throw new Error(r.error.message);
  return r.value.rows;
}

describe('engine JOINs', () => {
  it('joins on the params each dependent dataset was fetched with', () => {
    const { core, pk, vks } = loaded(['web', 'api', 'empty']);
    const out = rows(
      core.run(JOIN_SQL, 'org_packages', [pk], 100, { joined: { table: 'org_versions', keys: vks } }),
    );
    expect(out).toEqual([
      { package: 'web', version: 'v2', created_at: '2024-02-01T00:00:00Z' },
      { package: 'web', version: 'v1', created_at: '2024-01-01T00:00:00Z' },
      { package: 'api', version: 'v1', created_at: '2024-03-01T00:00:00Z' },
    ]);
  });

  it('a LEFT JOIN keeps driving rows without matches: the WHERE param terms are not filters', () => {
    const { core, pk, vks } = loaded(['web', 'api', 'empty']);
    const sql = JOIN_SQL.replace('\nJOIN', '\nLEFT JOIN');
    const out = rows(
      core.run(sql, 'org_packages', [pk], 100, { joined: { table: 'org_versions', keys: vks } }),
    );
    expect(out).toContainEqual({ package: 'empty' });
    expect(out).toHaveLength(4);
    // With no dependent rows at all (no keys), every driving row stays.
    const none = rows(
      core.run(sql, 'org_packages', [pk], 100, { joined: { table: 'org_versions', keys: [] } }),
    );
    expect(none.map((r) => r.package)).toEqual(['web', 'api', 'empty']);
  });

  it('other WHERE terms on the joined rows still filter', () => {
    const { core, pk, vks } = loaded(['web', 'api']);
    const out = rows(
      core.run(`${JOIN_SQL} AND v.name = 'v2'`, 'org_packages', [pk], 100, {
        joined: { table: 'org_versions', keys: vks },
      }),
    );
    expect(out).toEqual([{ package: 'web', version: 'v2', created_at: '2024-02-01T00:00:00Z' }]);
  });

  it('gives the distinct keys of the driving rows that pass the WHERE terms reading only them', () => {
    const { core, pk } = loaded([]);
    const keysOf = (sql: string) =>
      rows(
        core.run(sql, 'org_packages', [pk], 100, {
          joined: { table: 'org_versions', keys: [] },
          distinct: { columns: ['name', 'package_type'] },
        }),
      );
    expect(keysOf(JOIN_SQL)).toEqual([
      { name: 'web', package_type: 'container' },
      { name: 'api', package_type: 'container' },
      { name: 'empty', package_type: 'container' },
    ]);
    expect(keysOf(`${JOIN_SQL} AND p.visibility = 'private' AND v.name = 'v1'`)).toEqual([
      { name: 'api', package_type: 'container' },
      { name: 'empty', package_type: 'container' },
    ]);
    expect(keysOf(`${JOIN_SQL} AND (p.name LIKE 'w%' OR p.version_count = 1)`).map((k) => k.name)).toEqual([
      'web',
      'api',
    ]);
    // A term mixing both tables is no pre-filter: it is applied after the join.
    expect(keysOf(`${JOIN_SQL} AND p.name = v.name`)).toHaveLength(3);
  });

  it('refuses keys of a column that is not a plain name', () => {
    const { core, pk } = loaded([]);
    const r = core.run(JOIN_SQL, 'org_packages', [pk], 100, {
      joined: { table: 'org_versions', keys: [] },
      distinct: { columns: ['name]; DROP'] },
    });
    expect(r.ok).toBe(false);
  });
});

describe('JOIN keys', () => {
  it('joins packages named like JavaScript built-ins, and forgets the index when the rows change', () => {
    const core = createCore();
    const names = ['constructor', '__proto__', 'toString'];
    const packages = (list: readonly string[]) =>
      list.map((name, i) => ({ id: i + 1, name, package_type: 'container' }));
    const pk = callKey(BASE, packagesCall);
    const vks = names.map((n) => {
      const call = versionsCall(n);
      const key = callKey(BASE, call);
      core.load(
        key,
        loadSource(call),
        [{ id: n.length, name: `${n}-v1`, created_at: '2024-01-01T00:00:00Z' }],
        true,
      );
      return key;
    });
    core.load(pk, loadSource(packagesCall), packages(names), true);
    // One equality: alasql answers it from an index of the right side's values.
    const sql = JOIN_SQL.replace(' AND v.package_type = p.package_type', '');
    const run = () =>
      rows(core.run(sql, 'org_packages', [pk], 100, { joined: { table: 'org_versions', keys: vks } }));
    expect(run().map((r) => r.version)).toEqual(['constructor-v1', '__proto__-v1', 'toString-v1']);
    // Same query, other rows: alasql would reuse the index it built over the first rows.
    core.load(pk, loadSource(packagesCall), packages(['toString']), true);
    expect(run().map((r) => r.version)).toEqual(['toString-v1']);
  });
});
