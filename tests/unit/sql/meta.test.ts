import { describe, expect, it } from 'vitest';

import { findService, getResource, allResources } from '../../../src/resources/registry';
import { planQuery } from '../../../src/sql/plan';

const orgVersions = getResource('github.packages.org_versions');

function meta(sql: string) {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.kind !== 'meta') throw new Error(r.value.kind);
  return r.value;
}

describe('SHOW and DESCRIBE, from the definition', () => {
  it('SHOW METHODS has StackQL columns and one row per method', () => {
    const m = meta('show methods in github.packages.org_versions;');
    expect(m.columns).toEqual(['MethodName', 'RequiredParams', 'SQLVerb']);
    expect(m.rows).toEqual(
      orgVersions.methods.map((x) => ({
        MethodName: x.name,
        RequiredParams: x.requiredParams.join(', '),
        SQLVerb: x.sqlVerb,
      })),
    );
    expect(m.rows[0]).toEqual({
      MethodName: 'get_all_package_versions_for_package_owned_by_org',
      RequiredParams: 'org, package_name, package_type',
      SQLVerb: 'SELECT',
    });
  });

  it('DESCRIBE lists fields in definition order; EXTENDED adds descriptions', () => {
    const d = meta('DESCRIBE github.packages.org_versions');
    expect(d.columns).toEqual(['name', 'type']);
    expect(d.rows.map((r) => r.name)).toEqual(orgVersions.fields.map((f) => f.name));
    expect(d.rows[0]).toEqual({ name: 'id', type: 'integer' });
    const e = meta('DESCRIBE EXTENDED `github`.`packages`.`org_versions`');
    expect(e.columns).toEqual(['name', 'type', 'description']);
    expect(e.rows[0]).toEqual({
      name: 'id',
      type: 'integer',
      description: 'Unique identifier of the package version.',
    });
  });

  it.each(allResources().map((r) => [r.id, r] as const))(
    'SHOW METHODS and DESCRIBE answer for %s from the catalogue',
    (id, resource) => {
      expect(meta(`SHOW METHODS IN ${id}`).rows.map((r) => r.MethodName)).toEqual(
        resource.methods.map((m) => m.name),
      );
      expect(meta(`DESCRIBE EXTENDED ${id}`).rows).toEqual(
        resource.fields.map((f) => ({ name: f.name, type: f.type, description: f.description })),
      );
    },
  );

  it('SHOW RESOURCES and SHOW SERVICES', () => {
    const service = findService('packages');
    expect(meta('SHOW RESOURCES IN github.packages').rows).toEqual(
      service?.resources.map((r) => ({ name: r.name, id: r.id, description: r.summary })),
    );
    expect(meta('SHOW RESOURCES IN github.packages').rows.map((r) => r.name)).toEqual([
      'auth_user_packages',
      'auth_user_versions',
      'docker_migration_packages',
      'org_packages',
      'org_versions',
      'user_packages',
      'user_versions',
    ]);
    const services = meta('SHOW SERVICES IN github').rows;
    expect(services).toHaveLength(31);
    expect(services).toContainEqual({
      id: 'packages:v24.04.00227',
      name: 'packages',
      title: 'GitHub V3 REST API - Packages',
    });
  });

  it.each([
    ['SHOW METHODS IN github.packages.nope', 'unknown-resource'],
    ['SHOW RESOURCES IN github.nope', 'unknown-resource'],
    ['SHOW SERVICES IN aws', 'unknown-resource'],
    ['SHOW TABLES', 'unsupported-statement'],
    ['SHOW METHODS IN github.packages.org_versions extra', 'syntax'],
    ['DESCRIBE', 'syntax'],
  ])('%s → %s', (sql, code) => {
    const r = planQuery(sql);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
});
