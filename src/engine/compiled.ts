import type { AstNode } from '../sql/ast';
import { fail, ok, sqlError, type Result } from '../sql/errors';
import type { ResultRow } from '../sql/types';
import type { WindowBlock } from '../sql/windows';
import { BudgetExceeded, chargeCells, resetBudget } from './budget';
import { distinctRows, valueKey } from './distinct';
import { prepareForCompile, type PostSteps } from './rewrite';
import {
  DUPLICATE,
  keyDistinct,
  scanRunner,
  type CompiledParts,
  type DistinctKeys,
  type ScanRun,
} from './scan';

type Run = (params?: unknown) => unknown;
type RowFn = (this: unknown, p: unknown, params: unknown, alasql: unknown) => unknown;

// Bound once: run per built row, and a module's import can be a getter where the engine is not bundled.
const charge = chargeCells;

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
  /** Runs the query by the engine's own walk of its table, where it takes it (scan.ts). */
  readonly scan?: ScanRun;
  /**
   * Set when the query's DISTINCT is done as its rows are built (scan.ts): the run's keys. The rows the
   * run returns are then distinct already, but for DUPLICATE in place of each repeat.
   */
  readonly distinctKeys?: DistinctKeys;
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
    const [top, ...nested] = compiledQueries(run);
    // Fails closed: a top query without either row function (another alasql version) is not run.
    if (!top || meterRows(top, width) === 0) throw new Error('the engine cannot meter this query');
    for (const query of nested) meterRows(query, width);
    for (const query of [top, ...nested]) {
      fixReducerKeys(query);
      keyJoins(query);
    }
    const distinctKeys = post.distinct ? keyDistinct(top, ast, width) : undefined;
    const scan = scanRunner(top, ast);
    return ok({ run, ast, post, ...(scan ? { scan } : {}), ...(distinctKeys ? { distinctKeys } : {}) });
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
    query.distinctKeys?.start();
    const rows = (query.scan ? query.scan.run() : query.run()) as ResultRow[];
    const { distinct, offset, limit } = query.post;
    if (!distinct) return ok(rows);
    const unique = query.distinctKeys ? rows.filter((row) => row !== DUPLICATE) : distinctRows(rows);
    return ok(unique.slice(offset, limit === undefined ? undefined : offset + limit));
  } catch (e) {
    if (e instanceof BudgetExceeded) return fail(sqlError('runtime', e.message));
    const message = e instanceof Error ? e.message : String(e);
    return fail(sqlError('runtime', `The query failed while running: ${message}`));
  } finally {
    query.distinctKeys?.end();
  }
}

/**
 * alasql keeps a REDUCE aggregate's group value under its `nick`, written into the group code as a
 * JavaScript string literal of the escaped SQL text (`'SUM(x || \\'-\\')'`), but finishes it (stage 3)
 * under `JSON.stringify(nick)` of the still-escaped text: for an argument with a quote, a backslash
 * or a line break the two keys differ, and the query returned the reducer's unfinished state. The
 * finishing code is built when the query runs, from `query.aggrKeys`, so the nick is set to the key
 * the literal gives.
 */
function fixReducerKeys(query: CompiledParts): void {
  const keys = Array.isArray(query.aggrKeys) ? (query.aggrKeys as { nick?: unknown }[]) : [];
  for (const col of keys) if (typeof col.nick === 'string') col.nick = unescapeLiteral(col.nick);
}

/**
 * A JOIN's ON `a = b` is computed by alasql from an index: a plain object keyed by each right-side
 * value (`ix[value]`), looked up with the left side's. Keyed so, `constructor` or `__proto__` in the
 * data found a built-in instead of a group (and the query failed), 1 matched '1', and NULL matched
 * NULL, where SQLite's `=` is never true for NULL. Both sides' functions are wrapped to give a key by
 * type and value (`valueKey`, never a built-in's name), and NULL a key of its side that matches nothing.
 */
function keyJoins(query: CompiledParts): void {
  const sources = Array.isArray(query.sources) ? (query.sources as Record<string, unknown>[]) : [];
  for (const source of sources) {
    for (const [name, side] of [
      ['onleftfn', 'left'],
      ['onrightfn', 'right'],
    ] as const) {
      const fn = source[name];
      if (typeof fn !== 'function') continue;
      const inner = fn as (this: unknown, ...args: unknown[]) => unknown;
      source[name] = function (this: unknown, ...args: unknown[]) {
        const v = inner.apply(this, args);
        return v === null || v === undefined ? `null:${side}` : `k${valueKey(v)}`;
      };
    }
  }
}

/** The string a single-quoted JavaScript literal of `text` (as alasql's escapeq writes it) stands for. */
function unescapeLiteral(text: string): string {
  const named: Readonly<Record<string, string>> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    v: '\v',
    '0': '\0',
  };
  return text.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return named[e] ?? e;
  });
}

/**
 * The state objects of a compiled query and of every query compiled inside it (sub-queries, EXISTS,
 * the SELECTs of a UNION, FROM sub-queries), the outermost first, each once.
 */
function compiledQueries(run: unknown): CompiledParts[] {
  const out: CompiledParts[] = [];
  const seen = new Set<object>();
  const visit = (fn: unknown, depth: number): void => {
    const query = (fn as { query?: CompiledParts } | undefined)?.query;
    if (!query || seen.has(query) || depth > 64) return;
    seen.add(query);
    out.push(query);
    for (const inner of nestedQueries(query)) visit(inner, depth + 1);
  };
  visit(run, 0);
  return out;
}

/** The queries compiled inside a compiled alasql query. */
function nestedQueries(query: CompiledParts): unknown[] {
  const nested: unknown[] = [];
  for (const key of NESTED) {
    const value = query[key];
    if (Array.isArray(value)) nested.push(...(value as unknown[]));
    else if (value !== undefined) nested.push(value);
  }
  const sources = Array.isArray(query.sources) ? (query.sources as { subquery?: unknown }[]) : [];
  for (const source of sources) if (source.subquery !== undefined) nested.push(source.subquery);
  return nested;
}

/** Keys of a compiled alasql query that hold the queries compiled inside it. */
const NESTED = ['queriesfn', 'existsfn', 'unionfn', 'unionallfn', 'exceptfn', 'intersectfn'];

/**
 * Charges every row one compiled query builds to the run's cell budget, by wrapping its per-row
 * functions: `selectfn` (a row of the result) and `groupfn` (a row into its group). Called for every
 * query compiled inside the statement too, so a sub-query run once per row is charged for each row
 * it builds. Returns how many it wrapped (none: another alasql version, which is not run).
 */
function meterRows(query: CompiledParts, width: number): number {
  let metered = 0;
  for (const name of ['selectfn', 'groupfn']) {
    const fn = query[name];
    if (typeof fn !== 'function') continue;
    const inner = fn as RowFn;
    query[name] = function (this: unknown, p: unknown, params: unknown, alasql: unknown) {
      charge(width);
      return inner.call(this, p, params, alasql);
    };
    metered++;
  }
  return metered;
}
