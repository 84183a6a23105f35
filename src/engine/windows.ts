import { compareSqlValues } from '../sql/aggregates';
import type { WindowBlock, WindowSpec } from '../sql/windows';
import { chargeCells } from './budget';
import { valueKey } from './distinct';
import { sqliteNumber } from './sqliteFunctions';

/**
 * SQLite's window functions over a window block's input rows (see sql/windows.ts): each row is put in
 * its partition, each partition sorted by the window's ORDER BY (stable, so peers keep the input's
 * order), and the function computed with SQLite's default frame: with ORDER BY, from the partition's
 * first row to the current row's last peer; without, the whole partition.
 */

type Row = Readonly<Record<string, unknown>>;

const isNull = (v: unknown): boolean => v === null || v === undefined;

/** SQLite's order: NULLs first, then numbers, then text (JSON values as their text). */
function compare(a: unknown, b: unknown): number {
  if (isNull(a) || isNull(b)) return isNull(a) ? (isNull(b) ? 0 : -1) : 1;
  const text = (v: unknown) => (typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);
  return compareSqlValues(text(a), text(b));
}

/** The rows of a window block: the input's columns under their names, and each window's value. */
export function windowRows(block: WindowBlock, input: readonly Row[]): Record<string, unknown>[] {
  const values = block.windows.map((spec) => computeWindow(spec, input));
  return input.map((row, i) => {
    const out: Record<string, unknown> = {};
    for (const column of block.columns) {
      // Defined, not assigned: a name is data here, never a setter (the checker refuses such names too).
      if (column.kind === 'star') {
        for (const key of Object.keys(row)) if (!key.startsWith('__stackql_')) define(out, key, row[key]);
      } else {
        define(out, column.name, column.kind === 'plain' ? row[column.key] : values[column.window]?.[i]);
      }
    }
    chargeCells(block.columns.length);
    return out;
  });
}

function define(out: object, name: string, value: unknown): void {
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
}

/** One window function's value for every input row, by row index. */
function computeWindow(spec: WindowSpec, rows: readonly Row[]): unknown[] {
  const out: unknown[] = new Array<unknown>(rows.length).fill(null);
  const partitions = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = spec.partition.map((k) => valueKey(row[k])).join('\u0000');
    let list = partitions.get(key);
    if (!list) partitions.set(key, (list = []));
    list.push(i);
  });
  const byOrder = (a: number, b: number): number => {
    for (const o of spec.order) {
      const c = compare(rows[a]?.[o.key], rows[b]?.[o.key]);
      if (c !== 0) return o.desc ? -c : c;
    }
    return 0;
  };
  for (const list of partitions.values()) {
    if (spec.order.length > 0) list.sort((a, b) => byOrder(a, b) || a - b);
    chargeCells(list.length);
    // Peer groups: the index just past the current row's last peer, per position in the partition.
    const peerEnd: number[] = new Array<number>(list.length);
    for (let start = 0; start < list.length;) {
      let end = start + 1;
      while (end < list.length && spec.order.length > 0 && byOrder(list[start] ?? 0, list[end] ?? 0) === 0)
        end++;
      if (spec.order.length === 0) end = list.length;
      for (let k = start; k < end; k++) peerEnd[k] = end;
      start = end;
    }
    const arg = (pos: number, n = 0): unknown => {
      const key = spec.args[n];
      const row = rows[list[pos] ?? -1];
      return key === undefined || !row ? null : (row[key] ?? null);
    };
    const constant = (n: number, fallback: unknown): unknown => {
      const key = spec.args[n];
      const row = rows[list[0] ?? -1];
      return key === undefined || !row ? fallback : (row[key] ?? null);
    };
    if (AGGREGATES.has(spec.fn)) {
      // The frame only grows along the partition: fold each row in once.
      let done = 0;
      let count = 0;
      let sum = 0;
      let best: unknown = null;
      list.forEach((rowIndex, pos) => {
        const end = peerEnd[pos] ?? list.length;
        for (; done < end; done++) {
          const v = arg(done);
          if (isNull(v) && !(spec.fn === 'COUNT' && spec.star)) continue;
          count++;
          if (spec.fn === 'MIN' || spec.fn === 'MAX') {
            if (best === null || compare(v, best) * (spec.fn === 'MAX' ? 1 : -1) > 0) best = v;
          } else if (spec.fn !== 'COUNT') sum += sqliteNumber(v);
        }
        out[rowIndex] = aggregateValue(spec.fn, count, sum, best);
      });
      continue;
    }
    let rank = 1;
    let dense = 0;
    list.forEach((rowIndex, pos) => {
      const firstOfPeers = pos === 0 || peerEnd[pos - 1] !== peerEnd[pos];
      if (firstOfPeers) {
        rank = pos + 1;
        dense++;
      }
      const frameEnd = peerEnd[pos] ?? list.length;
      out[rowIndex] = value(spec, pos, list.length, frameEnd, rank, dense, arg, constant);
    });
  }
  return out;
}

function value(
  spec: WindowSpec,
  pos: number,
  size: number,
  frameEnd: number,
  rank: number,
  dense: number,
  arg: (pos: number, n?: number) => unknown,
  constant: (n: number, fallback: unknown) => unknown,
): unknown {
  switch (spec.fn) {
    case 'ROW_NUMBER':
      return pos + 1;
    case 'RANK':
      return rank;
    case 'DENSE_RANK':
      return dense;
    case 'PERCENT_RANK':
      return size > 1 ? (rank - 1) / (size - 1) : 0;
    case 'CUME_DIST':
      return frameEnd / size;
    case 'NTILE': {
      const n = Math.trunc(sqliteNumber(constant(0, 1)));
      if (!(n > 0)) throw new Error('argument of ntile must be a positive integer');
      const base = Math.floor(size / n);
      const extra = size % n;
      // The first `extra` buckets have base + 1 rows.
      const big = extra * (base + 1);
      return pos < big
        ? Math.floor(pos / (base + 1)) + 1
        : extra + Math.floor((pos - big) / Math.max(base, 1)) + 1;
    }
    case 'LAG':
    case 'LEAD': {
      // The offset and the default are read on the current row, as SQLite does.
      const offset = spec.args.length > 1 ? Math.trunc(sqliteNumber(arg(pos, 1))) : 1;
      const at = spec.fn === 'LAG' ? pos - offset : pos + offset;
      return at >= 0 && at < size ? arg(at) : spec.args.length > 2 ? arg(pos, 2) : null;
    }
    case 'FIRST_VALUE':
      return arg(0);
    case 'LAST_VALUE':
      return arg(frameEnd - 1);
    case 'NTH_VALUE': {
      const n = Math.trunc(sqliteNumber(arg(pos, 1)));
      if (!(n > 0)) throw new Error('second argument to nth_value must be a positive integer');
      return n - 1 < frameEnd ? arg(n - 1) : null;
    }
    default:
      throw new Error(`${spec.fn} is not a window function here.`);
  }
}

const AGGREGATES = new Set(['COUNT', 'SUM', 'TOTAL', 'AVG', 'MIN', 'MAX']);

/** An aggregate's value over the rows folded in: `count` non-NULL values (rows, for COUNT(*)). */
function aggregateValue(fn: string, count: number, sum: number, best: unknown): unknown {
  switch (fn) {
    case 'COUNT':
      return count;
    case 'SUM':
      return count === 0 ? null : sum;
    case 'TOTAL':
      return sum;
    case 'AVG':
      return count === 0 ? null : sum / count;
    default:
      return best;
  }
}
