import alasql from 'alasql';

import type { ApiCall } from '../resources/calls';
import { RESOURCES } from '../resources/registry';
import type { AstNode } from '../sql/ast';
import { checkSelect } from '../sql/check';
import { knownColumns } from '../sql/columns';
import { fail, ok, sqlError, type Result } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import { installSqlFunctions } from './alasqlSetup';
import { decorateRows, type Row } from './rows';

/** The first window of a finished run; later windows come from `window(resultId, …)`. */
export interface RunSummary {
  readonly resultId: number;
  readonly columns: readonly string[];
  /** How many rows the whole result has. */
  readonly total: number;
  /** Rows `0 … windowSize-1`. */
  readonly rows: readonly ResultRow[];
  readonly elapsedMs: number;
}

/** The pure, synchronous engine the worker wraps: datasets, checked queries, result windows. */
export interface EngineCore {
  /** Stores a page of a call's rows: `reset` replaces the dataset (its first page), else appends. */
  load(key: string, call: ApiCall, rows: readonly Row[], reset: boolean): number;
  drop(key: string): void;
  has(key: string): boolean;
  /** Runs a local SELECT (see `SelectPlan.query`) over the union of the named datasets, in order. */
  run(query: string, table: string, keys: readonly string[], windowSize: number): Result<RunSummary>;
  window(resultId: number, offset: number, limit: number): Result<readonly ResultRow[]>;
  release(resultId: number): void;
}

type Compiled = (params?: unknown) => unknown;

/** Results kept for windowing; older ones are released, so memory stays bounded. */
const KEPT_RESULTS = 4;
/** Compiled queries kept; re-running the same text skips parse, check and compile. */
const KEPT_QUERIES = 64;

let databases = 0;

/** A fresh core with its own alasql database. */
export function createCore(): EngineCore {
  installSqlFunctions();
  const dbid = `stackql_engine_${++databases}`;
  const db = new alasql.Database(dbid);
  const datasets = new Map<string, Row[]>();
  const results = new Map<number, ResultRow[]>();
  const compiled = new Map<string, { run: Compiled; ast: AstNode }>();
  let nextResult = 0;

  const tableFor = (table: string) => {
    if (!(table in db.tables)) db.exec(`CREATE TABLE [${table}]`);
    return db.tables[table] as { data: unknown[] };
  };

  const compile = (query: string, table: string): Result<{ run: Compiled; ast: AstNode }> => {
    const hit = compiled.get(query);
    if (hit) return ok(hit);
    const resource = RESOURCES.find((r) => r.name === table);
    const checked = checkSelect(query, table, resource ? knownColumns(resource) : undefined);
    if (!checked.ok) return checked;
    tableFor(table);
    const ast = checked.value.ast;
    let run: Compiled;
    try {
      run = (ast as unknown as { compile(db: string): Compiled }).compile(dbid);
    } catch (e) {
      // The allow-list keeps alasql to well-trodden paths, but its compiler can still throw on odd input.
      const message = e instanceof Error ? e.message : String(e);
      return fail(sqlError('runtime', `The query could not be compiled: ${message}`));
    }
    if (compiled.size >= KEPT_QUERIES) compiled.delete(compiled.keys().next().value ?? '');
    const entry = { run, ast };
    compiled.set(query, entry);
    return ok(entry);
  };

  return {
    load(key, call, rows, reset) {
      const resource = RESOURCES.find((r) => r.id === call.resource);
      const decorated = resource ? decorateRows(resource, call, rows) : rows.map((r) => ({ ...r }));
      const current = reset ? [] : (datasets.get(key) ?? []);
      for (const r of decorated) current.push(r);
      datasets.set(key, current);
      return current.length;
    },
    drop: (key) => void datasets.delete(key),
    has: (key) => datasets.has(key),
    run(query, table, keys, windowSize) {
      const missing = keys.filter((k) => !datasets.has(k));
      if (missing.length > 0) {
        return fail(
          sqlError(
            'no-data',
            `The engine has no rows for ${missing.length} of this query's API calls; fetch them again.`,
          ),
        );
      }
      const q = compile(query, table);
      if (!q.ok) return q;
      const started = performance.now();
      const parts = keys.map((k) => datasets.get(k) ?? []);
      tableFor(table).data = parts.length === 1 ? (parts[0] ?? []) : parts.flat();
      let rows: ResultRow[];
      try {
        rows = q.value.run() as ResultRow[];
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return fail(sqlError('runtime', `The query failed while running: ${message}`));
      } finally {
        tableFor(table).data = [];
      }
      const resultId = ++nextResult;
      results.set(resultId, rows);
      for (const id of results.keys()) if (results.size > KEPT_RESULTS && id !== resultId) results.delete(id);
      const columns = resultColumns(rows, q.value.ast, table);
      const elapsedMs = performance.now() - started;
      return ok({ resultId, columns, total: rows.length, rows: rows.slice(0, windowSize), elapsedMs });
    },
    window(resultId, offset, limit) {
      const rows = results.get(resultId);
      if (!rows)
        return fail(sqlError('no-data', 'This result is no longer kept in the engine; run the query again.'));
      return ok(rows.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)));
    },
    release: (resultId) => void results.delete(resultId),
  };
}

/**
 * Column names of a result, in order: the keys of its rows as alasql built them (the union over all
 * rows, since alasql leaves out keys a row has no value for). An empty result still names its columns,
 * from the query: `SELECT *` → the resource's fields, otherwise each column's alias or SQL text.
 */
function resultColumns(rows: readonly ResultRow[], ast: AstNode, table: string): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  if (seen.size > 0) return [...seen];
  const resource = RESOURCES.find((r) => r.name === table);
  const columns = Array.isArray(ast.columns) ? (ast.columns as AstNode[]) : [];
  return columns.flatMap((c) => {
    if (c.columnid === '*') return resource ? resource.fields.map((f) => f.name) : [];
    if (typeof c.as === 'string') return [c.as];
    if (typeof c.columnid === 'string') return [c.columnid];
    return [sqlTextOf(c)];
  });
}

/** alasql's own SQL text for an expression node, which is also how it names an unaliased column. */
function sqlTextOf(node: AstNode): string {
  const toString = (node as { toString?: unknown }).toString;
  return typeof toString === 'function' ? String(toString.call(node)) : '';
}
