import alasql from 'alasql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MAX_TOKENS, measureComplexity } from '../../../src/sql/limits';
import { planQuery } from '../../../src/sql/plan';

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const MAX_INPUT = 200_000;

/**
 * One way to make a query deep or long, applied `n` times around (or after) an inner expression.
 * These are the shapes that blocked the page or overflowed the stack before the limits.
 */
type Shape =
  | { readonly kind: 'wrap'; readonly open: string; readonly close: string }
  | { readonly kind: 'prefix'; readonly op: string }
  | { readonly kind: 'chain'; readonly op: string };

const SHAPES: readonly Shape[] = [
  ...(
    [
      ['(', ')'],
      ['abs(', ')'],
      ['COUNT(', ')'],
      ['CASE WHEN 1 THEN ', ' END'],
      ['CASE WHEN ', ' THEN 1 END'],
      ['CAST(', ' AS INTEGER)'],
      ['{a:', '}'],
      ['@[', ']'],
      ['ARRAY[', ']'],
      ['(SELECT ', ')'],
      ['EXISTS(SELECT ', ')'],
      ['1+(', ')'],
      ['1 IN (', ')'],
      ['coalesce(1, ', ', 2)'],
    ] as const
  ).map(([open, close]): Shape => ({ kind: 'wrap', open, close })),
  ...['NOT ', '- ', '+', '#', '~', '!'].map((op): Shape => ({ kind: 'prefix', op })),
  ...[
    ' AND 1',
    ' OR id = 1',
    " || 'a'",
    '->a',
    '.b',
    '::INT',
    ' IS NULL',
    ' BETWEEN 1 AND 1',
    '+1',
    ', 1',
    ' = 1',
  ].map((op): Shape => ({ kind: 'chain', op })),
];

function apply(shape: Shape, n: number, inner: string): string {
  switch (shape.kind) {
    case 'wrap':
      return shape.open.repeat(n) + inner + shape.close.repeat(n);
    case 'prefix':
      return shape.op.repeat(n) + inner;
    case 'chain':
      return inner + shape.op.repeat(n);
  }
}

// Where the expression goes: a bare SELECT, a WHERE after the params, hidden from the StackQL
// tokenizer inside what it reads as a string (alasql reads `\'` as an escaped quote), a DELETE.
const CONTEXTS: readonly ((e: string) => string)[] = [
  (e) => `SELECT ${e}`,
  (e) => `SELECT id FROM ${T} ${W} AND ${e}`,
  (e) => `SELECT id, ${e} AS x FROM ${T} ${W} ORDER BY ${e}`,
  (e) => `SELECT 'a\\' '${e}'`,
  (e) => `DELETE FROM ${T} ${W} AND ${e}`,
  (e) => `SELECT ${e}\n-- ${e}`,
];

// Counts from a few (ordinary) through the limits to tens of thousands (refused by length alone,
// cheaply), weighted toward the counts near the limits, where the planner does the most work.
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 80 }), weight: 3 },
  { arbitrary: fc.integer({ min: 80, max: 1_500 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1_500, max: 60_000 }), weight: 1 },
);

const deepQuery = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...SHAPES), count), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...CONTEXTS),
  )
  .map(([layers, context]) => {
    const expr = layers.reduceRight((inner, [shape, n]) => apply(shape, n, inner), '1');
    return context(expr.slice(0, MAX_INPUT)).slice(0, MAX_INPUT);
  });

function elapsed(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('planQuery on deeply nested and long input', () => {
  it('always returns, and within a small multiple of the time for the largest ordinary query', () => {
    // The reference: the longest query the limits take, a list of ids just under the token limit.
    // It costs ~120 ms here, nearly all of it alasql's parser (~30 µs a token). Before the limits,
    // nested shapes cost 10-100 times more than flat ones of the same length (seconds), and some
    // threw RangeError. The bound is generous on purpose (a slow CI machine is slow for both); the
    // 250 ms floor keeps noise in a fast reference from failing it. A regression guard, not a budget.
    const ids = Array.from({ length: (MAX_TOKENS - 40) / 2 }, (_, i) => String(100_000 + i)).join(',');
    const reference = `SELECT id FROM ${T} ${W} AND id IN (${ids})`;
    expect(planQuery(reference).ok).toBe(true);
    planQuery(reference); // warm: the first calls include compiling alasql's parser
    const baseline = median([1, 2, 3].map(() => elapsed(() => planQuery(reference))));
    const bound = Math.max(250, 4 * baseline);

    let slowest = { ms: 0, sql: '' };
    fc.assert(
      fc.property(deepQuery, (sql) => {
        let result: ReturnType<typeof planQuery> | undefined;
        const ms = elapsed(() => (result = planQuery(sql)));
        if (ms > slowest.ms) slowest = { ms, sql: sql.slice(0, 120) };
        expect(typeof result?.ok).toBe('boolean');
        if (result && !result.ok) expect(result.error.code).not.toBe('internal');
        expect(ms, `${sql.slice(0, 120)}… (${String(sql.length)} chars)`).toBeLessThan(bound);
      }),
      { numRuns: 150 },
    );
    expect(slowest.ms).toBeLessThan(bound);
  }, 120_000);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        const r = planQuery(`SELECT ${s}`);
        if (!r.ok) expect(r.error.code).not.toBe('internal');
      }),
      { numRuns: 2000 },
    );
  });
});

/** The depth of alasql's tree: the most alasql nodes (class instances) on one path from the root. */
function treeDepth(root: unknown): number {
  let deepest = 0;
  const todo: [unknown, number][] = [[root, 0]];
  const seen = new Set<unknown>();
  for (let item = todo.pop(); item; item = todo.pop()) {
    const [value, depth] = item;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const proto: unknown = Object.getPrototypeOf(value);
    const isNode = proto !== Object.prototype && proto !== Array.prototype && proto !== null;
    const d = depth + (isNode ? 1 : 0);
    deepest = Math.max(deepest, d);
    for (const child of Object.values(value)) todo.push([child, d]);
  }
  return deepest;
}

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', "'a'", 'id', 'NULL', 'TRUE', 'metadata', 't.id'),
    fc.tuple(fc.constantFrom('NOT ', '- ', '+'), tie('expr')).map(([op, e]) => op + e),
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom(
          ' + ',
          ' - ',
          ' * ',
          ' / ',
          ' || ',
          ' = ',
          ' <> ',
          ' < ',
          ' AND ',
          ' OR ',
          ' LIKE ',
          ' IS ',
        ),
        tie('expr'),
      )
      .map(([a, op, b]) => a + op + b),
    tie('expr').map((e) => `(${e})`),
    fc
      .tuple(
        fc.constantFrom('abs', 'upper', 'coalesce', 'COUNT', 'MAX'),
        fc.array(tie('expr'), { minLength: 1, maxLength: 3 }),
      )
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc
      .tuple(tie('expr'), tie('expr'), tie('expr'))
      .map(([a, b, c]) => `CASE WHEN ${a} THEN ${b} ELSE ${c} END`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `CASE ${a} WHEN ${b} THEN ${c} END`),
    tie('expr').map((e) => `CAST(${e} AS INTEGER)`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} BETWEEN ${b} AND ${c}`),
    fc
      .tuple(tie('expr'), fc.array(tie('expr'), { minLength: 1, maxLength: 3 }))
      .map(([a, l]) => `${a} IN (${l.join(', ')})`),
    tie('expr').map((e) => `(${e})->a->b`),
    tie('expr').map((e) => `${e} IS NOT NULL`),
  ),
}));

describe('the expression-depth bound', () => {
  it("is at least the depth of alasql's tree, less the statement's own levels", () => {
    let checked = 0;
    fc.assert(
      fc.property(expr, expr, (a, b) => {
        const sql = `SELECT ${a} AS x FROM t WHERE ${b} ORDER BY ${a}`;
        let tree: unknown;
        try {
          tree = alasql.parse(sql);
        } catch {
          return; // not valid SQL: nothing to compare with
        }
        checked++;
        // Statements → Select → Expression (WHERE, ORDER BY) → the expression's own levels.
        expect(treeDepth(tree)).toBeLessThanOrEqual(measureComplexity(sql).depth + 4);
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it('holds for each deep shape, just inside the limits', () => {
    let parsed = 0;
    for (const shape of SHAPES) {
      const sql = `SELECT ${apply(shape, 40, '1')} FROM t`;
      let tree: unknown;
      try {
        tree = alasql.parse(sql);
      } catch {
        continue;
      }
      parsed++;
      expect(treeDepth(tree), sql.slice(0, 60)).toBeLessThanOrEqual(measureComplexity(sql).depth + 4);
    }
    expect(parsed).toBeGreaterThan(20);
  });
});
