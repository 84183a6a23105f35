import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import { getResource } from '../../../src/resources/registry';
import { planQuery } from '../../../src/sql/plan';
import { NAUGHTY } from '../../fixtures/engine/naughty';
import { runOverFixtures } from './harness';
import { createSandbox, type Sandbox } from './sandbox';

const orgVersions = getResource('github.packages.org_versions');

/** Runs per property; FUZZ_RUNS=20000 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const SANITY = `SELECT COUNT(*) AS n FROM github.packages.org_versions ${W}`;
const COLUMNS = [...orgVersions.fields.map((f) => f.name), ...Object.keys(orgVersions.params)];

const naughty = fc.constantFrom(...NAUGHTY);
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = fc.oneof(
  fc.constantFrom(...COLUMNS),
  naughty.map((s) => `\`${s}\``),
  naughty.map((s) => `[${s}]`),
  naughty.map((s) => `"${s}"`),
  naughty,
);
const value = fc.oneof(
  fc.integer({ min: -5, max: 10 }).map(String),
  naughty.map(quote),
  fc.string({ maxLength: 8 }).map(quote),
  fc.constantFrom('NULL', 'TRUE', '``globalThis.pwned = 1``', '?', '@x'),
);
const expr = fc.oneof(
  ident,
  value,
  fc
    .tuple(
      fc.constantFrom(
        'UPPER',
        'LOWER',
        'LENGTH',
        'json_extract',
        'COALESCE',
        'evil',
        'JSON',
        'CSV',
        // SQLite's, as the engine implements them (sqliteFunctions.ts, dateFunctions.ts, sqliteAggregates.ts).
        'strftime',
        'datetime',
        'date',
        'julianday',
        'split_part',
        'trim',
        'max',
        'typeof',
        'group_concat',
        'json_group_array',
        'json_group_object',
        'GROUP_CONCAT',
      ),
      ident,
      value,
    )
    .map(([f, a, b]) => `${f}(${a}, ${b})`),
  fc.tuple(ident, ident).map(([a, b]) => `${a}->${b}`),
  fc.tuple(ident, naughty).map(([a, b]) => `${a}->${b}()`),
  fc.constantFrom(
    "json_extract(metadata, '$.container.tags')",
    'metadata->container->tags',
    'COUNT(*)',
    'MAX(created_at)',
    "strftime('%Y-%m', created_at, '+1 month')",
    "group_concat(name, '; ')",
    'CAST(id AS DECIMAL)',
    'id / 2.0',
  ),
);
const baseTerm = fc.oneof(
  fc
    .tuple(
      expr,
      fc.constantFrom('=', '<>', '<', '>=', 'LIKE', 'NOT LIKE', 'REGEXP', 'GLOB', '/', '%', '+', '->', '!'),
      expr,
    )
    .map(([a, op, b]) => `${a} ${op} ${b}`),
  fc
    .tuple(expr, fc.array(value, { minLength: 1, maxLength: 3 }))
    .map(([a, vs]) => `${a} IN (${vs.join(', ')})`),
  fc.tuple(expr, value, value).map(([a, b, c]) => `${a} BETWEEN ${b} AND ${c}`),
  expr.map((a) => `${a} IS NULL`),
  fc.constantFrom('id IN (SELECT 1)', 'EXISTS (SELECT 1)'),
);
/** A SELECT of one resource, to nest: in IN, EXISTS, FROM, as a value, after UNION, in WITH. */
const inner = fc
  .tuple(expr, fc.option(baseTerm, { nil: undefined }), fc.boolean())
  .map(
    ([e, t, correlated]) =>
      `SELECT ${e} FROM github.packages.org_versions w ${W}${t ? ` AND ${t}` : ''}${correlated ? ' AND w.id = org_versions.id' : ''}`,
  );
const term = fc.oneof(
  baseTerm,
  fc.tuple(expr, inner).map(([a, q]) => `${a} IN (${q})`),
  fc.tuple(expr, inner).map(([a, q]) => `${a} NOT IN (${q})`),
  inner.map((q) => `EXISTS (${q})`),
  fc.tuple(inner, value).map(([q, v]) => `(${q}) = ${v}`),
);
const select = fc
  .record({
    cols: fc.array(fc.tuple(expr, fc.option(ident, { nil: undefined })), { minLength: 1, maxLength: 3 }),
    from: fc.oneof(
      fc.constantFrom(
        'github.packages.org_versions',
        '`github`.`packages`.`org_versions`',
        "JSON('x')",
        'org_versions',
        '?',
      ),
      inner.map((q) => `(${q}) AS s`),
    ),
    terms: fc.array(term, { maxLength: 3 }),
    order: fc.option(expr, { nil: undefined }),
    limit: fc.option(fc.oneof(fc.nat(20).map(String), value), { nil: undefined }),
    tail: fc.oneof(
      fc.constantFrom('', ';', '; SELECT 1', ' UNION SELECT 1', ' INTO CSV("x")', ' -- c'),
      fc
        .tuple(fc.constantFrom(' UNION ', ' UNION ALL ', ' EXCEPT ', ' INTERSECT '), inner)
        .map(([op, q]) => op + q),
    ),
    cte: fc.option(inner, { nil: undefined }),
  })
  .map(
    (q) =>
      (q.cte ? `WITH c AS (${q.cte}) ` : '') +
      `SELECT ${q.cols.map(([e, a]) => (a ? `${e} AS ${a}` : e)).join(', ')} FROM ${q.from} ${W}` +
      q.terms.map((t) => ` AND ${t}`).join('') +
      (q.order ? ` ORDER BY ${q.order}` : '') +
      (q.limit ? ` LIMIT ${q.limit}` : '') +
      q.tail,
  );
/** A statement with a naughty string spliced in at a random place. */
const spliced = fc.tuple(select, naughty, fc.nat()).map(([sql, bad, at]) => {
  const i = at % (sql.length + 1);
  return sql.slice(0, i) + bad + sql.slice(i);
});

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});
afterAll(() => {
  sandbox.restore();
});

describe('fuzzing the planner and the engine', () => {
  const core = createCore();

  /** Plans and, when planned, runs a statement: must return typed results, never throw or touch anything. */
  const survive = (sql: string): void => {
    const planned = planQuery(sql);
    if (planned.ok) {
      const out = runOverFixtures(sql, core);
      if (!out.ok) expect(out.error.code).toMatch(/^[a-z-]+$/);
    } else {
      expect(typeof planned.error.message).toBe('string');
    }
    expect(sandbox.touched()).toEqual([]);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  };

  it('grammar-generated statements', () => {
    fc.assert(fc.property(select, survive), { numRuns: RUNS });
  });

  it('grammar-generated statements with naughty strings spliced in', () => {
    fc.assert(fc.property(spliced, survive), { numRuns: RUNS });
  });

  it('arbitrary text, planner and worker core alike', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })),
        (text) => {
          survive(text);
          const r = core.run(text, 'org_versions', [], 10);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('leaves the engine working', () => {
    const after = runOverFixtures(SANITY, core);
    expect(after.ok && after.rows).toEqual([{ n: 8 }]);
  });
});
