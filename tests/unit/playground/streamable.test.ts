import { describe, expect, it } from 'vitest';

import { planQuery } from '../../../src/sql/plan';
import { fromSqlError, fromUnknown } from '../../../src/components/Playground/run/toPlaygroundError';
import { GitHubError } from '../../../src/github';
import { sqlError } from '../../../src/sql/errors';

const FROM = `FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'npm' AND package_name = 'x'`;

/** Whether the planner lets the playground show the first page's rows before the rest arrive. */
function isStreamable(sql: string): boolean {
  const plan = planQuery(sql);
  if (!plan.ok || plan.value.kind !== 'select') throw new Error(`not a planned SELECT: ${sql}`);
  return plan.value.streamable;
}

describe('the plan says whether rows can show as they arrive', () => {
  it.each([
    `SELECT id, name ${FROM}`,
    `SELECT * ${FROM} AND name LIKE 'v1%'`,
    `SELECT id ${FROM} LIMIT 10`,
    `SELECT name AS summary, id AS maximum, url AS ordered, description AS grouped ${FROM}`,
    `SELECT json_extract(metadata, '$.container.tags') AS tags ${FROM}`,
  ])('shows first-page rows early for %s', (sql) => {
    expect(isStreamable(sql)).toBe(true);
  });

  it.each([
    `SELECT id ${FROM} ORDER BY id`,
    `SELECT id ${FROM}\norder\n  by id DESC`,
    `SELECT name, COUNT(*) ${FROM} GROUP BY name`,
    `SELECT DISTINCT name ${FROM}`,
    `SELECT name ${FROM} GROUP BY name HAVING name > 'a'`,
    `SELECT count(*) ${FROM}`,
    `SELECT SUM(id) ${FROM}`,
    `SELECT min(id) ${FROM}`,
    `SELECT MAX(id) ${FROM}`,
    `SELECT AVG(id) ${FROM}`,
    `SELECT id ${FROM} AND package_name IN ('a', 'b')`,
    `SELECT p.name, v.id FROM github.packages.org_packages p JOIN github.packages.org_versions v ON v.package_name = p.name AND v.package_type = p.package_type WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme'`,
  ])('waits for all pages for %s', (sql) => {
    expect(isStreamable(sql)).toBe(false);
  });
});

describe('toPlaygroundError', () => {
  it('keeps a SQL error with its code, message and position', () => {
    const error = sqlError('missing-params', 'WHERE needs org', 'SELECT 1', { start: 7, end: 8 });
    expect(fromSqlError(error)).toEqual({ ...error });
    expect(fromSqlError(error)).toMatchObject({ code: 'missing-params', line: 1, column: 8 });
  });

  it('keeps a GitHub error code and message, and links SSO before documentation', () => {
    expect(
      fromUnknown(
        new GitHubError('sso_required', 'Authorize the token for acme.', {
          ssoUrl: 'https://github.com/orgs/acme/sso',
          documentationUrl: 'https://docs.github.com/rest',
        }),
      ),
    ).toEqual({
      code: 'sso_required',
      message: 'Authorize the token for acme.',
      helpUrl: 'https://github.com/orgs/acme/sso',
    });
    expect(
      fromUnknown(
        new GitHubError('not_found', 'Not found.', { documentationUrl: 'https://docs.github.com/x' }),
      ),
    ).toMatchObject({ code: 'not_found', helpUrl: 'https://docs.github.com/x' });
  });

  it('turns anything else into an internal error that says what went wrong, not a stack', () => {
    expect(fromUnknown(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'Something went wrong in the playground: x is undefined',
    });
    expect(fromUnknown('boom')).toEqual({
      code: 'internal',
      message: 'Something went wrong in the playground: boom',
    });
  });
});
