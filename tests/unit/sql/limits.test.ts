import { describe, expect, it } from 'vitest';
import { getResource } from '../../../src/resources/registry';

import { parseAlasql } from '../../../src/sql/ast';
import type { SqlError } from '../../../src/sql/errors';
import {
  MAX_EXPRESSION_DEPTH,
  MAX_NESTING,
  MAX_QUERY_CHARS,
  MAX_TOKENS,
  measureComplexity,
} from '../../../src/sql/limits';
import { planQuery } from '../../../src/sql/plan';
import { CORPUS } from '../../fixtures/engine/corpus';

const orgVersions = getResource('github.packages.org_versions');

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

function error(sql: string): SqlError {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected an error for ${sql.slice(0, 80)}`);
  return r.error;
}

/** The 1-based line and column of a character offset, computed independently of the code under test. */
function at(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** The offset of the n-th (1-based) occurrence of `needle`. */
function nth(text: string, needle: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  return i;
}

function expectLimitAt(e: SqlError, text: string, offset: number): void {
  const { line, column } = at(text, offset);
  expect(e.code).toBe('too-complex');
  expect({ line: e.line, column: e.column }).toEqual({ line, column });
  expect(e.message).toContain(`line ${String(line)}, column ${String(column)}`);
}

const rep = (s: string, n: number) => s.repeat(n);

describe('the length limit', () => {
  it(`refuses a text over ${String(MAX_QUERY_CHARS)} characters, saying how long, the limit and where`, () => {
    const sql = `SELECT id\nFROM ${T}\n${W}\n-- ${rep('x', MAX_QUERY_CHARS)}`;
    const e = error(sql);
    expectLimitAt(e, sql, MAX_QUERY_CHARS);
    expect(e.message).toContain(`${sql.length.toLocaleString('en-US')} characters long`);
    expect(e.message).toContain('20,000');
  });

  it('takes a text of exactly the limit (comments count, and still plan)', () => {
    const head = `SELECT id FROM ${T} ${W}\n-- `;
    const r = planQuery(head + rep('x', MAX_QUERY_CHARS - head.length));
    expect(r.ok).toBe(true);
  });
});

describe('the token limit', () => {
  const list = (n: number) => `SELECT 1${rep(',1', n)}`;

  it(`takes ${String(MAX_TOKENS)} tokens`, () => {
    // SELECT, 1, then n pairs of `,` `1`.
    expect(planQuery(list((MAX_TOKENS - 2) / 2)).ok).toBe(true);
  });

  it('refuses the next token, at its place', () => {
    // Token 3,001 is the 1,500th comma.
    const sql = list(MAX_TOKENS / 2);
    expectLimitAt(error(sql), sql, nth(sql, ',', MAX_TOKENS / 2));
    expect(error(sql).message).toContain('more than 3,000 tokens');
  });

  it('counts the tokens alasql sees when the text is parsed, on any line', () => {
    const sql = `SELECT\n${rep('1,\n', MAX_TOKENS)}1`;
    const e = parseAlasql(sql);
    if (e.ok) throw new Error('expected the token limit');
    expectLimitAt(e.error, sql, nth(sql, ',', MAX_TOKENS / 2));
  });
});

describe('the nesting limit', () => {
  // Each shape: its name, what opens a level, what closes it, and the token the error points at.
  const shapes: readonly (readonly [string, string, string, string])[] = [
    ['parentheses', '(', ')', '('],
    ['function calls', 'abs(', ')', '('],
    ['aggregates', 'COUNT(', ')', '('],
    ['CAST', 'CAST(', ' AS INTEGER)', '('],
    ['CASE in CASE', 'CASE WHEN 1 THEN ', ' END', 'CASE'],
    ['NOT', 'NOT ', '', 'NOT'],
    ['unary minus', '- ', '', '-'],
    ['unary plus', '+', '', '+'],
    ['JSON objects', '{a:', '}', '{'],
    ['@[ arrays', '@[', ']', '@['],
    ['ARRAY[', 'ARRAY[', ']', 'ARRAY['],
    ['sub-queries', '(SELECT ', ')', '('],
    ['IN lists', '1 IN (', ')', '('],
  ];
  for (const [name, open, close, token] of shapes) {
    it(`refuses ${name} ${String(MAX_NESTING + 1)} deep at the level past the limit`, () => {
      const sql = `SELECT id,\n  ${rep(open, MAX_NESTING + 1)}1${rep(close, MAX_NESTING + 1)}\nFROM ${T} ${W}`;
      const e = error(sql);
      expectLimitAt(e, sql, nth(sql, token, MAX_NESTING + 1));
      expect(e.message).toMatch(
        /^The query nests more than 64 levels deep \(.*\) at line 2, column \d+; simplify it\.$/,
      );
    });
  }

  it(`takes ${String(MAX_NESTING)} levels`, () => {
    expect(planQuery(`SELECT ${rep('(', MAX_NESTING)}1${rep(')', MAX_NESTING)}`).ok).toBe(true);
    expect(planQuery(`SELECT ${rep('NOT ', MAX_NESTING)}1`).ok).toBe(true);
  });

  it('adds up brackets and prefix operators: NOT (NOT (…)) is two levels a step', () => {
    const half = MAX_NESTING / 2;
    expect(planQuery(`SELECT ${rep('NOT (', half)}1${rep(')', half)}`).ok).toBe(true);
    expect(error(`SELECT ${rep('NOT (', half + 1)}1${rep(')', half + 1)}`).code).toBe('too-complex');
  });

  it('counts brackets alasql sees inside what the StackQL tokenizer reads as a string', () => {
    // alasql reads `\'` as an escaped quote: the parentheses are code to it, not string text.
    const sql = `SELECT 'a\\' '${rep('(', 5000)}1'`;
    expect(error(sql).message).toContain('nests more than 64 levels deep');
  });
});

describe('the expression-depth limit', () => {
  it(`takes a chain of ${String(MAX_EXPRESSION_DEPTH)} operators and refuses the next, at its place`, () => {
    expect(planQuery(`SELECT 1${rep(' + 1', MAX_EXPRESSION_DEPTH)}`).ok).toBe(true);
    const sql = `SELECT 1${rep('\n + 1', MAX_EXPRESSION_DEPTH + 1)}`;
    const e = error(sql);
    expectLimitAt(e, sql, nth(sql, '+', MAX_EXPRESSION_DEPTH + 1));
    expect(e.message).toMatch(/^An expression is more than 256 operators deep at line 258, column 2 /);
  });

  it('refuses long OR, AND, ||, -> and . chains', () => {
    const or = Array.from({ length: 200 }, (_, i) => `id = ${String(i)}`).join(' OR ');
    for (const sql of [
      `SELECT id FROM ${T} ${W} AND (${or})`,
      `SELECT id FROM ${T} ${W}${rep(' AND id > 1', 200)}`,
      `SELECT 'a'${rep(" || 'a'", 300)}`,
      `SELECT metadata${rep('->a', 300)} FROM ${T} ${W}`,
      `SELECT a${rep('.b', 300)} FROM ${T} ${W}`,
      `SELECT 1${rep('::INT', 300)}`,
      `SELECT 1${rep(' IS NULL', 300)}`,
    ]) {
      expect(error(sql).message).toContain('more than 256 operators deep');
    }
  });

  it('adds up chains through brackets: (a + (a + …)) is as deep as both', () => {
    const sql = `SELECT ${rep('1+1+1+1+(', 60)}1${rep(')', 60)}`;
    expect(error(sql).message).toContain('operators deep');
  });

  it('does not add up siblings: list items and CASE branches are separate', () => {
    const items = Array.from({ length: 20 }, () => `1${rep(' + 1', 60)}`).join(', ');
    const whens = rep(`WHEN 1${rep(' + 1', 60)} THEN 1 `, 20);
    expect(planQuery(`SELECT ${items}`).ok).toBe(true);
    expect(planQuery(`SELECT CASE ${whens}END`).ok).toBe(true);
  });
});

describe('shapes that threw RangeError before the limits', () => {
  // Each threw "Maximum call stack size exceeded" out of planQuery (the allow-list walk recursing
  // through alasql's tree), after blocking for 0.2-6 s in alasql's parser.
  const shapes: Readonly<Record<string, string>> = {
    'nested parentheses': `SELECT ${rep('(', 3000)}1${rep(')', 3000)}`,
    'NOT chain': `SELECT ${rep('NOT ', 3000)}1`,
    'minus chain': `SELECT ${rep('- ', 3000)}1`,
    'a+(a+(…))': `SELECT ${rep('1+(', 1000)}1${rep(')', 1000)}`,
    'plus chain': `SELECT 1${rep('+1', 3000)}`,
    'abs(abs(…))': `SELECT ${rep('abs(', 3000)}1${rep(')', 3000)}`,
    'COUNT(COUNT(…))': `SELECT ${rep('COUNT(', 2500)}1${rep(')', 2500)}`,
    'CASE in CASE': `SELECT ${rep('CASE WHEN 1 THEN ', 1000)}1${rep(' END', 1000)}`,
    'CAST in CAST': `SELECT ${rep('CAST(', 1000)}1${rep(' AS INTEGER)', 1000)}`,
    '-> chain': `SELECT metadata${rep('->a', 3000)} FROM ${T} ${W}`,
    'OR chain of 3,000': `SELECT id FROM ${T} ${W} AND (${Array.from({ length: 3000 }, () => 'id = 1').join(' OR ')})`,
    'OR chain of 50,000': `SELECT id FROM ${T} ${W} AND (${Array.from({ length: 50_000 }, () => 'id = 1').join(' OR ')})`,
    'AND chain of 4,000': `SELECT id FROM org_versions WHERE ${rep('id = 1 AND ', 4000)}1`,
    '|| chain': `SELECT 'a'${rep(" || 'a'", 3000)}`,
    'dot chain': `SELECT a${rep('.b', 3000)} FROM ${T}`,
    ':: chain': `SELECT 1${rep('::INT', 3000)}`,
    'IS NULL chain': `SELECT 1${rep(' IS NULL', 3000)}`,
    'BETWEEN chain': `SELECT 1${rep(' BETWEEN 1 AND 1', 3000)}`,
    'IN (IN (…))': `SELECT ${rep('1 IN (', 3000)}1${rep(')', 3000)}`,
    'unary plus chain': `SELECT ${rep('+', 3000)}1`,
  };
  for (const [name, sql] of Object.entries(shapes)) {
    it(`returns a too-complex error for ${name}`, () => {
      let result: ReturnType<typeof planQuery> | undefined;
      expect(() => (result = planQuery(sql))).not.toThrow();
      expect(result?.ok === false && result.error.code).toBe('too-complex');
    });
  }
});

describe('planQuery never throws', () => {
  it('turns an unexpected exception into an internal error', () => {
    const r = planQuery(undefined as unknown as string);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('internal');
    expect(r.error.message).toMatch(
      /^Planning this query failed unexpectedly \(TypeError: .*\)\. This is a bug/,
    );
  });
});

describe('ordinary queries are far inside the limits', () => {
  const queries = [...orgVersions.examples.map((e) => e.sql), ...CORPUS.map((c) => c.sql)];

  it('plans every documented example, and no corpus query meets a limit', () => {
    expect(orgVersions.examples.filter((e) => !planQuery(e.sql).ok)).toEqual([]);
    const codes = queries.map((sql) => {
      const r = planQuery(sql);
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).not.toContain('too-complex');
    expect(codes).not.toContain('internal');
  });

  it('takes an OR of 100 terms and an IN list of 1,000 nine-digit ids', () => {
    const or = Array.from({ length: 100 }, (_, i) => `name = 'v${String(i)}'`).join(' OR ');
    const ids = Array.from({ length: 1000 }, (_, i) => String(123_456_789 + i)).join(', ');
    expect(planQuery(`SELECT id FROM ${T} ${W} AND (${or})`).ok).toBe(true);
    expect(planQuery(`SELECT id FROM ${T} ${W} AND id IN (${ids})`).ok).toBe(true);
  });

  it('uses a quarter of each limit at most', () => {
    for (const sql of queries) {
      const m = measureComplexity(sql);
      expect(sql.length).toBeLessThan(MAX_QUERY_CHARS / 4);
      expect(m.tokens).toBeLessThan(MAX_TOKENS / 4);
      expect(m.nesting).toBeLessThan(MAX_NESTING / 4);
      expect(m.depth).toBeLessThan(MAX_EXPRESSION_DEPTH / 4);
    }
  });
});
