import type { AstNode } from '../sql/ast';
import { fail, ok, sqlError, type Result } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import type { WindowBlock } from '../sql/windows';
import { BudgetExceeded, chargeCells, resetBudget } from './budget';
import { distinctRows } from './distinct';
import { prepareForCompile, type PostSteps } from './rewrite';

type Run = (params?: unknown) => unknown;
type RowFn = (this: unknown, p: unknown, params: unknown, alasql: unknown) => unknown;

/** A checked query compiled by alasql, metered, with what is left to do to its rows. */
export interface CompiledQuery {
  readonly run: Run;
  /** The compiled tree, for naming the columns of an empty result. */
  readonly ast: AstNode;
  readonly post: PostSteps;
  /** The json_each tables to fill before it runs: each from its arguments over its source's rows. */
  readonly laterals?: readonly LateralRun[];
  /** The window tables to compute before it runs, inner ones first (see sql/windows.ts). */
  readonly windows?: readonly WindowRun[];
}

/** A window block of a query, and its compiled input SELECT. */
export interface WindowRun {
  readonly block: WindowBlock;
  readonly input: CompiledQuery;
}

/** A json_each table of a query, and the compiled `SELECT <value>, <path> FROM <source>` that feeds it. */
export interface LateralRun {
  readonly table: string;
  readonly source: string;
  readonly args: CompiledQuery;
}

/**
 * Compiles a checked Select (which it changes: see rewrite.ts) in alasql's database `dbid`. `width`
 * is what one built row costs in cells (its columns, grouping and sort keys).
 */
export function compileChecked(ast: AstNode, dbid: string, width: number): Result<CompiledQuery> {
  try {
    const post = prepareForCompile(ast);
    const run = (ast as unknown as { compile(db: string): Run }).compile(dbid);
    meterRows(run, width);
    return ok({ run, ast, post });
  } catch (e) {
    // The allow-list keeps alasql to well-trodden paths, but its compiler can still throw on odd input.
    const message = e instanceof Error ? e.message : String(e);
    return fail(sqlError('runtime', `The query could not be compiled: ${message}`));
  }
}

/** Runs a compiled query on a fresh budget and applies its post steps (DISTINCT, then OFFSET/LIMIT). */
export function runCompiled(query: CompiledQuery): Result<ResultRow[]> {
  resetBudget();
  try {
    const rows = query.run() as ResultRow[];
    const { distinct, offset, limit } = query.post;
    if (!distinct) return ok(rows);
    return ok(distinctRows(rows).slice(offset, limit === undefined ? undefined : offset + limit));
  } catch (e) {
    if (e instanceof BudgetExceeded) return fail(sqlError('runtime', e.message));
    const message = e instanceof Error ? e.message : String(e);
    return fail(sqlError('runtime', `The query failed while running: ${message}`));
  }
}

/**
 * Charges every row the query builds to the run's cell budget, by wrapping the per-row functions of
 * alasql's compiled query: `selectfn` (a row of the result) and `groupfn` (a row into its group), in
 * the query and in every query compiled inside it (sub-queries, EXISTS, the SELECTs of a UNION, FROM
 * sub-queries), so a sub-query run once per row is charged for each row it builds. Fails closed: a
 * compiled query without either (another alasql version) is not run.
 */
function meterRows(run: Run, width: number): void {
  if (meterQuery(run, width, new Set(), 0) === 0) throw new Error('the engine cannot meter this query');
}

/** Keys of a compiled alasql query that hold the queries compiled inside it. */
const NESTED = ['queriesfn', 'existsfn', 'unionfn', 'unionallfn', 'exceptfn', 'intersectfn'];

function meterQuery(run: unknown, width: number, seen: Set<object>, depth: number): number {
  const query = (run as { query?: Record<string, unknown> } | undefined)?.query;
  if (!query || seen.has(query) || depth > 64) return 0;
  seen.add(query);
  let metered = 0;
  for (const name of ['selectfn', 'groupfn']) {
    const fn = query[name];
    if (typeof fn !== 'function') continue;
    const inner = fn as RowFn;
    query[name] = function (this: unknown, p: unknown, params: unknown, alasql: unknown) {
      chargeCells(width);
      return inner.call(this, p, params, alasql);
    };
    metered++;
  }
  const nested: unknown[] = [];
  for (const key of NESTED) {
    const value = query[key];
    if (Array.isArray(value)) nested.push(...(value as unknown[]));
    else if (value !== undefined) nested.push(value);
  }
  const sources = Array.isArray(query.sources) ? (query.sources as { subquery?: unknown }[]) : [];
  for (const source of sources) if (source.subquery !== undefined) nested.push(source.subquery);
  for (const fn of nested) meterQuery(fn, width, seen, depth + 1);
  return metered;
}
