/**
 * Today's StackQL names (`github.packages.package_versions`, `github.packages.packages`) plan on the
 * resource of this catalogue whose method the statement's params satisfy, exactly as the statement
 * written with that resource's own name.
 */
import { describe, expect, it } from 'vitest';

import { planQuery } from '../../../src/sql/plan';
import type { QueryPlan } from '../../../src/sql/types';
import { error, plan } from './planOrError';

const VERSIONS = 'github.packages.package_versions';
const PACKAGES = 'github.packages.packages';

/**
 * The plan of the same text with the alias written as the member's name: what the alias must plan
 * to. The local query differs only in the padding where the (longer) alias stood.
 */
const asMember = (sql: string, alias: string, member: string) =>
  folded(plan(sql.replace(alias, `github.packages.${member}`)));

function folded(p: QueryPlan): QueryPlan {
  return p.kind === 'select' ? { ...p, query: p.query.replace(/\s+/g, ' ') } : p;
}

describe('SELECT and DELETE on an alias', () => {
  it.each([
    [
      `org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'`,
      'org_versions',
      'get_all_package_versions_for_package_owned_by_org',
    ],
    [
      `org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend' AND package_version_id = 81005383`,
      'org_versions',
      'get_package_version_for_organization',
    ],
    [
      `username = 'octocat' AND package_type = 'npm' AND package_name = 'hello-world'`,
      'user_versions',
      'get_all_package_versions_for_package_owned_by_user',
    ],
    [
      `username = 'octocat' AND package_type = 'npm' AND package_name = 'hello-world' AND package_version_id = 5100042`,
      'user_versions',
      'get_package_version_for_user',
    ],
    [
      `package_type = 'npm' AND package_name = 'hello-world' AND state = 'deleted'`,
      'auth_user_versions',
      'get_all_package_versions_for_package_owned_by_authenticated_user',
    ],
    [
      `package_type = 'npm' AND package_name = 'hello-world' AND package_version_id = 5100042`,
      'auth_user_versions',
      'get_package_version_for_authenticated_user',
    ],
  ])('package_versions WHERE %s plans on %s', (where, member, method) => {
    const sql = `SELECT id, name FROM ${VERSIONS} WHERE ${where} ORDER BY id`;
    const p = plan(sql);
    expect(p).toMatchObject({ kind: 'select', resource: `github.packages.${member}`, method, table: member });
    expect(folded(p)).toEqual(asMember(sql, VERSIONS, member));
  });

  it.each([
    [`org = 'acme' AND package_type = 'npm'`, 'org_packages', 'list_packages_for_organization'],
    [
      `username = 'octocat' AND package_type = 'npm' AND package_name = 'hello-world'`,
      'user_packages',
      'get_package_for_user',
    ],
    [
      `package_type = 'npm' AND visibility = 'public'`,
      'auth_user_packages',
      'list_packages_for_authenticated_user',
    ],
  ])('packages WHERE %s plans on %s', (where, member, method) => {
    const sql = `SELECT name FROM ${PACKAGES} p WHERE ${where}`;
    expect(plan(sql)).toMatchObject({ resource: `github.packages.${member}`, method });
    expect(folded(plan(sql))).toEqual(asMember(sql, PACKAGES, member));
  });

  it.each([
    [`org = 'acme'`, 'org_packages', 'delete_package_for_org'],
    [`username = 'octocat'`, 'user_packages', 'delete_package_for_user'],
    [`1 = 1`, 'auth_user_packages', 'delete_package_for_authenticated_user'],
  ])('DELETE FROM packages WHERE %s … deletes through %s', (owner, member, method) => {
    const where = owner === '1 = 1' ? '' : ` AND ${owner}`;
    const sql = `DELETE FROM ${PACKAGES} WHERE package_type = 'npm' AND package_name = 'x'${where}`;
    expect(plan(sql)).toEqual({
      kind: 'delete',
      resource: `github.packages.${member}`,
      method,
      calls: [{ resource: `github.packages.${member}`, method, params: expect.anything() as unknown }],
    });
    expect(folded(plan(sql))).toEqual(asMember(sql, PACKAGES, member));
  });

  it('names the alias and lists all its methods when no method fits, as for any resource', () => {
    const e = error(`SELECT * FROM ${VERSIONS} WHERE package_type = 'npm'`);
    expect(e).toMatchObject({ code: 'missing-params', line: 1, column: 15, endColumn: 15 + VERSIONS.length });
    expect(e.message).toBe(
      `Missing required params for SELECT on ${VERSIONS}: ` +
        'get_all_package_versions_for_package_owned_by_org needs org, package_name; ' +
        'get_package_version_for_organization needs org, package_name, package_version_id; ' +
        'get_all_package_versions_for_package_owned_by_user needs package_name, username; ' +
        'get_package_version_for_user needs package_name, package_version_id, username; ' +
        'get_all_package_versions_for_package_owned_by_authenticated_user needs package_name; ' +
        'get_package_version_for_authenticated_user needs package_name, package_version_id. ' +
        `Add them to WHERE as name = 'value'; SHOW METHODS IN ${VERSIONS} lists each method's required params.`,
    );
    expect(error(`DELETE FROM ${PACKAGES} WHERE org = 'acme'`).message).toMatch(
      new RegExp(
        `^Missing required params for DELETE on ${PACKAGES}: delete_package_for_org needs package_name, package_type; `,
      ),
    );
  });

  it("plans the rest of the statement as the member's own name would", () => {
    // `org` is a column of org_versions only: over user_versions it is what an unknown column is there.
    const sql = `SELECT id, org FROM ${VERSIONS} WHERE username = 'octocat' AND package_type = 'npm' AND package_name = 'x'`;
    const outcome = (r: ReturnType<typeof planQuery>) => (r.ok ? folded(r.value) : r.error);
    expect(outcome(planQuery(sql))).toEqual(
      outcome(planQuery(sql.replace(VERSIONS, 'github.packages.user_versions'))),
    );
  });

  it('refuses org and username together: no one method takes both', () => {
    const e = error(
      `SELECT id FROM ${VERSIONS} WHERE username = 'octocat' AND org = 'acme' AND package_type = 'npm' AND package_name = 'x'`,
    );
    expect(e).toMatchObject({ code: 'invalid-param' });
    expect(e.message).toBe(
      `username is not a param of get_all_package_versions_for_package_owned_by_org; remove it, or give the params of a method that takes it (SHOW METHODS IN ${VERSIONS}).`,
    );
  });

  it('plans a JOIN of two aliases on the members their params pick', () => {
    const sql = `SELECT p.name, v.name FROM ${PACKAGES} p JOIN ${VERSIONS} v ON v.package_name = p.name AND v.package_type = p.package_type WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;
    const p = plan(sql);
    expect(p).toMatchObject({
      resource: 'github.packages.org_packages',
      table: 'org_packages',
      join: { resource: 'github.packages.org_versions', table: 'org_versions' },
    });
    const members = sql
      .replace(PACKAGES, 'github.packages.org_packages')
      .replace(VERSIONS, 'github.packages.org_versions');
    expect(folded(p)).toEqual(folded(plan(members)));
  });

  it('suggests an alias for a near miss', () => {
    expect(error(`SELECT * FROM github.packages.package_version WHERE org = 'acme'`).message).toContain(
      `Did you mean ${VERSIONS}?`,
    );
  });
});

describe('EXEC on an alias', () => {
  it.each([
    [
      'restore_package_version_for_org',
      `@org='acme' @package_type='container' @package_name='web/frontend' @package_version_id=81005136`,
      'org_versions',
    ],
    [
      'restore_package_version_for_user',
      `@username='octocat' @package_type='npm' @package_name='hello-world' @package_version_id=5100017`,
      'user_versions',
    ],
    [
      'restore_package_version_for_authenticated_user',
      `@package_type='npm' @package_name='hello-world' @package_version_id=5100017`,
      'auth_user_versions',
    ],
  ])('finds %s among the members and calls it on %s', (method, args, member) => {
    const sql = `EXEC ${VERSIONS}.${method} ${args}`;
    expect(plan(sql)).toMatchObject({ kind: 'exec', resource: `github.packages.${member}`, method });
    expect(folded(plan(sql))).toEqual(asMember(sql, VERSIONS, member));
  });

  it("lists the alias's methods for an unknown one, and names the alias for missing params", () => {
    const e = error(`EXEC ${PACKAGES}.restore @org='acme'`);
    expect(e.code).toBe('unknown-method');
    expect(e.message).toMatch(
      new RegExp(`^${PACKAGES} has no method restore\\. Its methods: get_package_for_organization, `),
    );
    expect(e.message).toContain('restore_package_for_authenticated_user');
    expect(error(`EXEC ${PACKAGES}.restore_package_for_user @username='octocat'`).message).toBe(
      `Missing required params for EXEC on ${PACKAGES}: restore_package_for_user needs package_name, package_type. Add them as @name=value; SHOW METHODS IN ${PACKAGES} lists each method's required params.`,
    );
  });

  it('refuses EXEC of a DELETE method of an alias, suggesting the DELETE on the alias', () => {
    const e = error(
      `EXEC ${VERSIONS}.delete_package_version_for_user @username='octocat' @package_type='npm' @package_name='x' @package_version_id='7'`,
    );
    expect(e.message).toBe(
      `delete_package_version_for_user is a DELETE method: write DELETE FROM ${VERSIONS} WHERE package_name = 'x' AND package_type = 'npm' AND package_version_id = 7 AND username = 'octocat'.`,
    );
    expect(plan(e.message.slice(e.message.indexOf('DELETE FROM'), -1))).toMatchObject({
      resource: 'github.packages.user_versions',
      method: 'delete_package_version_for_user',
    });
  });
});
