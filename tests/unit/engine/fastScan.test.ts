import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import { DistinctTuples, DistinctValues, valueKey } from '../../../src/engine/distinct';
import { bothWays, COLLISIONS, expectSame, runOver, T, trickyValue, versionRows, W } from './fastPathHarness';

/**
 * The table scan and keyed DISTINCT (src/engine/scan.ts) against alasql's walk and the engine's
 * distinctRows, which every query took before: the same columns, total and rows (in order, value for
 * value) or the same error, over generated rows with NULLs, numbers and numeric text, repeats, JSON
 * objects and arrays, and hostile text; and each query the paths should take takes them, while the
 * others run as before.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

interface Case {
  readonly sql: string;
  /** Whether the engine walks the table itself. */
  readonly scan: boolean;
  /** Whether DISTINCT is keyed as the rows are built. */
  readonly distinct: boolean;
}

const c = (sql: string, scan: boolean, distinct: boolean): Case => ({ sql, scan, distinct });

const CASES: readonly Case[] = [
  // DISTINCT of plain columns: keyed, and scanned.
  c(`SELECT DISTINCT license FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT license, name FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT name AS n FROM ${T} ${W} AND id > 2`, true, true),
  c(`SELECT DISTINCT metadata FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT description, license FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT license AS l, description AS d FROM ${T} ${W} LIMIT 3 OFFSET 1`, true, true),
  c(`SELECT DISTINCT id FROM ${T} ${W} LIMIT 2`, true, true),
  c(`SELECT DISTINCT v.license FROM ${T} v ${W}`, true, true),
  c(`SELECT DISTINCT org_versions.license FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT org, license FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT license FROM ${T} ${W} AND name LIKE '%a%'`, true, true),
  c(`SELECT DISTINCT created_at, id FROM ${T} ${W}`, true, true),
  // The checker names a repeated column `license:1`, so each has a name of its own.
  c(`SELECT DISTINCT license, license FROM ${T} ${W}`, true, true),
  c(`SELECT DISTINCT license AS x, name AS x FROM ${T} ${W}`, true, true),
  // DISTINCT the engine leaves to distinctRows (the table is still scanned where it can be).
  c(`SELECT DISTINCT license FROM ${T} ${W} ORDER BY license`, false, false),
  c(`SELECT DISTINCT name FROM ${T} ${W} ORDER BY id`, false, false),
  c(`SELECT DISTINCT UPPER(name) AS u FROM ${T} ${W}`, true, false),
  c(`SELECT DISTINCT * FROM ${T} ${W}`, true, false),
  c(`SELECT DISTINCT license, COUNT(*) AS n FROM ${T} ${W} GROUP BY license`, false, false),
  // A sub-query's values are computed before the walk: keyed, not scanned.
  c(`SELECT DISTINCT license FROM ${T} ${W} AND id IN (SELECT id FROM ${T} ${W} AND id > 3)`, false, true),
  // Scanned.
  c(`SELECT id, name FROM ${T} ${W} AND name LIKE '%ab%'`, true, false),
  c(`SELECT * FROM ${T} ${W}`, true, false),
  c(`SELECT id, metadata->container->tags AS tags FROM ${T} ${W} AND id % 10 = 0`, true, false),
  c(`SELECT id FROM ${T} ${W} LIMIT 3`, true, false),
  c(`SELECT id FROM ${T} ${W} LIMIT 3 OFFSET 2`, true, false),
  c(`SELECT id FROM ${T} ${W} LIMIT 0`, true, false),
  c(`SELECT id FROM ${T} ${W} LIMIT 2 OFFSET 100`, true, false),
  c(`SELECT name, id + 1 AS n FROM ${T} ${W} AND (id > 3 OR name IS NULL)`, true, false),
  c(`SELECT UPPER(name) AS u, LENGTH(name) AS l, license || '-' AS x FROM ${T} ${W}`, true, false),
  c(`SELECT 1 AS one, NULL AS nothing FROM ${T} ${W}`, true, false),
  c(`SELECT id FROM ${T} ${W} AND license = 'MIT'`, true, false),
  c(`SELECT id FROM ${T} ${W} AND license IN ('MIT', 1, '1')`, true, false),
  c(`SELECT id, CASE WHEN id > 3 THEN 'big' ELSE 'small' END AS size FROM ${T} ${W}`, true, false),
  c(`SELECT id, json_extract(metadata, '$.container.tags[0]') AS tag FROM ${T} ${W}`, true, false),
  c(`SELECT id, CAST(id AS TEXT) AS t, typeof(license) AS k FROM ${T} ${W}`, true, false),
  c(`SELECT id FROM ${T} ${W} AND created_at >= '2024-06-01'`, true, false),
  // Left to alasql's walk.
  c(`SELECT id, name FROM ${T} ${W} ORDER BY name DESC, id LIMIT 5`, false, false),
  c(`SELECT license, COUNT(*) AS n FROM ${T} ${W} GROUP BY license`, false, false),
  c(`SELECT COUNT(*) AS n, MAX(id) AS m FROM ${T} ${W}`, false, false),
  c(`SELECT id FROM ${T} ${W} AND id IN (SELECT id FROM ${T} ${W} AND name LIKE '%a%')`, false, false),
  c(`SELECT id, (SELECT COUNT(*) FROM ${T} ${W}) AS n FROM ${T} ${W}`, false, false),
  // The JOIN is alasql's; the query that feeds json_each its arguments is one table's, and scanned.
  c(`SELECT j.value AS tag FROM ${T} AS v, json_each(v.metadata, '$.container.tags') AS j ${W}`, true, false),
];

describe('the table scan and keyed DISTINCT give what alasql’s walk and distinctRows gave', () => {
  it.each(CASES)(
    '$sql',
    ({ sql, scan, distinct }) => {
      // Each statement over the same few generated datasets; whether the paths were taken, once.
      const datasets = fc.sample(versionRows, { numRuns: 25, seed: 13 });
      datasets.push([], [...COLLISIONS], [...COLLISIONS].reverse());
      let taken = { scan: 0, distinct: 0 };
      for (const rows of datasets) {
        const both = bothWays(rows, sql);
        expectSame(both.fast, both.general, sql);
        taken = { scan: taken.scan + both.taken.scan, distinct: taken.distinct + both.taken.distinct };
      }
      expect(taken.scan > 0, 'scanned').toBe(scan);
      expect(taken.distinct > 0, 'DISTINCT keyed').toBe(distinct);
    },
    60_000,
  );

  it('over generated rows and statements', () => {
    const column = fc.constantFrom('id', 'name', 'license', 'description', 'metadata', 'created_at', 'org');
    const term = fc.constantFrom(
      'id > 2',
      'id = 3',
      "id = '3'",
      'license IS NULL',
      'license IS NOT NULL',
      "name LIKE '%a%'",
      "name NOT LIKE 'A_%'",
      "license IN ('MIT', '1', 1)",
      "json_array_length(metadata, '$.container.tags') > 0",
      'metadata->container IS NOT NULL',
      'id % 2 = 0',
      "created_at < '2024-06-01'",
      "COALESCE(license, 'none') <> 'none'",
    );
    const statement = fc
      .record({
        distinct: fc.boolean(),
        columns: fc.uniqueArray(column, { minLength: 1, maxLength: 3 }),
        terms: fc.array(term, { maxLength: 2 }),
        limit: fc.option(fc.tuple(fc.nat(6), fc.option(fc.nat(4), { nil: undefined })), { nil: undefined }),
      })
      .map(({ distinct, columns, terms, limit }) => {
        const where = [W, ...terms].join(' AND ');
        const page = limit
          ? ` LIMIT ${String(limit[0])}${limit[1] === undefined ? '' : ` OFFSET ${String(limit[1])}`}`
          : '';
        return `SELECT ${distinct ? 'DISTINCT ' : ''}${columns.join(', ')} FROM ${T} ${where}${page}`;
      });
    let scanned = 0;
    let keyed = 0;
    fc.assert(
      fc.property(fc.oneof(versionRows, fc.constant(COLLISIONS)), statement, (rows, sql) => {
        const both = bothWays(rows, sql);
        expectSame(both.fast, both.general, sql);
        scanned += both.taken.scan;
        keyed += both.taken.distinct;
      }),
      { numRuns: RUNS },
    );
    expect(scanned).toBeGreaterThan(0);
    expect(keyed).toBeGreaterThan(0);
  }, 120_000);
});

describe('DISTINCT’s key filters answer as valueKey', () => {
  it('a value is new exactly when no earlier value has its key', () => {
    const value = fc.oneof(
      trickyValue,
      fc.constantFrom(0n, 1n, 10n, -3n, 2n ** 70n, 10n ** 21n, new Date(0), new Date(0)),
      fc.double(),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (values) => {
        const distinct = new DistinctValues();
        const seen = new Set<string>();
        for (const v of values) {
          const key = valueKey(v);
          expect(distinct.isNew(v), key).toBe(!seen.has(key));
          seen.add(key);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('a tuple is new exactly when no earlier tuple has its keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(trickyValue, trickyValue), { maxLength: 20 }), (tuples) => {
        const distinct = new DistinctTuples();
        const seen = new Set<string>();
        for (const t of tuples) {
          const key = JSON.stringify(t.map(valueKey));
          expect(distinct.isNew(t)).toBe(!seen.has(key));
          seen.add(key);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('tells NULL from text, numbers from numeric text, and hostile names apart', () => {
    const distinct = new DistinctValues();
    const values = [
      null,
      undefined,
      NaN,
      '',
      'null',
      1,
      '1',
      true,
      1n,
      0,
      -0,
      false,
      '__proto__',
      'constructor',
    ];
    expect(values.map((v) => distinct.isNew(v))).toEqual([
      true, // NULL
      false, // undefined is NULL
      false, // NaN is NULL, as valueKey has it
      true,
      true,
      true,
      true,
      false, // TRUE is 1
      false, // 1n is 1
      true,
      false, // -0 is 0
      false, // FALSE is 0
      true,
      true,
    ]);
  });
});

describe('GROUP BY keeps its groups in a null-prototype object on every run (harden.ts)', () => {
  it('groups named as Object.prototype’s members, run after run of one compiled query', () => {
    const core = createCore();
    const licenses = ['__proto__', 'constructor', 'toString', '__proto__', 'hasOwnProperty', null, 'MIT'];
    const rows = licenses.map((license, i) => ({ id: i, license }));
    const sql = `SELECT license, COUNT(*) AS n FROM ${T} ${W} GROUP BY license`;
    for (let run = 0; run < 3; run++) {
      const out = runOver(rows, sql, core);
      expect(out).toMatchObject({ ok: true, total: 6 });
      if (!out.ok) return;
      expect(out.rows).toEqual([
        { license: '__proto__', n: 2 },
        { license: 'constructor', n: 1 },
        { license: 'toString', n: 1 },
        { license: 'hasOwnProperty', n: 1 },
        { license: null, n: 1 },
        { license: 'MIT', n: 1 },
      ]);
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('n');
      expect(({} as Record<string, unknown>).license).toBeUndefined();
    }
  });
});
