import alasql from 'alasql';

import type { ParamValue } from '../resources/calls';
import { isSafeName } from '../sql/allowList';
import type { AstNode } from '../sql/ast';
import { checkSelect, LATERAL_ROW, type CheckedSelect } from '../sql/check';
import { parseAlasql } from '../sql/ast';
import { JSON_EACH_COLUMNS, jsonEach } from '../sql/json';
import { BudgetExceeded, chargeCells } from './budget';
import { termsOnly, type LocalTable } from '../sql/checkJoin';
import { conjuncts } from '../sql/where';
import { fail, ok, sqlError, type Result } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import { setUpEngineRealm } from './alasqlSetup';
import { compileChecked, runCompiled, type CompiledQuery, type LateralRun, type WindowRun } from './compiled';
import { windowRows } from './windows';
import { andWhere, dropTerms, satisfiedTerms } from './prune';
import { decorateRows, type Row } from './rows';
import type { EngineTable, LoadSource } from './tables';

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
  load(key: string, source: LoadSource, rows: readonly Row[], reset: boolean): number;
  drop(key: string): void;
  has(key: string): boolean;
  /**
   * Runs a local SELECT (see `SelectPlan.query`) over `table`, the union of the datasets `keys` in
   * order, and, for a JOIN, the other table (`extra.joined`); or, with `extra.distinct`, gives instead
   * the distinct values of those columns of `table` over its rows that pass the WHERE terms reading
   * only `table` (a JOIN's keys).
   */
  run(
    query: string,
    table: string,
    keys: readonly string[],
    windowSize: number,
    extra?: RunExtra,
  ): Result<RunSummary>;
  window(resultId: number, offset: number, limit: number): Result<readonly ResultRow[]>;
  release(resultId: number): void;
}

/** What a run may add to its one table: a JOIN's other table, or a request for the JOIN's keys. */
export interface RunExtra {
  readonly joined?: { readonly table: string; readonly keys: readonly string[] };
  /** The other tables of a query of several SELECTs (see SelectPlan.tables). */
  readonly others?: readonly { readonly table: string; readonly keys: readonly string[] }[];
  readonly distinct?: { readonly columns: readonly string[] };
  /**
   * The shapes of the tables the query reads, from the page's catalogue (the worker has none). A table
   * whose rows were loaded is known from them too.
   */
  readonly definitions?: readonly EngineTable[];
}

/** Results kept for windowing; older ones are released, so memory stays bounded. */
const KEPT_RESULTS = 4;
/** Compiled queries kept; re-running the same text skips parse, check and compile. */
const KEPT_QUERIES = 64;

let databases = 0;

type DatasetParams = Readonly<Record<string, ParamValue>>;

/**
 * A fresh core with its own alasql database. The first one prepares the realm (alasqlSetup.ts): it
 * patches alasql and freezes the built-in prototypes, so call it only where nothing but the engine
 * runs (the worker; a test process).
 */
export function createCore(): EngineCore {
  setUpEngineRealm();
  const dbid = `stackql_engine_${++databases}`;
  const db = new alasql.Database(dbid);
  const datasets = new Map<string, { rows: Row[]; params: DatasetParams }>();
  const results = new Map<number, ResultRow[]>();
  // A query's checked tree, for reading its WHERE; never compiled, so alasql's compiler cannot change it.
  const analyses = new Map<string, CheckedSelect>();
  const compiled = new Map<string, CompiledQuery>();
  let nextResult = 0;

  // `table` comes from the page's plan (a resource's name), never from the query text; it is checked
  // anyway, since it is pasted into this statement.
  const tableFor = (table: string) => {
    if (!isSafeName(table)) throw new Error('Bad table name');
    if (!Object.hasOwn(db.tables, table)) db.exec(`CREATE TABLE [${table}]`);
    return db.tables[table] as { data: unknown[]; indices?: unknown };
  };
  /**
   * Puts rows in a table. alasql keeps a JOIN's index on the table and reuses it while the table is
   * not marked changed, which setting `data` does not do: the index goes with the rows it was built on.
   */
  const setRows = (table: string, rows: unknown[]) => {
    const t = tableFor(table);
    t.data = rows;
    t.indices = {};
  };

  /** Table shapes by name: from the loads and from each run's definitions (the page's catalogue). */
  const shapes = new Map<string, EngineTable>();

  const localTablesOf = (tables: readonly string[]): LocalTable[] =>
    tables.map((table) => {
      const shape = shapes.get(table);
      return { table, ...(shape ? { columns: new Set([...shape.fields, ...shape.params]) } : {}) };
    });

  const check = (query: string, tables: readonly string[]): Result<CheckedSelect> =>
    checkSelect(query, localTablesOf(tables));

  /** The compiled query for these datasets: the WHERE without the terms they all satisfy (see prune.ts). */
  const compile = (query: string, tables: readonly string[], params: readonly DatasetParams[][]) => {
    // The shapes are part of the key: two services may each have a table of one name.
    const shapeKey = tables.map((t) => {
      const shape = shapes.get(t);
      return shape ? `${t}:${shape.fields.join(',')};${shape.params.join(',')}` : t;
    });
    const analysisKey = `${shapeKey.join('|')}\u0000${query}`;
    let analysis = analyses.get(analysisKey);
    if (!analysis) {
      const checked = check(query, tables);
      if (!checked.ok) return checked;
      analysis = checked.value;
      remember(analyses, analysisKey, analysis);
    }
    const drop = tables.flatMap((table, i) => {
      const paramColumns = new Set(shapes.get(table)?.params);
      const src = analysis.sources.find((s) => s.table === table);
      // Only a table the outermost SELECT reads: a table only a sub-query reads says nothing of the
      // outer WHERE's unqualified terms, which are about the outer table.
      if (!src) return [];
      const names = new Set([table, ...(src.alias ? [src.alias] : [])]);
      return satisfiedTerms(analysis.where, paramColumns, names, params[i] ?? []);
    });
    const cacheKey = `${[...new Set(drop)].join(',')}\u0000${analysisKey}`;
    const hit = compiled.get(cacheKey);
    if (hit) return ok(hit);
    const fresh = check(query, tables);
    if (!fresh.ok) return fresh;
    const ast = fresh.value.ast;
    dropTerms(ast, drop);
    for (const t of tables) tableFor(t);
    for (const l of fresh.value.laterals) tableFor(l.table);
    for (const w of fresh.value.windows) tableFor(w.table);
    const width = tables.reduce((n, t) => n + (shapes.get(t)?.fields.length ?? 1), 0);
    const entry = compileChecked(
      ast,
      dbid,
      rowWidth(ast, width + JSON_EACH_COLUMNS.length * fresh.value.laterals.length),
    );
    if (!entry.ok) return entry;
    const laterals = fresh.value.laterals.length > 0 ? compileLaterals(query, tables) : ok([]);
    if (!laterals.ok) return laterals;
    const windows = fresh.value.windows.length > 0 ? compileWindows(query, tables, width) : ok([]);
    if (!windows.ok) return windows;
    const done = {
      ...entry.value,
      ...(laterals.value.length > 0 ? { laterals: laterals.value } : {}),
      ...(windows.value.length > 0 ? { windows: windows.value } : {}),
    };
    remember(compiled, cacheKey, done);
    return ok(done);
  };

  /**
   * For each json_each of the query, `SELECT <value>[, <path>] FROM <source>`: its arguments
   * as checked (a tree of their own, from a check of their own), over the rows it expands.
   */
  const compileLaterals = (query: string, tables: readonly string[]): Result<LateralRun[]> => {
    const own = check(query, tables);
    if (!own.ok) return own;
    const out: LateralRun[] = [];
    for (const l of own.value.laterals) {
      if (!isSafeName(l.source) || !isSafeName(l.qualifier))
        return fail(sqlError('no-data', 'Bad json_each source.'));
      const parsed = parseAlasql(`SELECT 1 FROM [${l.source}] AS [${l.qualifier}]`);
      const [select] = parsed.ok ? parsed.value : [];
      if (!select) return fail(sqlError('internal', 'json_each could not be prepared.'));
      // Named so that no qualifier of the query can be the same name.
      select.columns = l.args.map((arg, i) =>
        Object.assign(arg, { as: i === 0 ? '__stackql_json' : '__stackql_path' }),
      );
      const args = compileChecked(select, dbid, 2);
      if (!args.ok) return args;
      out.push({ table: l.table, source: l.source, args: args.value });
    }
    return ok(out);
  };

  /** Each window block's input SELECT, compiled from a check of its own (see sql/windows.ts). */
  const compileWindows = (query: string, tables: readonly string[], width: number): Result<WindowRun[]> => {
    const own = check(query, tables);
    if (!own.ok) return own;
    const out: WindowRun[] = [];
    for (const block of own.value.windows) {
      const input = compileChecked(block.input, dbid, rowWidth(block.input, width));
      if (!input.ok) return input;
      out.push({ block, input: input.value });
    }
    return ok(out);
  };

  /** Computes each window table from its input's rows, inner ones first. */
  const fillWindows = (windows: readonly WindowRun[]): Result<void> => {
    for (const w of windows) {
      const input = runCompiled(w.input);
      if (!input.ok) return input;
      try {
        setRows(w.block.table, windowRows(w.block, input.value));
      } catch (e) {
        if (e instanceof BudgetExceeded) return fail(sqlError('runtime', e.message));
        return fail(
          sqlError('runtime', `A window function failed: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
    }
    return ok(undefined);
  };

  /**
   * Fills each json_each table of a query from its source's rows (already in place): every source row
   * gets its number (LATERAL_ROW, not enumerable, so `SELECT *` never shows it), and each json_each row
   * the number of the row it came from, which the checked tree joins them by.
   */
  const fillLaterals = (laterals: readonly LateralRun[]): Result<void> => {
    for (const l of laterals) {
      const rows = tableFor(l.source).data as object[];
      rows.forEach((row, i) => {
        Object.defineProperty(row, LATERAL_ROW, {
          value: i,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      });
      const values = runCompiled(l.args);
      if (!values.ok) return values;
      const out: object[] = [];
      try {
        values.value.forEach((v, i) => {
          const from = Object.create(Object.prototype, { [LATERAL_ROW]: { value: i } }) as object;
          for (const member of jsonEach(v.__stackql_json, v.__stackql_path)) {
            chargeCells(JSON_EACH_COLUMNS.length);
            out.push(Object.assign(Object.create(from) as object, member));
          }
        });
      } catch (e) {
        if (e instanceof BudgetExceeded) return fail(sqlError('runtime', e.message));
        return fail(sqlError('runtime', `json_each failed: ${e instanceof Error ? e.message : String(e)}`));
      }
      setRows(l.table, out);
    }
    return ok(undefined);
  };

  /**
   * A JOIN's keys: `SELECT DISTINCT` of the driving columns over the driving table, filtered by the
   * reader's WHERE terms that read only that table. Built as a tree from the checked query's own
   * terms (never as text), so the filter is exactly the one the reader wrote.
   */
  const compileDistinct = (query: string, tables: readonly string[], columns: readonly string[]) => {
    const [table] = tables;
    if (!table || columns.length === 0 || !columns.every((c) => isSafeName(c))) {
      return fail(sqlError('no-data', 'The engine was asked for keys of no columns.'));
    }
    const full = check(query, tables);
    if (!full.ok) return full;
    const src = full.value.sources.find((s) => s.table === table);
    if (!src) return fail(sqlError('no-data', 'The query does not read that table.'));
    const q = src.alias ?? table;
    const keysText = `SELECT DISTINCT ${columns.map((c) => `[${q}].[${c}] AS [${c}]`).join(', ')} FROM [${table}]${src.alias ? ` AS [${src.alias}]` : ''}`;
    const keys = check(keysText, tables);
    if (!keys.ok) return keys;
    const terms = termsOnly(conjuncts(full.value.where), table, full.value.sources, localTablesOf(tables));
    andWhere(keys.value.ast, terms);
    tableFor(table);
    return compileChecked(keys.value.ast, dbid, columns.length);
  };

  return {
    load(key, source, rows, reset) {
      if (!isSafeName(source.table.name)) throw new Error('Bad table name');
      shapes.set(source.table.name, source.table);
      // No known fields (a call the page's catalogue did not know): the rows as they came.
      const decorated =
        source.table.fields.length > 0
          ? decorateRows(source.table.fields, source.values, rows)
          : rows.map((r) => ({ ...r }));
      const params = source.values;
      const current = reset ? [] : (datasets.get(key)?.rows ?? []);
      for (const r of decorated) current.push(r);
      datasets.set(key, { rows: current, params });
      return current.length;
    },
    drop: (key) => void datasets.delete(key),
    has: (key) => datasets.has(key),
    run(query, table, keys, windowSize, extra) {
      const sources = [{ table, keys }, ...(extra?.joined ? [extra.joined] : []), ...(extra?.others ?? [])];
      if (!sources.every((s) => isSafeName(s.table)))
        return fail(sqlError('no-data', 'The engine has no table of that name.'));
      for (const d of extra?.definitions ?? []) if (isSafeName(d.name)) shapes.set(d.name, d);
      const missing = sources.flatMap((s) => s.keys.filter((k) => !datasets.has(k)));
      if (missing.length > 0) {
        return fail(
          sqlError(
            'no-data',
            `The engine has no rows for ${missing.length} of this query's API calls; fetch them again.`,
          ),
        );
      }
      const parts = sources.map((s) => s.keys.map((k) => datasets.get(k) ?? { rows: [], params: {} }));
      const tables = sources.map((s) => s.table);
      const q = extra?.distinct
        ? compileDistinct(query, tables, extra.distinct.columns)
        : compile(
            query,
            tables,
            parts.map((p) => p.map((d) => d.params)),
          );
      if (!q.ok) return q;
      const started = performance.now();
      sources.forEach((s, i) => {
        const p = parts[i] ?? [];
        setRows(s.table, p.length === 1 ? (p[0]?.rows ?? []) : p.flatMap((d) => d.rows));
      });
      const filled = q.value.laterals ? fillLaterals(q.value.laterals) : ok(undefined);
      const windowed = filled.ok && q.value.windows ? fillWindows(q.value.windows) : filled;
      const ran = windowed.ok ? runCompiled(q.value) : windowed;
      for (const s of sources) setRows(s.table, []);
      for (const l of q.value.laterals ?? []) setRows(l.table, []);
      for (const w of q.value.windows ?? []) setRows(w.block.table, []);
      if (!ran.ok) return ran;
      const rows = ran.value;
      const resultId = ++nextResult;
      results.set(resultId, rows);
      for (const id of results.keys()) if (results.size > KEPT_RESULTS && id !== resultId) results.delete(id);
      const columns = resultColumns(
        rows,
        q.value.ast,
        tables.flatMap((t) => shapes.get(t)?.fields ?? []),
        q.value.scan?.sameKeys === true,
      );
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

/** What one row of a query costs in cells: its columns (`*` is every field), group and sort keys. */
function rowWidth(ast: AstNode, fields: number): number {
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const columns = Array.isArray(ast.columns) ? (ast.columns as AstNode[]) : [];
  const selected = columns.reduce((n, c) => n + (c.columnid === '*' ? fields : 1), 0);
  return Math.max(selected, 1) + count(ast.group) + count(ast.order);
}

/** Adds to a bounded cache, dropping the oldest entry when full. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= KEPT_QUERIES) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, value);
}

/**
 * Column names of a result, in order: the keys of its rows as alasql built them (the union over all
 * rows, since alasql leaves out keys a row has no value for; the first row's when `sameKeys` says
 * every row has the same). An empty result still names its columns, from the query: `SELECT *` → the
 * resource's fields, otherwise each column's alias or SQL text.
 */
function resultColumns(
  rows: readonly ResultRow[],
  ast: AstNode,
  fields: readonly string[],
  sameKeys: boolean,
): string[] {
  // Rows all built alike (scan.ts) have the first one's keys: no need to read every row's.
  if (sameKeys && rows[0]) return Object.keys(rows[0]);
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  if (seen.size > 0) return [...seen];
  const columns = Array.isArray(ast.columns) ? (ast.columns as AstNode[]) : [];
  return [
    ...new Set(
      columns.flatMap((c) => {
        if (c.columnid === '*') return fields;
        if (typeof c.as === 'string') return [c.as];
        if (typeof c.columnid === 'string') return [c.columnid];
        return [sqlTextOf(c)];
      }),
    ),
  ];
}

/** alasql's own SQL text for an expression node, which is also how it names an unaliased column. */
function sqlTextOf(node: AstNode): string {
  const toString = (node as { toString?: unknown }).toString;
  return typeof toString === 'function' ? String(toString.call(node)) : '';
}
