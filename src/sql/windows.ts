import { isReservedName, isSafeAlias } from './allowList';
import { kindOf, parseAlasql, type AstNode } from './ast';
import { fail, ok, sqlError, type Result } from './errors';
import { locate } from './locate';

/**
 * Window functions (`ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)`), which alasql does not compute
 * as SQLite does. A SELECT with window functions is split: its *input*, the same SELECT with each
 * window call replaced by the columns it reads (its arguments, PARTITION BY and ORDER BY values, under
 * `__stackql_` names), runs in alasql; the engine then computes the windows over the input's rows
 * (src/engine/windows.ts) into a table (`window_1`) that the rest of the query reads in its place.
 * An outermost SELECT with windows becomes `SELECT * FROM (it) ORDER BY … LIMIT …`, so its ORDER BY
 * and LIMIT apply after the windows, as in SQLite.
 */

/** One window call: the function and the input columns it reads. */
export interface WindowSpec {
  /** Upper case: ROW_NUMBER, RANK, …, COUNT, SUM, … */
  readonly fn: string;
  /** COUNT(*). */
  readonly star: boolean;
  readonly args: readonly string[];
  readonly partition: readonly string[];
  readonly order: readonly { readonly key: string; readonly desc: boolean }[];
}

/** A column of a window block's rows: the input's `*`, an input column renamed, or a window's value. */
export type WindowColumn =
  | { readonly kind: 'star' }
  | { readonly kind: 'plain'; readonly name: string; readonly key: string }
  | { readonly kind: 'window'; readonly name: string; readonly window: number };

/** A SELECT with window functions, split for the engine (see above). */
export interface WindowBlock {
  /** The local table its rows go to. */
  readonly table: string;
  /** The input SELECT: checked, compiled and run by the engine before the query. */
  readonly input: AstNode;
  readonly columns: readonly WindowColumn[];
  readonly windows: readonly WindowSpec[];
}

/** Window functions by name, with their argument counts. */
const RANKING: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['ROW_NUMBER', [0, 0]],
  ['RANK', [0, 0]],
  ['DENSE_RANK', [0, 0]],
  ['PERCENT_RANK', [0, 0]],
  ['CUME_DIST', [0, 0]],
  ['NTILE', [1, 1]],
  ['LAG', [1, 3]],
  ['LEAD', [1, 3]],
  ['FIRST_VALUE', [1, 1]],
  ['LAST_VALUE', [1, 1]],
  ['NTH_VALUE', [2, 2]],
]);
const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'TOTAL']);

/** Whether a SELECT list has a window call. */
export function hasWindow(st: AstNode): boolean {
  const columns = Array.isArray(st.columns) ? (st.columns as AstNode[]) : [];
  return columns.some((c) => isWindowCall(c));
}

function isWindowCall(node: AstNode | null | undefined): boolean {
  const kind = kindOf(node);
  return (kind === 'FuncValue' || kind === 'AggrValue') && node?.over !== undefined;
}

/** `SELECT * FROM (st) AS windowed ORDER BY … LIMIT …`: the outermost SELECT's windows before its ORDER BY. */
export function wrapWindows(st: AstNode, text: string): Result<AstNode> {
  if (st.distinct === true) {
    return fail(
      sqlError(
        'not-allowed',
        'SELECT DISTINCT with window functions is not supported yet: select the windows in a CTE, then SELECT DISTINCT from it.',
        text,
        locate(text, ['DISTINCT']),
      ),
    );
  }
  const parsed = parseAlasql('SELECT * FROM windowed AS windowed');
  const outer = parsed.ok ? parsed.value[0] : undefined;
  if (!outer) return fail(sqlError('internal', 'The window functions could not be prepared.'));
  outer.from = [st];
  st.as = 'windowed';
  for (const key of ['order', 'limit', 'offset', 'top']) {
    if (st[key] === undefined) continue;
    outer[key] = st[key];
    Reflect.deleteProperty(st, key);
  }
  return ok(outer);
}

/**
 * Turns a SELECT with window functions into its input (in place) and says how its rows are built.
 * The names it gives: each column's alias, a column's name, or the function's name for a window.
 */
export function extractWindows(
  st: AstNode,
  text: string,
  table: string,
): Result<WindowBlock & { readonly names: readonly string[] }> {
  const err = (message: string, ...needles: string[]) =>
    fail<WindowBlock & { readonly names: readonly string[] }>(
      sqlError('not-allowed', message, text, locate(text, needles)),
    );
  for (const key of ['limit', 'offset', 'top', 'distinct']) {
    if (st[key] !== undefined && st[key] !== false) {
      return err(
        'A sub-query with window functions cannot have LIMIT, OFFSET or DISTINCT yet: apply them in the outer query.',
        'OVER',
      );
    }
  }
  if (['union', 'unionall', 'except', 'intersect'].some((k) => st[k] !== undefined)) {
    return err(
      'Window functions in a SELECT of a UNION are not supported yet: compute them in a CTE, then UNION its rows.',
      'OVER',
    );
  }
  const selected = Array.isArray(st.columns) ? (st.columns as AstNode[]) : [];
  const input: AstNode[] = [];
  const columns: WindowColumn[] = [];
  const windows: WindowSpec[] = [];
  const names: string[] = [];
  const taken = new Set<string>();
  const unique = (name: string): string => {
    let out = name;
    for (let k = 1; taken.has(out.toLowerCase()); k++) out = `${name}:${String(k)}`;
    taken.add(out.toLowerCase());
    return out;
  };
  const feed = (node: unknown, key: string): string => {
    (node as AstNode).as = key;
    input.push(node as AstNode);
    return key;
  };
  for (const [i, c] of selected.entries()) {
    if (typeof c.as === 'string' && c.as.toLowerCase().startsWith('__stackql_')) {
      return err(
        `Names starting with __stackql_ are the engine's own: pick another alias than ${c.as}.`,
        c.as,
      );
    }
    if (c.columnid === '*') {
      input.push(c);
      columns.push({ kind: 'star' });
      continue;
    }
    if (!isWindowCall(c)) {
      const name = unique(
        typeof c.as === 'string'
          ? c.as
          : kindOf(c) === 'Column'
            ? String(c.columnid)
            : (c as unknown as { toString(): string }).toString(),
      );
      // An alias stays the input's name for it, so GROUP BY, HAVING and ORDER BY there still read it.
      const key = feed(c, typeof c.as === 'string' ? c.as : `__stackql_c${String(i)}`);
      columns.push({ kind: 'plain', name, key });
      names.push(name);
      continue;
    }
    const j = windows.length;
    const kind = kindOf(c);
    const fn = String(kind === 'AggrValue' ? c.aggregatorid : c.funcid).toUpperCase();
    const over = c.over as AstNode;
    const extra = Object.keys(over).find((k) => over[k] !== undefined && k !== 'partition' && k !== 'order');
    if (extra !== undefined)
      return err('A window takes PARTITION BY and ORDER BY; frames are not supported yet.', 'OVER');
    let args: unknown[];
    let star = false;
    if (kind === 'AggrValue') {
      if (!AGGREGATES.has(fn))
        return err(`${fn}() is not a window function; use ROW_NUMBER, RANK, LAG, SUM, COUNT …`, fn);
      if (c.distinct === true) return err(`${fn}(DISTINCT …) OVER (…) is not supported.`, fn);
      const expression = c.expression as AstNode | undefined;
      star = expression?.columnid === '*';
      if (star && fn !== 'COUNT') return err(`Only COUNT(*) takes *: write ${fn}(column) OVER (…).`, fn);
      args = star ? [] : [expression];
    } else {
      const counts = RANKING.get(fn);
      args = Array.isArray(c.args) ? (c.args as unknown[]) : [];
      if (!counts) {
        return err(
          `${fn}() is not a window function: use ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, or COUNT/SUM/AVG/MIN/MAX/TOTAL … OVER (…).`,
          fn,
        );
      }
      const [min, max] = counts;
      if (args.length < min || args.length > max) {
        return err(
          `${fn}() takes ${min === max ? String(min) : `${String(min)} to ${String(max)}`} argument${max === 1 ? '' : 's'}.`,
          fn,
        );
      }
    }
    const partition = Array.isArray(over.partition) ? (over.partition as unknown[]) : [];
    const order = Array.isArray(over.order) ? (over.order as AstNode[]) : [];
    if (
      order.some(
        (o) =>
          kindOf(o) !== 'Expression' ||
          Object.keys(o).some((k) => !['expression', 'direction'].includes(k) && o[k] !== undefined),
      )
    ) {
      return err('Write the window ORDER BY as ORDER BY expression [ASC | DESC].', 'OVER');
    }
    windows.push({
      fn,
      star,
      args: args.map((a, k) => feed(a, `__stackql_w${String(j)}_a${String(k)}`)),
      partition: partition.map((p, k) => feed(p, `__stackql_w${String(j)}_p${String(k)}`)),
      order: order.map((o, k) => ({
        key: feed(o.expression, `__stackql_w${String(j)}_o${String(k)}`),
        desc: String(o.direction).toUpperCase() === 'DESC',
      })),
    });
    if (c.as !== undefined && (!isSafeAlias(c.as) || isReservedName(c.as))) {
      return err(
        'A window column needs a plain alias (letters, digits, _; not a name every JavaScript object has), e.g. AS rn.',
        'OVER',
      );
    }
    const name = unique(typeof c.as === 'string' ? c.as : fn.toLowerCase());
    columns.push({ kind: 'window', name, window: j });
    names.push(name);
  }
  st.columns = input;
  return ok({ table, input: st, columns, windows, names });
}
