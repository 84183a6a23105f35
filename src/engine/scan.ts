import alasql from 'alasql';

import { kindOf, type AstNode } from '../sql/ast';
import type { ResultRow } from '../sql/types';
import { chargeCells } from './budget';
import { DistinctTuples, DistinctValues } from './distinct';
import { FAST_PATHS } from './fastPaths';

/**
 * Two fast paths for the commonest queries, a SELECT of one table without GROUP BY, aggregates,
 * ORDER BY or UNION: the engine walks the table's rows itself (`scanRunner`) instead of alasql's
 * join walker, and does `SELECT DISTINCT` of plain columns as the rows are built (`keyDistinct`)
 * instead of building every row and dropping the repeats after. Both still run alasql's own compiled
 * code for every expression (the WHERE, each selected value), and only change what calls it: they
 * add nothing that compiled code can reach. Each is taken only for the shapes described at it, where
 * what alasql does is a plain loop that can be read off its source (alasql 4.19.1, `queryfn`,
 * `queryfn3`, `doJoin`, `doLimit`); anything else runs as before.
 */

/** The state object of a compiled alasql query (`statement.query`). */
export type CompiledParts = Record<string, unknown>;

type RowFn = (this: unknown, p: unknown, params: unknown, alasql: unknown) => unknown;

// Bound once: these run per row (see fastPaths.ts).
const state = FAST_PATHS;
const charge = chargeCells;

/** What a query keyed by `keyDistinct` builds in place of a repeated row; the run drops it. */
export const DUPLICATE: ResultRow = Object.freeze(Object.create(null) as ResultRow);

const absent = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * The alias of the one source of a query of the shape both paths take: one source, no JOIN, GROUP BY
 * or aggregate, HAVING, ORDER BY, UNION/EXCEPT/INTERSECT, INTO, modifier, PIVOT, REMOVE COLUMNS, row
 * numbers or window aggregates. For such a query, alasql's `queryfn3` only walks the rows (doJoin),
 * putting each that passes `wherefn` through `selectfn`, and applies LIMIT/OFFSET.
 */
function oneTableAlias(query: CompiledParts, ast: AstNode): string | undefined {
  const clauses = ['group', 'having', 'order', 'joins', 'union', 'unionall', 'except', 'intersect'];
  if (!clauses.every((k) => absent(ast[k]))) return undefined;
  if (!absent(ast.into) || !absent(ast.modifier) || !absent(ast.pivot) || !absent(ast.unpivot))
    return undefined;
  const parts = [
    'groupfn',
    'havingfn',
    'orderfn',
    'unionfn',
    'unionallfn',
    'exceptfn',
    'intersectfn',
    'intofn',
    'intoallfn',
    'pivotfn',
    'unpivotfn',
    'modifier',
    'removeLikeKeys',
  ];
  if (!parts.every((k) => absent(query[k]))) return undefined;
  for (const k of ['removeKeys', 'rownums', 'grouprownums', 'windowaggrs']) {
    if (!Array.isArray(query[k]) || !absent(query[k])) return undefined;
  }
  if (typeof query.selectfn !== 'function' || typeof query.wherefn !== 'function') return undefined;
  const sources = query.sources;
  if (!Array.isArray(sources) || sources.length !== 1) return undefined;
  const alias = (sources[0] as { alias?: unknown }).alias;
  return typeof alias === 'string' && alias !== '' ? alias : undefined;
}

/**
 * The table scan: for a query of the shape above whose one source is a table of the engine's database
 * (not a sub-query, view, parameter or function) and whose expressions use no sub-query (whose values
 * alasql computes before the walk), the run is this loop, which is what alasql's walk does for one
 * source: every row in order, in `scope[alias]`, through `wherefn` and, when that is truthy,
 * `selectfn`, each called on the query with its (absent) params; then `doLimit`'s LIMIT and OFFSET.
 * (A keyed DISTINCT's DUPLICATE is not kept: the run would drop it, and such a query's LIMIT is the
 * run's, applied after.) Returns the run, or undefined where the query is left to alasql.
 */
export function scanRunner(query: CompiledParts, ast: AstNode): ScanRun | undefined {
  if (!state.on.scan) return undefined;
  const alias = oneTableAlias(query, ast);
  if (alias === undefined) return undefined;
  if (!absent(query.queriesfn) || !absent(query.existsfn) || query.explain) return undefined;
  if (query.limitParam !== undefined || query.offsetParam !== undefined || query.percent) return undefined;
  if (query.limit !== undefined && typeof query.limit !== 'number') return undefined;
  if (query.offset !== undefined && typeof query.offset !== 'number') return undefined;
  const source = (query.sources as Record<string, unknown>[])[0] ?? {};
  const aliases = query.aliases as Record<string, { type?: unknown } | undefined> | undefined;
  if (!aliases || !Object.hasOwn(aliases, alias) || aliases[alias]?.type !== 'table') return undefined;
  for (const k of [
    'subquery',
    'subsearch',
    'getfn',
    'applyselect',
    'onleftfn',
    'onrightfn',
    'optimization',
  ]) {
    if (source[k] !== undefined) return undefined;
  }
  if (source.joinmode !== 'INNER' || source.srcwherefns !== '' || typeof source.datafn !== 'function') {
    return undefined;
  }
  const db = (alasql as unknown as { databases: Record<string, CompiledParts | undefined> }).databases[
    String(source.databaseid)
  ];
  const tables = db?.tables as Record<string, { view?: unknown } | undefined> | undefined;
  const table = tables && typeof source.tableid === 'string' ? tables[source.tableid] : undefined;
  if (!db || db.engineid || !table || table.view) return undefined;
  const datafn = source.datafn as (
    query: unknown,
    params: unknown,
    cb: unknown,
    idx: number,
    a: unknown,
  ) => unknown;
  const limit = query.limit;
  const offset = query.offset;
  const taken = state.taken;
  // alasql's compileSelect1 builds a row as one object literal, `var r={'a':…,'b':…};return r`, with an
  // entry for each column whatever its value; only `*` (a copy of the row's own keys) and INTO OBJECT()
  // add keys by other code.
  const columns = Array.isArray(ast.columns) ? (ast.columns as AstNode[]) : [];
  const sameKeys =
    !query.intoObject &&
    columns.length > 0 &&
    columns.every((col) => col.columnid !== '*' && col.func === undefined);
  // Without a WHERE (none written, or every term dropped as true by construction: prune.ts), alasql's
  // compileWhere makes `wherefn` a function that returns true: not called.
  const filtered = Boolean(ast.where);
  const run = () => {
    taken.scan++;
    // What the statement and queryfn set before the walk.
    query.params = undefined;
    query.subqueryCache = {};
    const data = datafn(query, undefined, undefined, 0, alasql);
    if (!Array.isArray(data)) throw new Error('The table has no rows.');
    const where = query.wherefn as RowFn;
    const select = query.selectfn as RowFn;
    const scope: Record<string, unknown> = {};
    const out: unknown[] = [];
    for (let i = 0, n = data.length; i < n; i++) {
      scope[alias] = data[i];
      if (filtered && !where.call(query, scope, undefined, alasql)) continue;
      const row = select.call(query, scope, undefined, alasql);
      // A keyed DISTINCT's repeat, which the run would drop; its LIMIT is the run's, after DISTINCT.
      if (row !== DUPLICATE) out.push(row);
    }
    // doLimit
    if (!limit) return out;
    let from = 0;
    if (offset) from = Math.max(offset | 0 || 0, 0);
    return out.slice(from, (limit | 0) + from);
  };
  return { run, sameKeys };
}

/** A query's run by the table scan. */
export interface ScanRun {
  readonly run: () => unknown[];
  /**
   * Whether every row it returns has the same keys in the same order (its columns are the first
   * row's): each is built by the same object literal.
   */
  readonly sameKeys: boolean;
}

/**
 * DISTINCT's fast path, for `SELECT DISTINCT` of plain columns of a query of the shape above (LIMIT
 * and OFFSET are the run's, after DISTINCT: rewrite.ts): instead of alasql building a row for every
 * row that passes the WHERE and the run then dropping the repeats (distinctRows), the query's
 * `selectfn` reads the selected columns itself, as alasql's code for them does (`p[alias][column]`, a
 * plain property read), keys them by `distinctRows`'s equality (distinct.ts), and builds the row with
 * alasql's own code only for a key not seen before in the run; a repeat gives DUPLICATE. So the rows
 * kept are the same rows in the same order (each key's first), and every row is still charged as
 * built, so the budget runs out where it did. ORDER BY is not taken: alasql sorts the rows before
 * DISTINCT picks the first of each, so which one is first depends on every row.
 *
 * Call after the row functions are metered. Returns what starts and ends a run's keys, or undefined
 * where the query is left to distinctRows.
 */
export function keyDistinct(query: CompiledParts, ast: AstNode, width: number): DistinctKeys | undefined {
  if (!state.on.distinct) return undefined;
  const columns = plainColumns(query, ast);
  if (!columns) return undefined;
  const built = query.selectfn as RowFn;
  const taken = state.taken;
  const { alias, names } = columns;
  const n = names.length;
  // Each of the first four columns read at a place of its own in the code, so that each read sees one
  // name on every row and stays a fast one. The reads are those alasql's code makes (`p['t']['c']`,
  // in the columns' order), so a row that is not an object fails as it did.
  const [k0 = '', k1 = '', k2 = '', k3 = ''] = names;
  type Row = Readonly<Record<string, unknown>>;
  const rowOf = (p: unknown) => (p as Readonly<Record<string, unknown>>)[alias] as Row;
  if (n === 1) {
    const seen = new DistinctValues();
    query.selectfn = function (this: unknown, p: unknown, params: unknown, a: unknown) {
      if (seen.isNew(rowOf(p)[k0])) return built.call(this, p, params, a);
      charge(width);
      return DUPLICATE;
    };
    return {
      start: () => {
        taken.distinct++;
        seen.reset();
      },
      end: () => {
        seen.reset();
      },
    };
  }
  const seen = new DistinctTuples();
  const values: unknown[] = names.map(() => undefined);
  query.selectfn = function (this: unknown, p: unknown, params: unknown, a: unknown) {
    const row = rowOf(p);
    values[0] = row[k0];
    values[1] = row[k1];
    if (n > 2) values[2] = row[k2];
    if (n > 3) values[3] = row[k3];
    for (let i = 4; i < n; i++) values[i] = row[names[i] ?? ''];
    if (seen.isNew(values)) return built.call(this, p, params, a);
    charge(width);
    return DUPLICATE;
  };
  return {
    start: () => {
      taken.distinct++;
      seen.reset();
    },
    end: () => {
      seen.reset();
    },
  };
}

/** A keyed DISTINCT's keys: started before each run, forgotten after it. */
export interface DistinctKeys {
  readonly start: () => void;
  readonly end: () => void;
}

/**
 * The alias of the one source and the column each selected column reads of it, where the query has
 * the shape above and every selected column is a plain column of that source (not `*`), each under a
 * name of its own.
 */
function plainColumns(
  query: CompiledParts,
  ast: AstNode,
): { readonly alias: string; readonly names: readonly string[] } | undefined {
  const alias = oneTableAlias(query, ast);
  if (alias === undefined) return undefined;
  const defcols = query.defcols;
  const columns = Array.isArray(ast.columns) ? (ast.columns as AstNode[]) : [];
  const outputs = new Set<string>();
  const out: string[] = [];
  for (const col of columns) {
    const column = col.columnid;
    if (kindOf(col) !== 'Column' || typeof column !== 'string' || column === '*' || column === '_') {
      return undefined;
    }
    if (col.databaseid !== undefined) return undefined;
    // As alasql's compileSelect1 finds a column's table: its qualifier, the table defining it, or
    // the query's default (its one source).
    const defined =
      typeof defcols === 'object' && defcols !== null && Object.hasOwn(defcols, column)
        ? (defcols as Record<string, unknown>)[column]
        : undefined;
    const table = [col.tableid, defined, query.defaultTableid].find(Boolean);
    if (table !== alias) return undefined;
    // alasql names the column `col.as || col.columnid`.
    if (col.as !== undefined && typeof col.as !== 'string') return undefined;
    const name = col.as === undefined || col.as === '' ? column : col.as;
    if (outputs.has(name)) return undefined;
    outputs.add(name);
    out.push(column);
  }
  return out.length > 0 ? { alias, names: out } : undefined;
}
