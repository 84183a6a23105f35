import alasql from 'alasql';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  BudgetExceeded,
  MAX_CELLS,
  MAX_TEXT_CHARS,
  chargeText,
  resetBudget,
} from '../../../src/engine/budget';
import { createCore } from '../../../src/engine/core';
import { extractPaths } from '../../../src/sql/json';
import {
  concat,
  concatOperator,
  concatWs,
  jsonExtractCharged,
  lower,
  plus,
  replace,
  upper,
} from '../../../src/engine/textFunctions';
import { callKey, type ApiCall } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import { WEB_ROWS } from '../../fixtures/engine/rows';
import { runOverFixtures } from './harness';
import { loadSource } from '../../../src/engine/tables';

const orgVersions = getResource('github.packages.org_versions');

/** 5. What a query may build: text from the string functions, and rows × columns. */

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const TEXT_ERROR = `The query builds more than 64 MB of text; build shorter strings (REPLACE, ||, CONCAT and friends), or select fewer rows or columns.`;

/** `REPLACE(…REPLACE(name, pattern, by)…)`, `depth` deep. */
function nestedReplace(depth: number, pattern: string, by: string): string {
  let e = 'name';
  for (let i = 0; i < depth; i++) e = `REPLACE(${e}, '${pattern}', '${by}')`;
  return e;
}

/** Runs a statement over the fixtures and times it. */
function timed(sql: string) {
  const started = performance.now();
  const out = runOverFixtures(sql, createCore());
  return { out, ms: performance.now() - started };
}

describe('the text budget', () => {
  it("the 8-deep REPLACE(x, '', y) of a 250-character link returns at once, as SQLite's x", () => {
    const bomb = nestedReplace(8, '', 'xxxxxxxx');
    expect(bomb.length).toBeLessThan(250);
    const sql = `SELECT ${bomb} AS x FROM ${T} ${W} AND id = 1`;
    const { out, ms } = timed(sql);
    expect(out.ok && out.rows).toEqual([{ x: 'sha256:0001' }]);
    expect(ms).toBeLessThan(2000);
  });

  it('an 8-deep REPLACE that grows text ends in a clear error, quickly, and the engine keeps working', () => {
    const sql = `SELECT ${nestedReplace(8, '0', '0'.repeat(40))} AS x FROM ${T} ${W}`;
    const core = createCore();
    const started = performance.now();
    const out = runOverFixtures(sql, core);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(out.ok ? 'ran' : out.error).toEqual({ code: 'runtime', message: TEXT_ERROR });
    const after = runOverFixtures(`SELECT COUNT(*) AS n FROM ${T} ${W}`, core);
    expect(after.ok && after.rows).toEqual([{ n: 8 }]);
  });

  it.each([['||'], ['+']])('text joined with %s counts, through the engine', (op) => {
    // Six levels make ~800,000 characters a row; twelve copies a row, 8 rows, go over 64 MB.
    const copies = Array.from({ length: 12 }, () => nestedReplace(6, '0', '00000000'));
    const { out } = timed(`SELECT ${copies.join(` ${op} `)} AS x FROM ${T} ${W}`);
    expect(out.ok ? 'ran' : out.error.message).toBe(TEXT_ERROR);
  });

  it('the charged functions are the ones queries call', () => {
    createCore();
    const fn = (alasql as unknown as { fn: Record<string, unknown> }).fn;
    expect([fn.REPLACE, fn.CONCAT, fn.CONCAT_WS, fn.UPPER, fn.UCASE, fn.LOWER, fn.LCASE]).toEqual([
      replace,
      concat,
      concatWs,
      upper,
      upper,
      lower,
      lower,
    ]);
    expect(fn.json_extract).toBe(jsonExtractCharged);
  });

  it('each text function charges before (or as) it builds', () => {
    const cases: [string, () => unknown][] = [
      ['replace', () => replace('a0a0', '0', 'zzzz')],
      ['concat', () => concat('abcd', 'efgh')],
      ['concat_ws', () => concatWs(',', 'abcd', 'efgh')],
      ['||', () => concatOperator('abcd', 'efgh')],
      ['upper', () => upper('abcdefgh')],
      ['lower', () => lower('ABCDEFGH')],
      ['json_extract', () => jsonExtractCharged({ a: [1, 2, 3, 4] }, '$.a')],
      [
        'CAST',
        () =>
          (alasql as unknown as { stdfn: { CONVERT(v: unknown, a: unknown): unknown } }).stdfn.CONVERT(
            { text: 'abcdefgh' },
            { dbtypeid: 'TEXT' },
          ),
      ],
    ];
    createCore();
    for (const [name, fn] of cases) {
      resetBudget();
      chargeText(MAX_TEXT_CHARS - 4);
      expect(fn, name).toThrow(BudgetExceeded);
    }
    resetBudget();
  });

  it('json_extract with several paths charges each piece as it builds it, stopping at the budget', () => {
    const doc = JSON.stringify('x'.repeat(4_000_000)); // 4 MB of JSON text
    let pieces = 0;
    const charge = (chars: number) => {
      pieces += 1;
      chargeText(chars);
    };
    resetBudget();
    // 30 paths would build 120 MB; the budget (64 MiB) stops it at the 17th piece, not after all 30.
    expect(() =>
      extractPaths(
        doc,
        Array.from({ length: 30 }, () => '$'),
        charge,
      ),
    ).toThrow(BudgetExceeded);
    expect(pieces).toBe(17);
    resetBudget();
    expect(() => jsonExtractCharged(doc, ...Array.from({ length: 30 }, () => '$'))).toThrow(BudgetExceeded);
    resetBudget();
    expect(jsonExtractCharged('{"a":[1,2]}', '$.a', '$.a[0]', '$.b')).toBe('[[1,2],1,null]');
    resetBudget();
  });
});

describe('SQLite semantics of the text functions', () => {
  beforeEach(() => {
    resetBudget();
  });

  it('NULL in gives NULL out; REPLACE with an empty pattern is the text', () => {
    expect(replace(null, 'a', 'b')).toBeUndefined();
    expect(replace('abc', null, 'b')).toBeUndefined();
    expect(replace('abc', '', 'zz')).toBe('abc');
    expect(replace('a.b.c', '.', '::')).toBe('a::b::c');
    expect(concatOperator('a', null)).toBeUndefined();
    expect(concatOperator(0, 'x')).toBe('0x');
    expect(concat('a', null, 2)).toBe('a2');
    expect(concatWs(null, 'a', 'b')).toBeUndefined();
    expect(concatWs('-', 'a', null, 'b')).toBe('a-b');
    expect(concatOperator({ tags: ['v1'] }, '')).toBe('{"tags":["v1"]}');
  });

  it('UPPER and LOWER change ASCII letters only', () => {
    expect(upper('straße é')).toBe('STRAßE é');
    expect(lower('ÉCOLE ABC')).toBe('École abc');
  });

  it("+ adds numbers, text by its numeric prefix, as SQLite's does", () => {
    expect(plus(1, 2)).toBe(3);
    expect(plus('a', 1)).toBe(1);
    expect(plus('10', '2.5x')).toBe(12.5);
    expect(plus(null, 1)).toBeUndefined();
    expect(plus(Number.NaN, 1)).toBeUndefined();
    expect(plus(true, 1)).toBe(2);
  });
});

describe('the values budget (rows × columns)', () => {
  const call: ApiCall = {
    resource: orgVersions.id,
    method: 'get_all_package_versions_for_package_owned_by_org',
    params: { org: 'acme', package_name: 'web', package_type: 'container' },
  };
  const key = callKey('https://api.github.com', call);
  const ROWS = 10_000;
  const core = createCore();
  core.load(
    key,
    loadSource(call),
    Array.from({ length: ROWS }, (_, i) => ({ ...WEB_ROWS[i % WEB_ROWS.length], id: i + 1 })),
    true,
  );
  const columns = Math.ceil(MAX_CELLS / ROWS) + 1;
  const wide = Array.from({ length: columns }, (_, i) => `id AS c${String(i)}`).join(', ');

  it('a result wider and longer than the budget ends in a clear error', () => {
    const r = core.run(`SELECT ${wide} FROM org_versions`, 'org_versions', [key], 10);
    expect(r.ok ? 'ran' : r.error).toEqual({
      code: 'runtime',
      message:
        'The query builds more than 5,000,000 values (rows × columns); select fewer columns, or filter rows with WHERE.',
    });
  });

  it('rows a sub-query builds count too, once per time it runs', () => {
    // A correlated sub-query runs once per outer row: 10,000 × 10,000 rows, each one cell.
    const r = core.run(
      'SELECT (SELECT COUNT(*) FROM org_versions w WHERE w.id <> v.id) AS n FROM org_versions v',
      'org_versions',
      [key],
      10,
    );
    expect(r.ok ? 'ran' : r.error.message).toMatch(/more than 5,000,000 values/);
    // The same sub-query, not correlated, runs once: 10,000 + 10,000 rows.
    const once = core.run(
      'SELECT (SELECT COUNT(*) FROM org_versions w WHERE w.id > 0) AS n FROM org_versions v',
      'org_versions',
      [key],
      10,
    );
    expect(once.ok && once.value.rows[0]).toEqual({ n: ROWS });
  });

  it('only the rows a query builds count: the same columns over a few rows run', () => {
    const r = core.run(`SELECT ${wide} FROM org_versions WHERE id <= 3`, 'org_versions', [key], 10);
    expect(r.ok && r.value.total).toBe(3);
  });
});
