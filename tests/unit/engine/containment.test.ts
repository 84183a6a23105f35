import alasql from 'alasql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createCore, type EngineCore } from '../../../src/engine/core';
import { callKey, type ApiCall } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import type { SqlError } from '../../../src/sql/errors';
import { planQuery } from '../../../src/sql/plan';
import type { ResultRow } from '../../../src/sql/types';
import { WEB_ROWS } from '../../fixtures/engine/rows';
import { runOverFixtures } from './harness';
import { loadSource } from '../../../src/engine/tables';

const orgVersions = getResource('github.packages.org_versions');

/**
 * The holes of the "contain the engine" audit (src/engine/SECURITY.md), each through the real engine
 * core: a payload that would call the global canary once it became code, and the SQLite result a
 * query over prototype-like data must give.
 */

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const CANARY = '__containmentCanary';
const g = globalThis as Record<string, unknown>;
let calls = 0;
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  g[CANARY] = () => {
    calls++;
    return 1;
  };
});
afterAll(() => {
  Reflect.deleteProperty(g, CANARY);
});
beforeEach(() => {
  calls = 0;
});

type Ran =
  { readonly rows: readonly ResultRow[]; readonly columns: readonly string[] } | { readonly error: SqlError };

/** Runs a statement through the planner and the core; rows, or the error's code and message. */
function run(sql: string, core?: EngineCore): Ran {
  const out = runOverFixtures(sql, core);
  return out.ok ? { rows: out.rows, columns: out.columns } : { error: out.error };
}

/** What the worker core does with the statement when a page skips the planner. */
function direct(sql: string) {
  const r = createCore().run(sql.replace(T, 'org_versions'), 'org_versions', [], 10);
  return r.ok ? 'ran' : r.error.code;
}

describe('1. IN lists never reach generated code', () => {
  const payload = `constructor"]&&${CANARY}()||alasql.sets["constructor`;

  it('IN and NOT IN with a quote-breaking value run no code and match as text', () => {
    expect(run(`SELECT id FROM ${T} ${W} AND name IN ('${payload}')`)).toEqual({ rows: [], columns: ['id'] });
    const notIn = run(`SELECT id FROM ${T} ${W} AND name NOT IN ('${payload}', 'x')`);
    expect('rows' in notIn && notIn.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(calls).toBe(0);
  });

  it("alasql's IN-list cache is off for good", () => {
    createCore();
    const options = (alasql as unknown as { options: Record<string, unknown> }).options;
    expect(options.cache).toBe(false);
    expect(() => {
      options.cache = true;
    }).toThrow(TypeError);
  });
});

describe('4. IN lists do not share a cache entry', () => {
  it("IN ('p,q') does not poison a later IN ('p', 'q')", () => {
    const core = createCore();
    const ids = (sql: string) => {
      const r = run(sql, core);
      return 'rows' in r ? r.rows.map((x) => x.id) : r.error.message;
    };
    expect(ids(`SELECT id FROM ${T} ${W} AND name IN ('sha256:0001,sha256:0002')`)).toEqual([]);
    expect(ids(`SELECT id FROM ${T} ${W} AND name IN ('sha256:0001', 'sha256:0002')`)).toEqual([1, 2]);
    expect(ids(`SELECT id FROM ${T} ${W} AND id IN (1, 2)`)).toEqual([1, 2]);
    expect(ids(`SELECT id FROM ${T} ${W} AND id IN ('1', '2')`)).toEqual([]);
  });
});

describe('2. strings in ORDER BY and GROUP BY', () => {
  it.each([
    [`SELECT id FROM ${T} ${W} ORDER BY "']+${CANARY}()+['"`],
    [`SELECT id FROM ${T} ${W} ORDER BY ''']+${CANARY}()+['''`],
    [`SELECT id FROM ${T} ${W} ORDER BY 'x', "y"`],
    [`SELECT COUNT(*) AS n FROM ${T} ${W} GROUP BY '__proto__'`],
    [`SELECT COUNT(*) AS n FROM ${T} ${W} GROUP BY "constructor"`],
  ])('refuses %s in the planner and in the worker core, running nothing', (sql) => {
    const planned = planQuery(sql);
    expect(planned.ok ? 'planned' : planned.error.code).toBe('not-allowed');
    expect(direct(sql)).toBe('not-allowed');
    expect(calls).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
  });

  it('says what a constant string does and what to write instead', () => {
    expect(run(`SELECT id FROM ${T} ${W} ORDER BY 'name'`)).toMatchObject({
      error: {
        code: 'not-allowed',
        message:
          "ORDER BY 'name' sorts by a constant text, which changes nothing. To sort by a column, write its name without quotes: ORDER BY name.",
      },
    });
    expect(run(`SELECT COUNT(*) FROM ${T} ${W} GROUP BY 'x'`)).toMatchObject({
      error: { message: expect.stringContaining("GROUP BY 'x' groups by a constant text") as unknown },
    });
  });

  it('refuses an unknown double-quoted name as an unknown column, naming the nearest known one', () => {
    expect(run(`SELECT id FROM ${T} ${W} ORDER BY "nmae"`)).toMatchObject({
      error: {
        code: 'not-allowed',
        message: 'Unknown column "nmae" in ORDER BY; the nearest known column is name.',
        line: 1,
      },
    });
    expect(run(`SELECT id FROM ${T} ${W} GROUP BY "licence"`)).toMatchObject({
      error: { message: 'Unknown column "licence" in GROUP BY; the nearest known column is license.' },
    });
  });

  it('reads a double-quoted known column, or an alias of the SELECT list, as that name', () => {
    const byColumn = run(`SELECT id FROM ${T} ${W} ORDER BY "created_at" DESC LIMIT 2`);
    expect('rows' in byColumn && byColumn.rows).toEqual([{ id: 8 }, { id: 7 }]);
    const byAlias = run(`SELECT id AS n FROM ${T} ${W} ORDER BY "n" DESC LIMIT 2`);
    expect('rows' in byAlias && byAlias.rows).toEqual([{ n: 8 }, { n: 7 }]);
  });
});

describe('a tab in a GROUP BY string (alasql splits group keys at tabs)', () => {
  const text = `x\t${CANARY}()\t`;

  it('GROUP BY an expression with a tab in its string runs no code', () => {
    expect(
      run(`SELECT UPPER('${text}') AS k, COUNT(*) AS n FROM ${T} ${W} GROUP BY UPPER('${text}')`),
    ).toEqual({ rows: [{ k: `X\t__CONTAINMENTCANARY()\t`, n: 8 }], columns: ['k', 'n'] });
    expect(calls).toBe(0);
  });

  it('GROUP BY an alias of such an expression runs no code', () => {
    const r = run(`SELECT REPLACE(name, '${text}', 'y') AS k, COUNT(*) AS n FROM ${T} ${W} GROUP BY k`);
    expect('rows' in r && r.rows.length).toBe(8);
    expect(calls).toBe(0);
  });

  it('a string literal is named without its tabs', () => {
    expect(run(`SELECT 'a\tb', 'it''s' FROM ${T} ${W} AND id = 1`)).toEqual({
      rows: [{ "'a\u2409b'": 'a\tb', "'it''s'": "it's" }],
      columns: ["'a\u2409b'", "'it''s'"],
    });
  });
});

describe('3. prototype-like values in the data give the results SQLite gives', () => {
  const call: ApiCall = {
    resource: orgVersions.id,
    method: 'get_all_package_versions_for_package_owned_by_org',
    params: { org: 'acme', package_name: 'web', package_type: 'container' },
  };
  const key = callKey('https://api.github.com', call);
  const data: readonly [string, string | null][] = [
    ['__proto__', 'MIT'],
    ['constructor', null],
    ['toString', 'MIT'],
    ['__proto__', null],
    ['hasOwnProperty', '__proto__'],
    ['valueOf', 'constructor'],
    ['constructor', 'valueOf'],
    ['x', 'toString'],
  ];
  const core = createCore();
  core.load(
    key,
    loadSource(call),
    WEB_ROWS.map((r, i) => ({ ...r, name: data[i]?.[0], license: data[i]?.[1] })),
    true,
  );
  const rows = (sql: string) => {
    const r = core.run(sql.replace(' FROM T', ' FROM org_versions'), 'org_versions', [key], 100);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.rows;
  };
  const ids = (where: string) => rows(`SELECT id FROM T WHERE ${where} ORDER BY id`).map((r) => r.id);

  it('GROUP BY', () => {
    expect(rows('SELECT name, COUNT(*) AS n, SUM(id) AS s FROM T GROUP BY name ORDER BY name')).toEqual([
      { name: '__proto__', n: 2, s: 5 },
      { name: 'constructor', n: 2, s: 9 },
      { name: 'hasOwnProperty', n: 1, s: 5 },
      { name: 'toString', n: 1, s: 3 },
      { name: 'valueOf', n: 1, s: 6 },
      { name: 'x', n: 1, s: 8 },
    ]);
    expect(rows('SELECT license, COUNT(*) AS n FROM T GROUP BY license ORDER BY license')).toEqual([
      { license: null, n: 2 },
      { license: 'MIT', n: 2 },
      { license: '__proto__', n: 1 },
      { license: 'constructor', n: 1 },
      { license: 'toString', n: 1 },
      { license: 'valueOf', n: 1 },
    ]);
  });

  it('DISTINCT, with ORDER BY, LIMIT and OFFSET applied after it', () => {
    expect(rows('SELECT DISTINCT name FROM T').map((r) => r.name)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'x',
    ]);
    expect(rows('SELECT DISTINCT name FROM T ORDER BY name LIMIT 3 OFFSET 1')).toEqual([
      { name: 'constructor' },
      { name: 'hasOwnProperty' },
      { name: 'toString' },
    ]);
    expect(rows('SELECT DISTINCT license FROM T ORDER BY license').map((r) => r.license)).toEqual([
      null,
      'MIT',
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
    ]);
  });

  it('COUNT(DISTINCT) and the other aggregates over DISTINCT values', () => {
    expect(
      rows(
        'SELECT COUNT(DISTINCT name), COUNT(DISTINCT license) AS l, SUM(DISTINCT id % 3) AS s, MAX(DISTINCT name) AS m FROM T',
      ),
    ).toEqual([{ 'COUNT(DISTINCT name)': 6, l: 5, s: 3, m: 'x' }]);
    expect(rows("SELECT COUNT(DISTINCT CASE WHEN id < 3 THEN 1 ELSE '1' END) AS n FROM T")).toEqual([
      { n: 2 },
    ]);
    expect(rows('SELECT AVG(DISTINCT id % 2) AS a, TOTAL(DISTINCT id) AS t FROM T')).toEqual([
      { a: 0.5, t: 36 },
    ]);
  });

  it('IN and NOT IN', () => {
    expect(ids("name IN ('__proto__', 'constructor', 'toString')")).toEqual([1, 2, 3, 4, 7]);
    expect(ids("name NOT IN ('__proto__', 'hasOwnProperty', 'valueOf')")).toEqual([2, 3, 7, 8]);
    expect(ids("license IN ('__proto__', 'valueOf')")).toEqual([5, 7]);
  });

  it('LIKE', () => {
    expect(ids("name LIKE '__proto__'")).toEqual([1, 4]);
    expect(ids("name LIKE 'constructor'")).toEqual([2, 7]);
    expect(ids("name LIKE 'TOSTRING'")).toEqual([3]);
    expect(ids("name LIKE '%Of'")).toEqual([6]);
    expect(ids("name NOT LIKE '%o%'")).toEqual([8]);
  });

  it('leaves Object.prototype as it was, and frozen', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(Object.isFrozen(Object.prototype)).toBe(true);
    expect(Object.isFrozen(Array.prototype)).toBe(true);
    expect(Object.isFrozen(Function.prototype)).toBe(true);
  });
});

describe('names every JS object has', () => {
  it.each([
    [`SELECT id AS toString FROM ${T} ${W}`, /The alias toString is reserved/],
    [`SELECT id AS "valueOf" FROM ${T} ${W}`, /The alias valueOf is reserved/],
    [`SELECT id AS [constructor] FROM ${T} ${W}`, /The alias constructor is reserved/],
    [`SELECT COUNT(*) AS hasOwnProperty FROM ${T} ${W} GROUP BY name`, /reserved/],
    [`SELECT hasOwnProperty FROM ${T} ${W}`, /hasOwnProperty is not a column/],
    [`SELECT metadata->toString FROM ${T} ${W}`, /-> may only read a property/],
  ])('refuses %s with a clear message', (sql, message) => {
    expect(run(sql)).toMatchObject({
      error: { code: 'not-allowed', message: expect.stringMatching(message) as unknown },
    });
  });

  it('takes other aliases, with GROUP BY too', () => {
    expect(run(`SELECT COUNT(*) AS toString_ FROM ${T} ${W} GROUP BY package_type`)).toEqual({
      rows: [{ toString_: 8 }],
      columns: ['toString_'],
    });
  });
});

describe('* in aggregates', () => {
  it.each([['SUM(*)'], ['COUNT(DISTINCT *)'], ['MAX(*)']])('refuses %s, as SQLite does', (aggregate) => {
    expect(run(`SELECT ${aggregate} FROM ${T} ${W}`)).toMatchObject({
      error: { code: 'not-allowed', message: expect.stringContaining('Only COUNT(*) takes *') as unknown },
    });
  });
});

describe('CAST sizes', () => {
  it('refuses a size that is not a whole number (alasql pastes it into code)', () => {
    expect(run(`SELECT CAST(name AS VARCHAR(MAX)) FROM ${T} ${W}`)).toMatchObject({
      error: { code: 'not-allowed', message: expect.stringContaining('whole number') as unknown },
    });
    // As in SQLite, the size is accepted and ignored.
    expect(run(`SELECT CAST(name AS VARCHAR(3)) AS c FROM ${T} ${W} AND id = 1`)).toEqual({
      rows: [{ c: 'sha256:0001' }],
      columns: ['c'],
    });
  });
});
