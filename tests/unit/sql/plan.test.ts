import { describe, expect, it } from 'vitest';

import { MAX_FAN_OUT } from '../../../src/sql/params';
import { error, plan } from './planOrError';

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const LIST = 'get_all_package_versions_for_package_owned_by_org';
const GET = 'get_package_version_for_organization';
const KEY = { org: 'acme', package_name: 'web', package_type: 'container' };

describe('SELECT planning', () => {
  it('picks the list method from org, package_name and package_type', () => {
    expect(plan(`SELECT id FROM ${T} ${W}`)).toMatchObject({
      kind: 'select',
      resource: T,
      method: LIST,
      calls: [{ resource: T, method: LIST, params: KEY }],
    });
  });

  it('picks the get method when package_version_id is given too', () => {
    expect(plan(`SELECT id FROM ${T} ${W} AND package_version_id = 7`)).toMatchObject({
      method: GET,
      calls: [{ method: GET, params: { ...KEY, package_version_id: 7 } }],
    });
  });

  it('reads params written either way round, and in any order', () => {
    const p = plan(
      `SELECT id FROM ${T} WHERE 'container' = package_type AND package_name = 'web' AND org = 'acme'`,
    );
    expect(p).toMatchObject({ calls: [{ params: KEY }] });
  });

  it('passes state to the list call as its query param', () => {
    expect(plan(`SELECT id FROM ${T} ${W} AND state = 'deleted'`)).toMatchObject({
      calls: [{ params: { ...KEY, state: 'deleted' } }],
    });
  });

  it('fans IN lists out to one call per combination, in the order written', () => {
    const p = plan(
      `SELECT id FROM ${T} WHERE org = 'acme' AND package_name IN ('a', 'b') AND package_type IN ('npm', 'maven')`,
    );
    if (p.kind !== 'select') throw new Error(p.kind);
    expect(p.calls.map((c) => [c.params.package_name, c.params.package_type])).toEqual([
      ['a', 'npm'],
      ['a', 'maven'],
      ['b', 'npm'],
      ['b', 'maven'],
    ]);
  });

  it(`refuses more than ${MAX_FAN_OUT} calls`, () => {
    const names = Array.from({ length: 7 }, (_, i) => `'p${i}'`).join(', ');
    const e = error(
      `SELECT id FROM ${T} WHERE org = 'acme' AND package_name IN (${names}) AND package_type IN ('npm', 'maven', 'docker')`,
    );
    expect(e.code).toBe('fan-out');
    expect(e.message).toContain('21 API calls');
    expect(e.message).toContain(`${MAX_FAN_OUT}`);
  });

  it('plans no call for contradictory params, and keeps IN values both terms allow', () => {
    expect(plan(`SELECT id FROM ${T} ${W} AND org = 'other'`)).toMatchObject({ calls: [] });
    const p = plan(
      `SELECT id FROM ${T} ${W} AND package_version_id IN (1, 2) AND package_version_id IN (2, 3)`,
    );
    expect(p).toMatchObject({ calls: [{ params: { package_version_id: 2 } }] });
  });

  it('keeps terms under OR and non-param terms local, so they do not become params', () => {
    const p = plan(`SELECT id FROM ${T} ${W} AND (package_version_id = 1 OR id = 2)`);
    expect(p).toMatchObject({ method: LIST });
  });

  it('pushes a LIMIT down only when no local filter, ORDER BY, GROUP BY, DISTINCT or aggregate needs every row', () => {
    const maxRows = (sql: string) => {
      const p = plan(sql);
      return p.kind === 'select' ? p.maxRows : 'not a select';
    };
    expect(maxRows(`SELECT id FROM ${T} ${W} LIMIT 5`)).toBe(5);
    expect(maxRows(`SELECT id FROM ${T} ${W} LIMIT 5 OFFSET 10`)).toBe(15);
    expect(maxRows(`SELECT TOP 3 id FROM ${T} ${W}`)).toBe(3);
    expect(maxRows(`SELECT id FROM ${T} ${W} AND id > 1 LIMIT 5`)).toBeUndefined();
    expect(maxRows(`SELECT id FROM ${T} ${W} ORDER BY id LIMIT 5`)).toBeUndefined();
    expect(maxRows(`SELECT name, COUNT(*) FROM ${T} ${W} GROUP BY name LIMIT 5`)).toBeUndefined();
    expect(maxRows(`SELECT DISTINCT name FROM ${T} ${W} LIMIT 5`)).toBeUndefined();
    expect(maxRows(`SELECT COUNT(*) FROM ${T} ${W} LIMIT 5`)).toBeUndefined();
    expect(maxRows(`SELECT id FROM ${T} ${W}`)).toBeUndefined();
  });

  it('hands alasql the same text with the name replaced, every other character in place', () => {
    const sql = `SELECT id\nFROM "github"."packages"."org_versions" ${W};`;
    const p = plan(sql);
    if (p.kind !== 'select') throw new Error(p.kind);
    expect(p.query).toHaveLength(sql.length);
    expect(p.query).toMatch(/^SELECT id\nFROM org_versions +WHERE org = 'acme'/);
    expect(p.table).toBe('org_versions');
  });

  it('accepts a SELECT with no table and makes no call', () => {
    expect(plan('SELECT 1 + 1 AS two')).toMatchObject({ kind: 'select', calls: [] });
  });
});

describe('SELECT refusals', () => {
  it('names the missing params for each method and points to SHOW METHODS', () => {
    const e = error(`SELECT * FROM ${T} WHERE org = 'acme'`);
    expect(e.code).toBe('missing-params');
    expect(e.message).toContain(`${LIST} needs package_name, package_type`);
    expect(e.message).toContain(`${GET} needs package_name, package_type, package_version_id`);
    expect(e.message).toContain(`SHOW METHODS IN ${T}`);
    expect(e).toMatchObject({ line: 1, column: 15, endColumn: 15 + T.length });
  });

  it('treats a param under OR as not given', () => {
    expect(
      error(
        `SELECT * FROM ${T} WHERE org = 'acme' AND package_name = 'web' AND (package_type = 'npm' OR id = 1)`,
      ).code,
    ).toBe('missing-params');
  });

  it('lists the package types when package_type is not one', () => {
    const sql = `SELECT package_type FROM ${T} WHERE org = 'acme' AND package_name = 'web' AND package_type = 'pip'`;
    const e = error(sql);
    expect(e.code).toBe('invalid-param');
    expect(e.message).toContain('npm, maven, rubygems, docker, nuget, container');
    // Underlines the WHERE term, not the same name in the select list.
    expect(e).toMatchObject({ line: 1, column: sql.indexOf("package_type = 'pip'") + 1 });
  });

  it.each([`0`, `-3`, `1.5`, `'4x2'`, `'-1'`, `''`])('refuses package_version_id = %s', (value) => {
    const e = error(`SELECT * FROM ${T} ${W} AND package_version_id = ${value}`);
    expect(e.code).toBe('invalid-param');
    expect(e.message).toMatch(/package_version_id must be a positive integer/);
  });

  it('refuses a state other than active or deleted', () => {
    expect(error(`SELECT * FROM ${T} ${W} AND state = 'gone'`).message).toContain('active, deleted');
  });

  it('refuses a string param given as a number, and an empty one', () => {
    expect(
      error(`SELECT * FROM ${T} WHERE org = 1 AND package_name = 'w' AND package_type = 'npm'`).message,
    ).toMatch(/org must be a string/);
    expect(
      error(`SELECT * FROM ${T} WHERE org = '' AND package_name = 'w' AND package_type = 'npm'`).message,
    ).toMatch(/org must not be empty/);
  });

  it('refuses a param the chosen method does not take', () => {
    const e = error(`SELECT * FROM ${T} ${W} AND package_version_id = 1 AND state = 'active'`);
    expect(e.code).toBe('invalid-param');
    expect(e.message).toContain(`state is not a param of ${GET}`);
  });

  it('refuses an unknown resource, naming it', () => {
    const e = error(`SELECT * FROM github.packages.user_versionz ${W}`);
    expect(e).toMatchObject({ code: 'unknown-resource', line: 1, column: 15 });
    expect(e.message).toContain('Unknown resource github.packages.user_versionz');
    expect(e.message).toContain('Did you mean github.packages.user_versions?');
    expect(error(`SELECT * FROM org_versions ${W}`).code).toBe('unknown-resource');
  });

  it('refuses more than one statement, underlining the second', () => {
    const e = error(`SELECT 1;\nSELECT 2;`);
    expect(e).toMatchObject({ code: 'multiple-statements', line: 2, column: 1 });
  });

  it('reports syntax errors at the offending token', () => {
    const e = error(`SELECT id FROM ${T}\n${W} AND id = = 1`);
    expect(e.code).toBe('syntax');
    // The second '=' is the offending token.
    expect(e).toMatchObject({ line: 2, column: W.length + 11, endColumn: W.length + 12 });
    expect(error(`SELECT id FROM ${T} ${W} AND`)).toMatchObject({ code: 'syntax', line: 1 });
  });

  it('refuses an empty text', () => {
    expect(error('  -- nothing\n ; ').code).toBe('empty');
  });

  it.each(['DROP TABLE x', 'CREATE TABLE x (a INT)', 'ATTACH DATABASE x', 'REQUIRE "x"', 'SOURCE "x.sql"'])(
    'refuses %s',
    (sql) => {
      expect(error(sql)).toMatchObject({ code: 'not-allowed', line: 1, column: 1 });
    },
  );
});

describe('DELETE and EXEC', () => {
  const PARAMS = { ...KEY, package_version_id: 1 };

  it('plans the docs DELETE', () => {
    expect(plan(`DELETE FROM ${T} ${W} AND package_version_id = 1;`)).toEqual({
      kind: 'delete',
      resource: T,
      method: 'delete_package_version_for_org',
      calls: [{ resource: T, method: 'delete_package_version_for_org', params: PARAMS }],
    });
  });

  it('fans a DELETE out over an IN list of ids', () => {
    const p = plan(`DELETE FROM ${T} ${W} AND package_version_id IN (1, 2)`);
    expect(p.kind === 'delete' && p.calls.map((c) => c.params.package_version_id)).toEqual([1, 2]);
  });

  it('refuses a DELETE with anything but params in WHERE, or missing the id', () => {
    expect(error(`DELETE FROM ${T} ${W} AND package_version_id = 1 AND name = 'x'`).code).toBe('not-allowed');
    expect(error(`DELETE FROM ${T} ${W} AND (package_version_id = 1 OR package_version_id = 2)`).code).toBe(
      'not-allowed',
    );
    const e = error(`DELETE FROM ${T} ${W}`);
    expect(e.code).toBe('missing-params');
    expect(e.message).toContain('delete_package_version_for_org needs package_version_id');
  });

  it('plans the docs EXEC', () => {
    const sql = `EXEC ${T}.restore_package_version_for_org @org='acme', @package_name='web', @package_type='container', @package_version_id=1;`;
    expect(plan(sql)).toEqual({
      kind: 'exec',
      resource: T,
      method: 'restore_package_version_for_org',
      calls: [{ resource: T, method: 'restore_package_version_for_org', params: PARAMS }],
    });
  });

  it('takes a quoted id in EXEC as the number the API needs', () => {
    const sql = `EXEC ${T}.restore_package_version_for_org @org='acme', @package_name='web', @package_type='container', @package_version_id='1'`;
    expect(plan(sql)).toMatchObject({ calls: [{ params: PARAMS }] });
  });

  it('refuses an EXEC with a missing, unknown, repeated or invalid param, or an unknown method', () => {
    const head = `EXEC ${T}.restore_package_version_for_org`;
    expect(error(`${head} @org='acme', @package_name='web', @package_type='container'`).message).toContain(
      'restore_package_version_for_org needs package_version_id',
    );
    expect(error(`${head} @org='acme', @org='b'`).message).toContain('given twice');
    expect(
      error(`${head} @org='a', @package_name='w', @package_type='npm', @package_version_id=1, @x=1`).code,
    ).toBe('invalid-param');
    expect(
      error(`${head} @org='a', @package_name='w', @package_type='npm', @package_version_id=-1`).code,
    ).toBe('invalid-param');
    expect(error(`EXEC ${T}.explode @org='a'`).code).toBe('unknown-method');
    expect(error(`EXEC ${T}.restore_package_version_for_org org='a'`).code).toBe('syntax');
  });
});
