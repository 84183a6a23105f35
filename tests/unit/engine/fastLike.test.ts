import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fastPathCounts } from '../../../src/engine/fastPaths';
import { compileLike, engineLike } from '../../../src/engine/like';
import { sqlLike } from '../../../src/sql/like';
import {
  bothWays,
  COLLISIONS,
  expectSame,
  T,
  trickyText,
  trickyValue,
  versionRows,
  W,
} from './fastPathHarness';

/**
 * LIKE's fast path (src/engine/like.ts) against the general matcher (src/sql/like.ts, SQLite's LIKE),
 * which the engine used for every row before: the same answer for every pattern and value, and the
 * fast path is what the engine runs.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** Pattern characters: wildcards, ASCII letters of both cases, regular-expression syntax, and text SQLite does not fold. */
const patternChar = fc.constantFrom(
  '%',
  '%',
  '_',
  'a',
  'A',
  'b',
  'B',
  'z',
  '0',
  '1',
  '.',
  '*',
  '+',
  '?',
  '^',
  '$',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '|',
  '\\',
  '/',
  '-',
  ':',
  ' ',
  '\n',
  'é',
  'É',
  'ß',
  'İ',
  'ı',
  '\u212A',
  '\u017F',
  '😀',
  '\uD83D',
  '\uDE00',
);
const pattern = fc.array(patternChar, { maxLength: 8 }).map((cs) => cs.join(''));
/** Text made of the same characters, so that patterns match often. */
const text = fc.oneof(
  fc
    .array(
      patternChar.filter((c) => c !== '%' && c !== '_'),
      { maxLength: 10 },
    )
    .map((cs) => cs.join('')),
  trickyText,
  fc.string({ maxLength: 10 }),
  fc.string({ maxLength: 10, unit: 'binary' }),
);

describe('LIKE: the compiled pattern answers as SQLite’s matcher', () => {
  it('for generated patterns and text', () => {
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(compileLike(p)(t), `${JSON.stringify(t)} LIKE ${JSON.stringify(p)}`).toBe(sqlLike(p, t));
        expect(engineLike(p, t)).toBe(sqlLike(p, t));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('for a pattern built from the text, so that it matches, and the same with one change', () => {
    const derived = fc.tuple(text, fc.array(fc.nat(), { maxLength: 4 }), fc.nat()).map(([t, cuts, flip]) => {
      // Replace some characters by `_`, some runs by `%`, and change the case of one letter.
      let p = Array.from(t)
        .map((ch, i) => (cuts.includes(i) ? (i % 2 ? '_' : '%') : ch))
        .join('')
        .replace(/%+/g, '%');
      const at = flip % Math.max(p.length, 1);
      const ch = p.charAt(at);
      p = p.slice(0, at) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + p.slice(at + 1);
      return [p, t] as const;
    });
    fc.assert(
      fc.property(derived, ([p, t]) => {
        expect(compileLike(p)(t), `${JSON.stringify(t)} LIKE ${JSON.stringify(p)}`).toBe(sqlLike(p, t));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('for values that are not text, and patterns that are not text', () => {
    fc.assert(
      fc.property(fc.oneof(pattern, trickyText), trickyValue, (p, v) => {
        expect(engineLike(p, v)).toBe(sqlLike(p, v));
      }),
      { numRuns: RUNS },
    );
    for (const p of [1, 1.5, true, null, undefined, { a: 1 }]) {
      for (const v of ['1', 1, '1.5', 'true', '{"a":1}', '', null])
        expect(engineLike(p, v)).toBe(sqlLike(p, v));
    }
  });

  it.each([
    ['%ab%', 'sha256:00AB', true],
    ['%ab%', 'sha256:00a', false],
    ['ab', 'AB', true],
    ['a_c', 'abc', true],
    ['a_c', 'a😀c', true],
    ['a__c', 'a😀c', false],
    ['%😀', 'x😀', true],
    ['%\uDE00', '😀', true],
    ['é', 'É', false],
    ['k', '\u212A', false],
    ['s', '\u017F', false],
    ['i', 'İ', false],
    ['a.c', 'abc', false],
    ['a*', 'a', false],
    ['[ab]', 'a', false],
    ['[ab]', '[AB]', true],
    ['%a%b%c%', 'xAyBzC', true],
    ['%a%b%c%', 'xAyCzB', false],
    ['a%a', 'a', false],
    ['a%%a', 'aa', true],
    ['%%b%', '', false],
    ['%%b%', 'xBy', true],
    ['%b%%', 'a', false],
    ['%%%', '', true],
    ['%%', '', true],
    ['', '', true],
    ['', 'a', false],
    ['_', '', false],
    ['%_%_%', 'a', false],
  ])('%j LIKE matches %j: %j', (p, t, expected) => {
    expect(sqlLike(p, t)).toBe(expected);
    expect(compileLike(p)(t)).toBe(expected);
  });

  it('stays linear on patterns that make a backtracking matcher slow', () => {
    const started = performance.now();
    expect(engineLike('%a%a%a%a%a%a%a%a%a%a%b', 'a'.repeat(20_000))).toBe(false);
    expect(engineLike('%_%_%_%_%_%_%_%_%_%_%b', 'a'.repeat(20_000))).toBe(false);
    expect(engineLike('%aaaaaaaaaaaaaaaaaaab%', 'a'.repeat(20_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers alike for patterns too long to compile, which it leaves to the general matcher', () => {
    for (const n of [10, 1999, 2001, 50_000]) {
      const p = `%${'aB_'.repeat(n / 2)}%`;
      for (const t of [`x${'Abc'.repeat(n / 2)}y`, 'Ab'.repeat(n), ''])
        expect(engineLike(p, t)).toBe(sqlLike(p, t));
    }
  });

  it('is the path the engine takes for a text pattern', () => {
    const before = fastPathCounts().like;
    expect(engineLike('%AB%', 'xaby')).toBe(true);
    expect(engineLike('%AB%', null)).toBe(false);
    expect(fastPathCounts().like - before).toBe(2);
  });
});

describe('LIKE through the engine, fast path on and off', () => {
  const likePattern = fc.oneof(
    pattern,
    trickyText,
    fc.constantFrom('%ab%', 'AB%', '%b', 'sha256:%', '%_', '_%_', '%😀%', '%\\%'),
  );
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

  it('gives the same rows, and takes the compiled pattern', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.oneof(versionRows, fc.constant(COLLISIONS)),
        likePattern,
        fc.constantFrom('name', 'license', 'description', 'id', 'metadata'),
        fc.boolean(),
        (rows, p, column, not) => {
          const sql = `SELECT id, name FROM ${T} ${W} AND ${column} ${not ? 'NOT LIKE' : 'LIKE'} ${quote(p)}`;
          const { fast, general, taken: t } = bothWays(rows, sql, ['like']);
          expectSame(fast, general, sql);
          taken += t.like;
        },
      ),
      { numRuns: RUNS / 5 },
    );
    expect(taken).toBeGreaterThan(0);
  }, 120_000);
});
