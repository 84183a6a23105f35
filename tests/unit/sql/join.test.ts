import { describe, expect, it } from 'vitest';

import { getResource } from '../../../src/resources/registry';
import { dependentCalls, MAX_DEPENDENT_CALLS, tooManyCalls } from '../../../src/sql/joinPlan';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';

const JOIN = `SELECT p.name AS package, v.name AS version, v.created_at
FROM github.packages.org_packages p
JOIN github.packages.org_versions v
  ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;

function select(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'select') throw new Error(r.value.kind);
  return r.value;
}

function error(sql: string) {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`planned: ${sql}`);
  return r.error;
}

describe('JOIN planning with StackQL data flow', () => {
  it('drives from the table WHERE satisfies and feeds the other from ON', () => {
    const p = select(JOIN);
    expect(p).toMatchObject({
      resource: 'github.packages.org_packages',
      method: 'list_packages_for_organization',
      table: 'org_packages',
      streamable: false,
      calls: [
        {
          resource: 'github.packages.org_packages',
          method: 'list_packages_for_organization',
          params: { org: 'acme', package_type: 'container' },
        },
      ],
      join: {
        resource: 'github.packages.org_versions',
        method: 'get_all_package_versions_for_package_owned_by_org',
        table: 'org_versions',
        feeds: [
          { param: 'package_name', column: 'name' },
          { param: 'package_type', column: 'package_type' },
        ],
        fixed: [{ org: 'acme' }],
        maxCalls: MAX_DEPENDENT_CALLS,
        unit: 'package',
      },
    });
    expect(p.maxRows).toBeUndefined();
  });

  it('drives from the JOIN table when FROM is the dependent one, and takes LEFT JOIN', () => {
    const p = select(`SELECT v.id, p.name FROM github.packages.org_versions v
      LEFT JOIN github.packages.org_packages p ON p.name = v.package_name AND v.package_type = p.package_type
      WHERE v.org = 'acme' AND p.org = 'acme' AND p.package_type = 'npm'`);
    expect(p.resource).toBe('github.packages.org_packages');
    expect(p.join?.resource).toBe('github.packages.org_versions');
    expect(p.join?.feeds.map((f) => f.param)).toEqual(['package_name', 'package_type']);
  });

  it('fetches both tables from WHERE when nothing needs feeding', () => {
    const p = select(`SELECT p.name, u.name FROM github.packages.org_packages p
      JOIN github.packages.user_packages u ON u.name = p.name
      WHERE p.org = 'acme' AND p.package_type = 'npm' AND u.username = 'octocat' AND u.package_type = 'npm'`);
    expect(p.join).toMatchObject({ feeds: [], fixed: [{ username: 'octocat', package_type: 'npm' }] });
  });

  it('the authenticated user needs no owner param', () => {
    const p = select(`SELECT p.name, v.name FROM github.packages.auth_user_packages p
      JOIN github.packages.auth_user_versions v ON v.package_name = p.name AND v.package_type = p.package_type
      WHERE p.package_type = 'npm'`);
    expect(p.calls[0]?.params).toEqual({ package_type: 'npm' });
    expect(p.join?.fixed).toEqual([{}]);
  });

  it('IN lists on the dependent table multiply its fixed params', () => {
    const p = select(JOIN.replace("v.org = 'acme'", "v.org = 'acme' AND v.state IN ('active', 'deleted')"));
    expect(p.join?.fixed).toEqual([
      { org: 'acme', state: 'active' },
      { org: 'acme', state: 'deleted' },
    ]);
  });

  it('refuses what StackQL would not plan, saying what to write', () => {
    expect(error(JOIN.replace(" AND v.org = 'acme'", '')).message).toMatch(
      /Missing required params for SELECT on github\.packages\.org_versions: .*org.*ON can feed/s,
    );
    expect(error(JOIN.replace("p.org = 'acme' AND ", '').replace(" AND v.org = 'acme'", '')).code).toBe(
      'missing-params',
    );
    expect(
      error(`SELECT name FROM github.packages.org_packages p JOIN github.packages.org_versions v
      ON v.package_name = p.name WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme'`),
    ).toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('ambiguous column name: name') as unknown,
    });
  });

  it.each([
    ['RIGHT JOIN', 'RIGHT JOIN is not supported'],
    ['CROSS JOIN', 'not supported'],
    ['JOIN … USING', 'not supported'],
  ])('refuses %s', (_, message) => {
    const sql =
      _ === 'JOIN … USING'
        ? JOIN.replace(/ON v\.package_name[^\n]+/, 'USING (package_type)')
        : JOIN.replace('JOIN github.packages.org_versions', `${_} github.packages.org_versions`);
    const e = error(sql);
    expect(e.message).toContain(message);
  });

  it.each([
    ['ON with something other than equalities', "ON v.package_name = p.name OR v.package_type = 'npm'"],
    ['ON comparing a column with a value', "ON v.package_name = 'x'"],
    ['ON comparing a table with itself', 'ON v.package_name = v.name'],
  ])('refuses %s', (_, on) => {
    const e = error(JOIN.replace(/ON v\.package_name[^\n]+/, on));
    expect(e).toMatchObject({ code: 'not-allowed' });
    expect(e.message).toContain('ON takes equalities between a column of each table');
  });

  it('refuses a second JOIN, a self-join and a sub-query in JOIN', () => {
    expect(
      error(
        `${JOIN.split('WHERE')[0] ?? ''} JOIN github.packages.user_packages u ON u.name = p.name WHERE p.org = 'a'`,
      ).message,
    ).toContain('One JOIN per query');
    expect(
      error(`SELECT a.id FROM github.packages.org_packages a JOIN github.packages.org_packages b ON a.name = b.name
        WHERE a.org = 'x' AND a.package_type = 'npm'`).message,
    ).toContain('can appear once');
    expect(
      error(
        `SELECT p.id FROM github.packages.org_packages p JOIN (SELECT 1) s ON s.x = p.name WHERE p.org = 'x'`,
      ).code,
    ).toMatch(/not-allowed|syntax|unknown-resource/);
  });

  it('a DELETE takes no JOIN', () => {
    expect(
      error(`DELETE FROM github.packages.org_versions v JOIN github.packages.org_packages p ON p.name = v.package_name
        WHERE org = 'a'`).code,
    ).toMatch(/not-allowed|syntax/);
  });
});

describe('dependent calls from the engine keys', () => {
  const plan = select(JOIN);
  const join = plan.join;
  if (!join) throw new Error('no join');
  const versions = getResource(join.resource);

  it('one call per distinct key, in key order; NULL keys make none', () => {
    const r = dependentCalls(join, versions, [
      { name: 'web/frontend', package_type: 'container' },
      { name: null, package_type: 'container' },
      { name: 'api', package_type: 'container' },
      { name: 'web/frontend', package_type: 'container' },
    ]);
    expect(r.ok && r.value).toEqual([
      {
        resource: 'github.packages.org_versions',
        method: 'get_all_package_versions_for_package_owned_by_org',
        params: { org: 'acme', package_name: 'web/frontend', package_type: 'container' },
      },
      {
        resource: 'github.packages.org_versions',
        method: 'get_all_package_versions_for_package_owned_by_org',
        params: { org: 'acme', package_name: 'api', package_type: 'container' },
      },
    ]);
  });

  it('checks fed values as any param: a bad enum value is an error naming the feed', () => {
    const r = dependentCalls(join, versions, [{ name: 'x', package_type: 'pypi' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/feeds package_type .* from package_type.*must be one of/);
  });

  it('the cap error names the count, the limit and how to narrow it', () => {
    const e = tooManyCalls(join, 73, 'github.packages.org_packages');
    expect(e.code).toBe('fan-out');
    expect(e.message).toContain('73 calls to github.packages.org_versions');
    expect(e.message).toContain(`the limit is ${MAX_DEPENDENT_CALLS}`);
    expect(e.message).toContain('Narrow github.packages.org_packages in WHERE');
  });
});

describe('the plan, before it runs', () => {
  it('says which calls a JOIN makes and how many at most', async () => {
    const { describePlan } = await import('../../../src/sql/describePlan');
    const text = describePlan(select(JOIN));
    expect(text).toContain(
      "1 call: github.packages.org_packages.list_packages_for_organization (org = 'acme', package_type = 'container'), every page",
    );
    expect(text).toContain(
      'then github.packages.org_versions.get_all_package_versions_for_package_owned_by_org once per distinct name, package_type of its packages that pass WHERE (at most 50 calls, one at a time)',
    );
    const meta = planQuery('SHOW METHODS IN github.packages.org_packages');
    if (meta.ok) expect(describePlan(meta.value)).toBe('Answered from the catalogue: no request.');
  });
});

describe('names in a JOIN', () => {
  const base = `FROM github.packages.org_packages p JOIN github.packages.org_versions v
    ON v.package_name = p.name AND v.package_type = p.package_type
    WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme'`;

  it('reads an unqualified column from the one table that has it', () => {
    const r = planQuery(`SELECT p.name, license ${base} AND version_count > 0`);
    expect(r.ok).toBe(true);
  });

  it('refuses a name both tables have, unqualified, even when an output column is named so', () => {
    expect(error(`SELECT p.name AS pn, v.name AS name ${base} AND name = 'x'`).message).toContain(
      'ambiguous column name: name',
    );
    // ORDER BY may name the output column.
    expect(planQuery(`SELECT p.name AS pn, v.name AS name ${base} ORDER BY name`).ok).toBe(true);
  });

  it('refuses SELECT * (it would merge id, name, …), and takes one table whole', () => {
    expect(error(`SELECT * ${base}`).message).toContain('SELECT * would merge the columns');
    expect(error(`SELECT p.*, v.id ${base}`).message).toContain('SELECT * would merge the columns');
    expect(planQuery(`SELECT v.* ${base}`).ok).toBe(true);
  });

  it('refuses an alias that is the other table, and a table name once it has an alias', () => {
    expect(
      error(`SELECT org_versions.name FROM github.packages.org_packages org_versions
        JOIN github.packages.org_versions v ON v.package_name = org_versions.name
        WHERE org_versions.org = 'acme' AND org_versions.package_type = 'npm' AND v.org = 'acme'`).message,
    ).toContain('is the name of the other table');
    expect(error(`SELECT org_packages.name ${base}`).message).toContain('Unknown table org_packages');
  });
});
