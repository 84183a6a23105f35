import { describe, expect, it } from 'vitest';
import type { SelectPlan } from '../../../src/sql/types';
import { error, plan } from './planOrError';

/** Queries of several SELECTs: each SELECT's WHERE gives its own resource's calls. */

const V = 'github.packages.org_versions';
const P = 'github.packages.org_packages';
const cli = `org = 'acme' AND package_type = 'npm' AND package_name = 'cli'`;
const web = `org = 'acme' AND package_type = 'container' AND package_name = 'web'`;

const select = (sql: string): SelectPlan => {
  const p = plan(sql);
  if (p.kind !== 'select') throw new Error(`expected a SELECT plan, got ${p.kind}`);
  return p;
};
const params = (p: SelectPlan) => p.calls.map((c) => c.params);

describe('queries of several SELECTs', () => {
  it('fetch a resource read by two SELECTs once, with both SELECTs calls', () => {
    const p = select(`SELECT id FROM ${V} WHERE ${cli} UNION SELECT id FROM ${V} WHERE ${web}`);
    expect(p.table).toBe('org_versions');
    expect(params(p)).toEqual([
      { org: 'acme', package_type: 'npm', package_name: 'cli' },
      { org: 'acme', package_type: 'container', package_name: 'web' },
    ]);
    expect(p.tables).toBeUndefined();
    expect(p.blocks).toBe(2);
    expect(p.streamable).toBe(false);
  });

  it('the same call from two SELECTs is made once', () => {
    const p = select(
      `SELECT id FROM ${V} WHERE ${cli} AND id IN (SELECT id FROM ${V} WHERE ${cli} AND id > 1)`,
    );
    expect(p.calls).toHaveLength(1);
  });

  it('another resource is a table of its own, named after the outermost SELECT first', () => {
    const p = select(
      `WITH pkgs AS (SELECT name FROM ${P} WHERE org = 'acme' AND package_type = 'npm') SELECT name FROM pkgs UNION ALL SELECT name FROM ${V} WHERE ${cli}`,
    );
    expect(p.resource).toBe(P);
    expect(p.tables?.map((t) => [t.resource, t.calls.length])).toEqual([[V, 1]]);
  });

  it("a sub-query's WHERE must give its own resource's params", () => {
    const e = error(`SELECT id FROM ${V} WHERE ${cli} AND name IN (SELECT name FROM ${P})`);
    expect(e.message).toMatch(/org/);
  });

  it('refuses what it cannot run yet, saying what to write instead', () => {
    expect(
      error(
        `SELECT p.name FROM ${P} p JOIN ${V} v ON v.package_name = p.name WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme' UNION ALL SELECT name FROM ${V} WHERE ${cli}`,
      ).message,
    ).toMatch(/JOIN of two resources cannot be combined with sub-queries, UNION or WITH yet/);
    expect(
      error(`SELECT id FROM ${V} WHERE ${cli} UNION SELECT id FROM ${V} WHERE ${web} UNION ALL SELECT 1`)
        .message,
    ).toMatch(/in one chain are not supported yet/);
    expect(error(`WITH RECURSIVE x AS (SELECT 1) SELECT * FROM x`).message).toMatch(/WITH RECURSIVE/);
    expect(
      error(`SELECT id FROM ${V} WHERE ${cli} UNION SELECT id, name FROM ${V} WHERE ${cli}`).message,
    ).toMatch(/give 1 and 2 columns/);
    expect(
      error(`SELECT id FROM ${V} WHERE ${cli} AND id IN (SELECT id, name FROM ${V} WHERE ${cli})`).message,
    ).toMatch(/gives one column; this one gives 2/);
    expect(
      error(`SELECT id FROM ${V} WHERE ${cli} UNION SELECT id FROM ${V} WHERE ${web} ORDER BY name`).message,
    ).toMatch(/sorts by a result column: write its name or position \(id\)/);
  });

  it('a CTE used many times is refused before it grows too large to check', () => {
    let sql = `WITH c0 AS (SELECT id FROM ${V} WHERE ${cli})`;
    for (let i = 1; i <= 20; i++) {
      sql += `, c${String(i)} AS (SELECT id FROM c${String(i - 1)} UNION ALL SELECT id FROM c${String(i - 1)})`;
    }
    expect(error(`${sql} SELECT COUNT(*) FROM c20`).message).toMatch(/too large/);
  });
});

describe('names that are alasql keywords but not SQLite ones', () => {
  it.each(['path', 'content', 'action', 'key', 'top', 'before', 'rows', 'next', 'function'])(
    '%s is a name, as an alias and in every clause',
    (name) => {
      const p = select(
        `SELECT name AS ${name} FROM ${V} WHERE ${cli} AND ${name} <> 'x' GROUP BY ${name} ORDER BY ${name}`,
      );
      expect(p.kind).toBe('select');
    },
  );
});

describe('window functions', () => {
  it('compute in the outermost SELECT, a FROM sub-query and a CTE', () => {
    for (const sql of [
      `SELECT id, ROW_NUMBER() OVER (PARTITION BY license ORDER BY id) AS rn FROM ${V} WHERE ${cli}`,
      `SELECT * FROM (SELECT id, RANK() OVER (ORDER BY id) AS r FROM ${V} WHERE ${cli}) WHERE r < 3`,
      `WITH w AS (SELECT id, LAG(id) OVER (ORDER BY id) AS prev FROM ${V} WHERE ${cli}) SELECT * FROM w`,
    ]) {
      expect(select(sql).calls).toHaveLength(1);
    }
  });

  it('refuses what they cannot do yet, saying where they work', () => {
    expect(
      error(
        `SELECT id FROM ${V} WHERE ${cli} AND id IN (SELECT ROW_NUMBER() OVER (ORDER BY id) FROM ${V} WHERE ${cli})`,
      ).message,
    ).toMatch(/outermost SELECT, a FROM sub-query or a CTE/);
    expect(error(`SELECT id, 1 + ROW_NUMBER() OVER (ORDER BY id) FROM ${V} WHERE ${cli}`).message).toMatch(
      /Window functions/,
    );
    expect(error(`SELECT COUNT(DISTINCT id) OVER () FROM ${V} WHERE ${cli}`).message).toMatch(/DISTINCT/);
    expect(error(`SELECT UPPER(name) OVER () FROM ${V} WHERE ${cli}`).message).toMatch(
      /not a window function/,
    );
    expect(error(`SELECT NTILE() OVER (ORDER BY id) FROM ${V} WHERE ${cli}`).message).toMatch(
      /takes 1 argument\./,
    );
    expect(
      error(`SELECT * FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM ${V} WHERE ${cli} LIMIT 2)`)
        .message,
    ).toMatch(/cannot have LIMIT/);
  });
});

describe('names and sizes the checker keeps out', () => {
  it("refuses window aliases that are JavaScript built-ins or the engine's own names", () => {
    for (const alias of ['__proto__', 'toString', 'constructor']) {
      expect(
        error(`SELECT * FROM (SELECT id, FIRST_VALUE(name) OVER () AS ${alias} FROM ${V} WHERE ${cli})`)
          .message,
      ).toMatch(/plain alias/);
    }
    expect(
      error(`SELECT id AS __stackql_w0_a0, LAG(name) OVER (ORDER BY id) AS l FROM ${V} WHERE ${cli}`).message,
    ).toMatch(/the engine's own/);
  });

  it('says a sub-query without FROM cannot read columns, rather than failing in the engine', () => {
    expect(error(`SELECT id, (SELECT id + 1) AS x FROM ${V} WHERE ${cli}`).message).toMatch(
      /without FROM cannot read columns/,
    );
  });

  it('refuses a query of more than 200 SELECTs before checking them all', () => {
    const sql = `SELECT ${Array.from({ length: 201 }, () => '(SELECT 1)').join(', ')}`;
    expect(error(sql).message).toMatch(/more than 200 SELECTs/);
  });
});
