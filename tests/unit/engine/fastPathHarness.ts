import fc from 'fast-check';
import { expect } from 'vitest';

import { createCore, type EngineCore } from '../../../src/engine/core';
import { fastPathCounts, setFastPath, type FastPath } from '../../../src/engine/fastPaths';
import { loadSource } from '../../../src/engine/tables';
import { callKey } from '../../../src/resources/calls';
import { planQuery } from '../../../src/sql/plan';
import type { SelectPlan } from '../../../src/sql/types';
import { API } from './harness';

/**
 * The differential harness of the engine's fast paths (src/engine/fastPaths.ts): the same statement
 * over the same rows through a core with the fast paths on and through one with them off (the path
 * the engine took before they existed), with what each run took.
 */

export const T = 'github.packages.org_versions';
export const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const ALL: readonly FastPath[] = ['like', 'json', 'distinct', 'scan'];

/** A run's outcome, as the page would get it: columns, total and every row; or the error. */
export type Run =
  | {
      readonly ok: true;
      readonly columns: readonly string[];
      readonly total: number;
      readonly rows: unknown[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

const plans = new Map<string, SelectPlan>();

function planOf(sql: string): SelectPlan {
  const known = plans.get(sql);
  if (known) return known;
  const planned = planQuery(sql);
  if (!planned.ok) throw new Error(`planning failed: ${planned.error.message}`);
  if (planned.value.kind !== 'select') throw new Error(`not a SELECT: ${sql}`);
  plans.set(sql, planned.value);
  return planned.value;
}

/**
 * Plans `sql`, loads `rows` as its one call's dataset in `core` (replacing what it held), and runs it.
 * A core keeps its compiled queries, so each way has a core of its own (see `bothWays`).
 */
export function runOver(
  rows: readonly Record<string, unknown>[],
  sql: string,
  core: EngineCore = createCore(),
): Run {
  const plan = planOf(sql);
  const keys = plan.calls.map((call) => {
    const key = callKey(API, call);
    core.load(key, loadSource(call), rows, true);
    return key;
  });
  const out = core.run(plan.query, plan.table, keys, Number.MAX_SAFE_INTEGER);
  if (!out.ok) return { ok: false, code: out.error.code, message: out.error.message };
  return { ok: true, columns: out.value.columns, total: out.value.total, rows: [...out.value.rows] };
}

/** Runs `fn` with the fast paths `paths` on or off, and puts them back as they were. */
export function withFastPaths<R>(on: boolean, paths: readonly FastPath[], fn: () => R): R {
  const was = paths.map((p) => setFastPath(p, on));
  try {
    return fn();
  } finally {
    paths.forEach((p, i) => setFastPath(p, was[i] ?? true));
  }
}

/** How many times each fast path was taken while `fn` ran. */
export function countsDuring<R>(fn: () => R): {
  readonly value: R;
  readonly taken: Record<FastPath, number>;
} {
  const before = fastPathCounts();
  const value = fn();
  const after = fastPathCounts();
  const taken = { like: 0, json: 0, distinct: 0, scan: 0 };
  for (const p of ALL) taken[p] = after[p] - before[p];
  return { value, taken };
}

/** The cores of each way, by the fast paths turned off for the general one. */
const cores = new Map<string, { readonly fast: EngineCore; readonly general: EngineCore }>();

/**
 * The statement through both paths: `fast` with every fast path on (and what it took), `general` with
 * `off` (by default all of them) turned off. Each way runs in a core of its own, which compiles the
 * statement (and keeps it) with its fast paths as they are then.
 */
export function bothWays(
  rows: readonly Record<string, unknown>[],
  sql: string,
  off: readonly FastPath[] = ALL,
): { readonly fast: Run; readonly general: Run; readonly taken: Record<FastPath, number> } {
  const name = off.join(',');
  const pair = cores.get(name) ?? { fast: createCore(), general: createCore() };
  cores.set(name, pair);
  const { value: fast, taken } = countsDuring(() =>
    withFastPaths(true, ALL, () => runOver(rows, sql, pair.fast)),
  );
  const general = withFastPaths(false, off, () => runOver(rows, sql, pair.general));
  return { fast, general, taken };
}

/**
 * Asserts the two runs are the same: same columns and total, and rows equal in order, key for key,
 * with `undefined` told from a missing key and from `null`, and 0 from -0; or the same error.
 */
export function expectSame(fast: Run, general: Run, sql: string): void {
  expect(fast, sql).toStrictEqual(general);
}

/** Values a row may hold where SQLite semantics are easy to get wrong. */
const TRICKY_TEXT = [
  '',
  'a',
  'A',
  'ab',
  'AB',
  'aB',
  'Ab',
  'abc',
  'xaby',
  'XABY',
  '1',
  '01',
  '1.0',
  '-0',
  'null',
  'NULL',
  'true',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'a%b',
  'a_b',
  'a.b',
  'a*b',
  '(a)',
  '[ab]',
  'a\\b',
  'a\nb',
  'é',
  'É',
  'ß',
  'İ',
  'ı',
  '\u212A', // the Kelvin sign: Unicode folds it to k, SQLite does not
  '\u017F', // the long s: Unicode folds it to s
  '😀',
  '😀a😀',
  'a😀b',
  '\uD83D', // a lone surrogate
  'sha256:00ab',
  'sha256:AB01',
  'v1.2.0',
  'latest',
];

export const trickyText = fc.constantFrom(...TRICKY_TEXT);

/** A value of any type a fetched row's field can have, and some it should not. */
export const trickyValue: fc.Arbitrary<unknown> = fc.oneof(
  trickyText,
  fc.string({ maxLength: 6 }),
  fc.constantFrom(null, undefined, 0, -0, 1, 1.5, -1, 2, 10, 1e21, Number.NaN, true, false),
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom({ a: 1 }, { a: 1 }, { a: 2 }, [1, 2], [1, 2], [], {}, { __proto__: null, b: 1 }),
);

/** A JSON path step and a document for `metadata`, with hostile and missing members. */
const KEYS = ['container', 'tags', 'a', 'b', '0', '__proto__', 'constructor', 'toString', 'length', 'x y'];
export const jsonKey = fc.constantFrom(...KEYS);

const jsonLeaf = fc.oneof(
  trickyText,
  fc.constantFrom(null, 0, 1, -1, 1.5, true, false, 1e21),
  fc.integer({ min: -5, max: 5 }),
);

/**
 * A parsed JSON document, as a fetched row holds it: built as JSON text and parsed, so that members
 * named `__proto__` or `toString` are own members, as JSON.parse makes them (and as assigning them
 * could not, with the engine's prototypes frozen).
 */
export const jsonDoc: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      jsonLeaf.map((v) => JSON.stringify(v)),
      fc.array(tie('node'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      fc
        .array(fc.tuple(jsonKey, tie('node')), { maxLength: 4 })
        .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${String(v)}`).join(',')}}`),
    ),
  }))
  .node.map((text) => JSON.parse(text) as unknown);

/** A document shaped like a package version's metadata, more often than not. */
export const metadataDoc: fc.Arbitrary<unknown> = fc.oneof(
  jsonDoc,
  fc
    .record({
      package_type: fc.constantFrom('container', 'npm'),
      container: fc.oneof(
        fc.record({ tags: fc.array(jsonLeaf, { maxLength: 4 }) }),
        fc.record({ tags: jsonLeaf }),
        fc.constant({}),
        jsonDoc,
      ),
    })
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  fc.constantFrom(null, '{"container":{"tags":["a","b"]}}', '[1,2]', 'not json', 3, '"text"'),
  jsonDoc.map((d) => JSON.stringify(d)),
);

/** A fetched package version, with every field of a type it may or may not have. */
export const versionRow: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom('3', '03', null, 2.5, -0)),
    name: fc.oneof(trickyText, trickyText, fc.string({ maxLength: 8 }), fc.constantFrom(null, 7)),
    license: trickyValue,
    description: trickyValue,
    created_at: fc.constantFrom('2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2025-01-01', null, 20240101),
    metadata: metadataDoc,
  },
  { requiredKeys: [] },
);

/** Several rows, with repeats, as DISTINCT needs. */
export const versionRows = fc
  .array(versionRow, { minLength: 0, maxLength: 14 })
  .chain((rows) =>
    rows.length === 0
      ? fc.constant(rows)
      : fc
          .array(fc.nat(rows.length - 1), { maxLength: 8 })
          .map((picks) => [...rows, ...picks.map((i) => rows[i] ?? {})]),
  );

/**
 * Rows whose values DISTINCT must tell apart, or not, by SQLite's rules: NULL (missing, null, NaN) and
 * text, numbers and numeric text, TRUE and 1, 0 and -0, equal JSON in different objects, hostile text.
 */
export const COLLISIONS: readonly Record<string, unknown>[] = [
  null,
  undefined,
  Number.NaN,
  '',
  'null',
  1,
  '1',
  1.0,
  true,
  false,
  0,
  -0,
  '0',
  { a: 1 },
  { a: 1 },
  [1, 2],
  '[1,2]',
  '__proto__',
  'constructor',
  'toString',
  'MIT',
  'mit',
  'MIT',
].map((license, i) => ({
  id: i % 5,
  name: i % 2 ? 'a' : 'A',
  license,
  description: i % 3 ? null : license,
  metadata: JSON.parse(
    i % 2 ? '{"container":{"tags":["a"]}}' : '{"container":{"tags":["a"]},"__proto__":1}',
  ) as unknown,
  ...(i % 4 ? { created_at: '2024-01-01' } : {}),
}));
