import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { resetBudget } from '../../../src/engine/budget';
import { createCore } from '../../../src/engine/core';
import { fastPathCounts } from '../../../src/engine/fastPaths';
import { jsonArrayLengthEngine, jsonExtractEngine, parseFastPath } from '../../../src/engine/jsonPath';
import { jsonArrayLength, jsonExtract } from '../../../src/sql/json';
import { bothWays, expectSame, jsonDoc, jsonKey, metadataDoc, T, versionRows, W } from './fastPathHarness';

/**
 * The JSON fast path (src/engine/jsonPath.ts) against the general functions (src/sql/json.ts, SQLite's),
 * which the engine called for every row before: the same value or the same error, for every document
 * and path; and the fast path is what the engine runs.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

// The engine's realm, as in the worker: Object.prototype frozen before any path is read, so that the
// fast path's reads of plain members (see jsonPath.ts) are the ones tested.
beforeAll(() => {
  createCore();
});

/** A path as a reader writes it: mostly well-formed, some not, some the fast path leaves alone. */
const pathStep = fc.oneof(
  jsonKey.map((k) => (/^[A-Za-z0-9_]+$/.test(k) ? `.${k}` : `."${k}"`)),
  fc.constantFrom('.container', '.tags', '.a', '.b', '[0]', '[1]', '[2]', '[00]', '[#-1]', '[#-0]'),
  fc.constantFrom(
    '[999999999]',
    '[9999999999]',
    '.',
    '..a',
    '[a]',
    '[-1]',
    '.a b',
    '."a',
    '["a"]',
    '.a-b',
    ' ',
  ),
  fc.nat({ max: 5 }).map((n) => `[${String(n)}]`),
);
const path = fc.oneof(
  fc.array(pathStep, { maxLength: 4 }).map((steps) => `$${steps.join('')}`),
  fc.constantFrom('', 'container', 'a.b', '$$', '$.', '$[', '$.container.tags[0]', '$.container.tags'),
);

type Outcome = { value: unknown } | { error: string };
function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe('JSON: paths read by parsed steps answer as the general functions', () => {
  it('json_extract with one path, over generated documents and paths', () => {
    fc.assert(
      fc.property(fc.oneof(jsonDoc, metadataDoc), path, (doc, p) => {
        resetBudget();
        expect(outcome(() => jsonExtractEngine(doc, p))).toStrictEqual(outcome(() => jsonExtract(doc, p)));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('json_extract with several paths, none, or a path that is not text', () => {
    fc.assert(
      fc.property(
        jsonDoc,
        fc.array(fc.oneof(path, fc.constantFrom(1, null)), { maxLength: 3 }),
        (doc, ps) => {
          resetBudget();
          expect(outcome(() => jsonExtractEngine(doc, ...ps))).toStrictEqual(
            outcome(() => jsonExtract(doc, ...ps)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('json_array_length with and without a path', () => {
    fc.assert(
      fc.property(fc.oneof(jsonDoc, metadataDoc), fc.option(path, { nil: undefined }), (doc, p) => {
        expect(outcome(() => jsonArrayLengthEngine(doc, p))).toStrictEqual(
          outcome(() => jsonArrayLength(doc, p)),
        );
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('reads own members only: hostile names, missing paths and what is not an object', () => {
    const doc = JSON.parse(
      '{"__proto__":{"x":1},"constructor":[1,2],"a":{"b":null},"arr":[true,false,null,{"c":"d"}]}',
    ) as unknown;
    const cases: [unknown, string][] = [
      [doc, '$.__proto__'],
      [doc, '$.__proto__.x'],
      [doc, '$.constructor'],
      [doc, '$.constructor[1]'],
      [doc, '$.toString'],
      [doc, '$.hasOwnProperty'],
      [doc, '$.a.b'],
      [doc, '$.a.b.c'],
      [doc, '$.a.missing'],
      [doc, '$.arr[0]'],
      [doc, '$.arr[1]'],
      [doc, '$.arr[2]'],
      [doc, '$.arr[3]'],
      [doc, '$.arr[3].c'],
      [doc, '$.arr[4]'],
      [doc, '$.arr.length'],
      [doc, '$[0]'],
      [doc, '$'],
      [[1, [2, 3]], '$[1][0]'],
      [[1, [2, 3]], '$.0'],
      [{}, '$.constructor'],
      [[], '$.length'],
      [Object.create(null) as object, '$.a'],
    ];
    for (const [d, p] of cases) {
      expect(
        outcome(() => jsonExtractEngine(d, p)),
        p,
      ).toStrictEqual(outcome(() => jsonExtract(d, p)));
      expect(
        outcome(() => jsonArrayLengthEngine(d, p)),
        p,
      ).toStrictEqual(outcome(() => jsonArrayLength(d, p)));
    }
    expect(jsonExtractEngine(doc, '$.toString')).toBeNull();
    expect(jsonExtractEngine(doc, '$.__proto__')).toBe('{"x":1}');
  });

  it('takes the fast path for the paths it parses, over parsed documents', () => {
    expect(parseFastPath('$.container.tags[0]')).toEqual({
      steps: ['container', 'tags', 0],
      plain: [true, true, false],
    });
    expect(parseFastPath('$.constructor.toString.a')?.plain).toEqual([false, false, true]);
    expect(parseFastPath('$')).toEqual({ steps: [], plain: [] });
    for (const p of ['$."a b"', '$[#-1]', '$.a-b', 'a', '$[1234567890]']) expect(parseFastPath(p)).toBeNull();
    const before = fastPathCounts().json;
    const doc = { container: { tags: ['v1', 'latest'] } };
    expect(jsonExtractEngine(doc, '$.container.tags[0]')).toBe('v1');
    expect(jsonExtractEngine(doc, '$.container.tags')).toBe('["v1","latest"]');
    expect(jsonArrayLengthEngine(doc, '$.container.tags')).toBe(2);
    expect(fastPathCounts().json - before).toBe(3);
    // Text is parsed by the general function, as before.
    expect(jsonExtractEngine('{"a":1}', '$.a')).toBe(1);
    expect(fastPathCounts().json - before).toBe(3);
  });
});

describe('JSON through the engine, fast path on and off', () => {
  it('json_extract, json_array_length and -> give the same rows, and take the parsed steps', () => {
    const exprs = [
      `json_extract(metadata, '$.container.tags[0]')`,
      `json_extract(metadata, '$.container.tags')`,
      `json_extract(metadata, '$.container')`,
      `json_extract(metadata, '$.__proto__')`,
      `json_extract(metadata, '$.constructor')`,
      `json_extract(metadata, '$.a.b')`,
      `json_extract(metadata, '$')`,
      `json_extract(metadata, '$[0]')`,
      `json_extract(metadata, '$[#-1]')`,
      `json_extract(metadata, '$.container.tags', '$.a')`,
      `json_extract(license, '$.a')`,
      `json_array_length(metadata, '$.container.tags')`,
      `json_array_length(metadata)`,
      `json_array_length(metadata, '$.a')`,
      `metadata->container->tags`,
      `metadata->container`,
      `metadata->a->b`,
    ];
    let taken = 0;
    fc.assert(
      fc.property(versionRows, fc.constantFrom(...exprs), fc.constantFrom(...exprs), (rows, e1, e2) => {
        for (const sql of [
          `SELECT id, ${e1} AS v FROM ${T} ${W}`,
          `SELECT id FROM ${T} ${W} AND ${e2} IS NOT NULL`,
          `SELECT id, ${e1} AS v FROM ${T} ${W} AND json_array_length(metadata, '$.container.tags') > 1`,
        ]) {
          const { fast, general, taken: t } = bothWays(rows, sql, ['json']);
          expectSame(fast, general, sql);
          taken += t.json;
        }
      }),
      { numRuns: RUNS / 15 },
    );
    expect(taken).toBeGreaterThan(0);
  }, 120_000);
});
