/**
 * StackQL's docs quote every param value (`package_version_id = '42'`, `@package_version_id='42'`).
 * Digits in quotes for an integer param are that number, in the call and in the local query alike;
 * anything else in quotes is still refused, by name.
 */
import { describe, expect, it } from 'vitest';

import { getResource } from '../../../src/resources/registry';
import { splitStatement } from '../../../src/sql/statement';
import type { QueryPlan } from '../../../src/sql/types';
import { unquoteIntegers } from '../../../src/sql/where';
import { resultOf, runSelect, setupRunner } from '../playground/runnerHarness';
import { error, plan } from './planOrError';

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'`;
const GET = 'get_package_version_for_organization';
const KEY = { org: 'acme', package_type: 'container', package_name: 'web/frontend' };
const ID = 81005383;

const idsOf = (p: QueryPlan) => ('calls' in p ? p.calls.map((c) => c.params.package_version_id) : []);

describe('quoted digits for an integer param in WHERE', () => {
  it.each([
    ['=', `package_version_id = '${ID}'`],
    ['reversed', `'${ID}' = package_version_id`],
    ['double quotes', `package_version_id = "${ID}"`],
    ['a qualified name', `v.package_version_id = '${ID}'`],
    ['reversed and qualified', `'${ID}' = v.package_version_id`],
  ])('plans the call with the number (%s)', (_, term) => {
    const p = plan(`SELECT id FROM ${T} v ${W} AND ${term}`);
    expect(p).toMatchObject({
      method: GET,
      calls: [{ method: GET, params: { ...KEY, package_version_id: ID } }],
    });
  });

  it('reads an IN list of quoted ids as numbers, deduplicated with the bare ones', () => {
    expect(idsOf(plan(`SELECT id FROM ${T} ${W} AND package_version_id IN ('1', 2, '3', '2')`))).toEqual([
      1, 2, 3,
    ]);
  });

  it('plans the same calls as the bare number, for SELECT and DELETE', () => {
    for (const verb of ['SELECT id FROM', 'DELETE FROM']) {
      const quoted = plan(`${verb} ${T} ${W} AND package_version_id = '${ID}'`);
      const bare = plan(`${verb} ${T} ${W} AND package_version_id = ${ID}`);
      expect(quoted).toMatchObject({ calls: 'calls' in bare ? bare.calls : [] });
      expect(idsOf(quoted)).toEqual([ID]);
    }
  });

  it('hands the engine the number, padded, every other character in place', () => {
    const sql = `SELECT id FROM ${T} ${W} AND package_version_id = '${ID}' AND name <> '${ID}'`;
    const p = plan(sql);
    if (p.kind !== 'select') throw new Error(p.kind);
    expect(p.query).toHaveLength(sql.length);
    expect(p.query).toContain(`package_version_id = ${ID}   AND name <> '${ID}'`);
  });

  it.each([
    ["'4x2'", "got '4x2'"],
    ["'-1'", "got '-1'"],
    ["''", "got ''"],
    ["' 42'", "got ' 42'"],
    ["'0'", 'got 0'],
    ["'99999999999999999999'", 'got 100000000000000000000'],
  ])('refuses package_version_id = %s, saying what it got and that quotes are fine', (value, got) => {
    const e = error(`DELETE FROM ${T} ${W} AND package_version_id = ${value}`);
    expect(e.code).toBe('invalid-param');
    expect(e.message).toBe(
      `package_version_id must be a positive integer, e.g. package_version_id = 1 or '1'; ${got}.`,
    );
  });

  it('leaves quoted digits of string params and of fields as text', () => {
    const p = plan(`SELECT id FROM ${T} WHERE org = '42' AND package_type = 'npm' AND package_name = '7'`);
    expect(p).toMatchObject({ calls: [{ params: { org: '42', package_name: '7' } }] });
    if (p.kind === 'select') expect(p.query).toContain(`id FROM`);
  });
});

describe('unquoteIntegers', () => {
  const versions = getResource(T);
  const rewrite = (sql: string) => {
    const st = splitStatement(sql);
    if (!st.ok) throw new Error(st.error.message);
    return unquoteIntegers(sql, st.value.tokens, [{ resource: versions }]);
  };

  it('unquotes digits compared with an integer param, in any comparison, either side, or in IN', () => {
    expect(rewrite(`x WHERE package_version_id <> '1' AND '2' < per_page AND page NOT IN ('3', 'a')`)).toBe(
      `x WHERE package_version_id <> 1   AND 2   < per_page AND page NOT IN (3  , 'a')`,
    );
  });

  it('leaves other strings, params and qualifiers alone', () => {
    const sql = `x WHERE org = '1' AND id = '2' AND package_version_id = 'x1' AND package_version_id.a = '3'`;
    expect(rewrite(sql)).toBe(sql);
    expect(unquoteIntegers(`x WHERE package_version_id = '1'`, [], [])).toBe(
      `x WHERE package_version_id = '1'`,
    );
  });
});

describe('quoted digits for an integer param in EXEC', () => {
  const head = `EXEC ${T}.restore_package_version_for_org @org='acme', @package_type='container', @package_name='web/frontend'`;

  it('sends the number', () => {
    expect(plan(`${head}, @package_version_id='${ID}'`)).toMatchObject({
      calls: [{ params: { ...KEY, package_version_id: ID } }],
    });
  });

  it.each(["'4x2'", "'-1'", "''"])(
    'refuses @package_version_id=%s with the same message as WHERE',
    (value) => {
      const e = error(`${head}, @package_version_id=${value}`);
      expect(e.code).toBe('invalid-param');
      expect(e.message).toMatch(
        /^package_version_id must be a positive integer, e\.g\. package_version_id = 1 or '1'; got /,
      );
    },
  );
});

describe('quoted ids on the sample data', () => {
  it('return the version, as the bare id does: the local query compares the same number', async () => {
    const { runner, client } = setupRunner();
    for (const value of [`'${ID}'`, `${ID}`]) {
      const p = plan(`SELECT id, package_version_id FROM ${T} ${W} AND package_version_id = ${value}`);
      if (p.kind !== 'select') throw new Error(p.kind);
      const result = resultOf((await runSelect(runner, client, p)).outcome);
      expect(result.rows, value).toEqual([{ id: ID, package_version_id: ID }]);
    }
  });
});
