import { describe, expect, it } from 'vitest';
import type { SqlValue } from 'sql.js';
import { differentialCases } from '../../fixtures/dialect/sqliteCorpus';
import { runOverFixtures } from '../engine/harness';
import { runInSqlite, sqliteFor, sqliteValue } from './sqlite';

/** Numbers equal to 12 significant digits (SQLite and JavaScript round AVG and division alike, mostly). */
function same(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  return a === b;
}

function sameRows(a: readonly SqlValue[][], b: readonly SqlValue[][]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => row.length === b[i]?.length && row.every((v, j) => same(v, b[i]?.[j] ?? null)))
  );
}

const CASES = differentialCases();

describe('the engine answers as SQLite does, over the same rows', () => {
  it('has at least 300 queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(300);
  });

  it.each(CASES)('%s', (sql) => {
    const out = runOverFixtures(sql);
    if (!out.ok) throw new Error(`the engine refused it: ${out.error.code}: ${out.error.message}`);
    if (out.plan.kind !== 'select') throw new Error(`expected a SELECT plan, got ${out.plan.kind}`);
    const db = sqliteFor(out.plan);
    const judged = runInSqlite(db, out.plan.query);
    db.close();
    if ('error' in judged) throw new Error(`SQLite refused it: ${judged.error}`);
    const ours = out.rows.map((row) => out.columns.map((c) => sqliteValue(row[c])));
    // Without ORDER BY neither promises an order: compare as multisets.
    const ordered = /\bORDER\s+BY\b/i.test(sql);
    const sort = (rows: SqlValue[][]) =>
      ordered ? rows : [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    const expected = sort(judged.rows);
    const actual = sort(ours);
    if (!sameRows(actual, expected)) expect(actual).toEqual(expected);
  });
});
