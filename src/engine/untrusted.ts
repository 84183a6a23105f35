import type { SqlError, SqlErrorCode } from '../sql/errors';
import { MAX_QUERY_CHARS } from '../sql/limits';
import type { ResultRow } from '../sql/types';
import type { EngineResponse } from './protocol';

/**
 * Reads a message from the engine as untrusted input. The engine runs code that alasql compiled from
 * a query someone else may have written, so the page assumes that code can post anything on the
 * port: every message is checked for shape, and sizes and counts are bounded, before the page acts on
 * it. A message that fails is not repaired: the caller treats the engine as broken and replaces it.
 */

/** Limits on one message; generous for real results, small enough that the page stays responsive. */
export const MESSAGE_LIMITS = {
  /** Rows in one result window (the page asks for at most 5,000 at a time). */
  rows: 10_000,
  columns: 1_000,
  /** Characters of text (strings and keys) in one message, over all its cells. */
  textChars: 64 * 1024 * 1024,
  /** Values (cells and the members of JSON cells) in one message. */
  values: 5_000_000,
  /** How deep a JSON cell may nest. */
  depth: 64,
  /** Characters of an error message. */
  messageChars: 4_000,
  /** Characters of a column name: an unaliased column is named by its SQL text, as long as a query. */
  columnChars: MAX_QUERY_CHARS,
} as const;

const ERROR_CODES = {
  empty: true,
  syntax: true,
  'multiple-statements': true,
  'unsupported-statement': true,
  'unknown-resource': true,
  'unknown-method': true,
  'not-allowed': true,
  'missing-params': true,
  'invalid-param': true,
  'fan-out': true,
  runtime: true,
  timeout: true,
  cancelled: true,
  'no-data': true,
  engine: true,
  'too-complex': true,
  internal: true,
} satisfies Record<SqlErrorCode, true>;

type Rec = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Rec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Exactly these own keys, no more (optional ones may be missing). */
function hasKeys(value: Rec, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(value);
  return (
    required.every((k) => Object.hasOwn(value, k)) &&
    keys.every((k) => required.includes(k) || optional.includes(k))
  );
}

const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= -1;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A dataset key: the API URL and the call's params (see `callKey`). */
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length <= 100_000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MESSAGE_LIMITS.messageChars;

function readError(value: unknown): SqlError | undefined {
  if (!isRecord(value)) return undefined;
  const positions = ['line', 'column', 'endLine', 'endColumn'];
  if (!hasKeys(value, ['code', 'message'], positions)) return undefined;
  const { code, message } = value;
  if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code) || !isText(message)) return undefined;
  if (positions.some((k) => value[k] !== undefined && !isCount(value[k]))) return undefined;
  return value as unknown as SqlError;
}

/**
 * Walks the cells of result rows, counting values and text against the limits. Plain loops, no
 * per-row arrays: a 5,000-row window is checked on the page's thread while the reader scrolls.
 */
class CellBudget {
  private values = 0;
  private chars = 0;

  text(s: string): boolean {
    this.chars += s.length;
    return this.chars <= MESSAGE_LIMITS.textChars;
  }

  cell(value: unknown, depth: number): boolean {
    if (++this.values > MESSAGE_LIMITS.values) return false;
    switch (typeof value) {
      case 'string':
        return this.text(value);
      case 'number':
      case 'boolean':
        return true;
      case 'object':
        break;
      default:
        // undefined (a column a row lacks), bigint, and nothing else a structured clone can carry.
        return value === undefined;
    }
    if (value === null || value instanceof Date) return true;
    if (depth >= MESSAGE_LIMITS.depth) return false;
    if (Array.isArray(value)) {
      for (const v of value as unknown[]) if (!this.cell(v, depth + 1)) return false;
      return true;
    }
    return this.record(value, depth);
  }

  /** A plain object's own keys and values; `limit` bounds how many keys it may have. */
  record(value: object, depth: number, limit = Infinity): boolean {
    if (!isRecord(value)) return false;
    let keys = 0;
    for (const k in value) {
      // for…in also walks inherited enumerable keys; a plain or null-prototype object has none.
      if (++keys > limit || !this.text(k) || !this.cell(value[k], depth + 1)) return false;
    }
    return true;
  }

  rows(value: unknown): value is readonly ResultRow[] {
    if (!Array.isArray(value) || value.length > MESSAGE_LIMITS.rows) return false;
    for (const row of value as unknown[]) {
      if (typeof row !== 'object' || row === null || !this.record(row, 0, MESSAGE_LIMITS.columns))
        return false;
    }
    return true;
  }
}

function readSummary(value: unknown): boolean {
  if (!isRecord(value) || !hasKeys(value, ['resultId', 'columns', 'total', 'rows', 'elapsedMs']))
    return false;
  const { resultId, columns, total, rows, elapsedMs } = value;
  return (
    isCount(resultId) &&
    isCount(total) &&
    typeof elapsedMs === 'number' &&
    Number.isFinite(elapsedMs) &&
    Array.isArray(columns) &&
    columns.length <= MESSAGE_LIMITS.columns &&
    columns.every((c) => typeof c === 'string' && c.length <= MESSAGE_LIMITS.columnChars) &&
    new CellBudget().rows(rows) &&
    rows.length <= total
  );
}

/** The message as an `EngineResponse`, or undefined if it is not one the page can accept. */
export function readEngineResponse(data: unknown): EngineResponse | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return hasKeys(data, ['type']) ? (data as EngineResponse) : undefined;
    case 'loaded':
      return hasKeys(data, ['type', 'key', 'total']) && isKey(data.key) && isCount(data.total)
        ? (data as EngineResponse)
        : undefined;
    case 'result':
      return hasKeys(data, ['type', 'id', 'summary']) && isId(data.id) && readSummary(data.summary)
        ? (data as EngineResponse)
        : undefined;
    case 'window':
      return hasKeys(data, ['type', 'id', 'rows']) && isId(data.id) && new CellBudget().rows(data.rows)
        ? (data as EngineResponse)
        : undefined;
    case 'error':
      return hasKeys(data, ['type', 'id', 'error']) && isId(data.id) && readError(data.error)
        ? (data as EngineResponse)
        : undefined;
    default:
      return undefined;
  }
}
