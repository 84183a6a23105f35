import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { callKey } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import { decorateRows, rowParams } from '../../../src/engine/rows';
import type { SelectPlan } from '../../../src/sql/types';
import { fixtureRows } from '../../fixtures/engine/rows';
import { API } from '../engine/harness';

/**
 * SQLite (sql.js: SQLite compiled to WebAssembly) as the judge of the engine's results: the rows a
 * plan's calls fetched, loaded into a SQLite table of the same name and columns (a call's params
 * included, as the engine's rows carry them), and the same local query run there.
 */

const SQL = await initSqlJs({
  locateFile: (file: string) => createRequire(import.meta.url).resolve(`sql.js/dist/${file}`),
});

/** A value as SQLite stores it: objects and arrays as their JSON text, booleans as 1/0. */
export function sqliteValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A database with one table per planned table, holding the rows the plan's calls fetch. */
export function sqliteFor(plan: SelectPlan): Database {
  const db = new SQL.Database();
  if (!plan.resource) return db;
  for (const t of [
    { resource: plan.resource, table: plan.table, calls: plan.calls },
    ...(plan.tables ?? []),
  ]) {
    addTable(db, t.resource, t.table, t.calls);
  }
  return db;
}

function addTable(db: Database, id: string, table: string, calls: SelectPlan['calls']): void {
  const resource = getResource(id);
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const columns = new Set(resource.fields.map((f) => f.name));
  for (const call of calls) {
    const key = callKey(API, call);
    if (seen.has(key)) continue;
    seen.add(key);
    const params = rowParams(resource, call);
    for (const name of Object.keys(params)) columns.add(name);
    const fields = resource.fields.map((f) => f.name);
    for (const row of decorateRows(fields, params, fixtureRows(call))) rows.push({ ...params, ...row });
  }
  const names = [...columns];
  db.run(`CREATE TABLE ${table} (${names.map((n) => `"${n}"`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO ${table} VALUES (${names.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(names.map((n) => sqliteValue(row[n])));
  insert.free();
}

/** Runs `sql` in SQLite: its rows as arrays of values, or the error SQLite gives. */
export function runInSqlite(db: Database, sql: string): { rows: SqlValue[][] } | { error: string } {
  try {
    const [result] = db.exec(sql);
    return { rows: result?.values ?? [] };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
