/**
 * SQLite's scalar functions where alasql's differ, and StackQL's `split_part`, as the engine
 * registers them (see alasqlSetup.ts and allowList.ts): NULL in gives NULL out, text is measured in
 * characters (code points), and what a function builds is charged to the run's text budget.
 *
 * NULL is `undefined` here, as in the code alasql generates.
 */
import { compareSqlValues } from '../sql/aggregates';
import { sqlText } from '../sql/text';
import { chargeText } from './budget';
import { DATE_FUNCTIONS } from './dateFunctions';
import { jsonArray, jsonObject } from './jsonBuild';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** SQLite `length(X)`: characters of text (numbers as their text), NULL for NULL. */
export function length(x: unknown): number | undefined {
  if (isNull(x)) return undefined;
  // Code points, as SQLite counts characters: every UTF-16 unit but the second of a pair.
  const text = sqlText(x);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The characters to trim: SQLite's default is the space only. */
function trimSet(chars: unknown): Set<string> | undefined {
  if (chars === undefined) return new Set([' ']);
  if (chars === null) return undefined;
  return new Set(sqlText(chars));
}

function trimmer(left: boolean, right: boolean) {
  return (...args: unknown[]): string | undefined => {
    const [x, chars] = args;
    const set = trimSet(args.length > 1 ? chars : undefined);
    if (isNull(x) || !set) return undefined;
    const text = Array.from(sqlText(x));
    let start = 0;
    let end = text.length;
    if (left) while (start < end && set.has(text[start] ?? '')) start++;
    if (right) while (end > start && set.has(text[end - 1] ?? '')) end--;
    const out = text.slice(start, end).join('');
    chargeText(out.length);
    return out;
  };
}

/** SQLite `trim(X[, Y])`, `ltrim`, `rtrim`: the characters of Y (default a space) off the ends. */
export const trim = trimmer(true, true);
export const ltrim = trimmer(true, false);
export const rtrim = trimmer(false, true);

/** SQLite's scalar `max(X, Y, …)` and `min(…)`: NULL if any argument is NULL. */
function extreme(sign: 1 | -1) {
  return (...args: unknown[]): unknown => {
    let best: unknown;
    for (const [i, v] of args.entries()) {
      if (isNull(v)) return undefined;
      if (i === 0 || compareSqlValues(v, best) * sign > 0) best = v;
    }
    return best;
  };
}
export const scalarMax = extreme(1);
export const scalarMin = extreme(-1);

/**
 * StackQL's `split_part(text, delimiter, n)` (PostgreSQL's): the n-th field of the text split at the
 * delimiter, counting from 1, or from the end when n is negative; '' past the last field. NULL if
 * any argument is NULL; n = 0 is NULL too (PostgreSQL raises an error). An empty delimiter leaves
 * one field, the whole text.
 */
export function splitPart(x: unknown, delimiter: unknown, n: unknown): string | undefined {
  if (isNull(x) || isNull(delimiter) || isNull(n)) return undefined;
  const index = Math.trunc(Number(n));
  if (!Number.isFinite(index) || index === 0) return undefined;
  const text = sqlText(x);
  const sep = sqlText(delimiter);
  const parts = sep === '' ? [text] : text.split(sep);
  const part = index > 0 ? parts[index - 1] : parts[parts.length + index];
  chargeText(part?.length ?? 0);
  return part ?? '';
}

const NUMERIC_PREFIX = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const INTEGER_PREFIX = /^\s*[+-]?\d+/;

/**
 * A value as a number, as SQLite converts it for arithmetic and CAST: numbers as they are, booleans
 * as 1/0, text by its longest numeric prefix (`'12abc'` is 12, `'abc'` is 0), JSON by its text.
 */
export function sqliteNumber(value: unknown, integer = false): number {
  if (typeof value === 'number') return integer ? Math.trunc(value) : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  const prefix = (integer ? INTEGER_PREFIX : NUMERIC_PREFIX).exec(sqlText(value));
  return prefix ? Number(prefix[0]) : 0;
}

/**
 * SQLite's type affinity of a CAST type name: INT… is INTEGER; CHAR, CLOB or TEXT in it, TEXT; REAL,
 * FLOA or DOUB, REAL; anything else (NUMERIC, DECIMAL, NUMBER, BOOLEAN, DATE, STRING …) NUMERIC.
 */
function affinity(type: string): 'INTEGER' | 'TEXT' | 'REAL' | 'NUMERIC' {
  const t = type.toUpperCase();
  if (t.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'TEXT';
  if (/REAL|FLOA|DOUB/.test(t)) return 'REAL';
  return 'NUMERIC';
}

/** SQLite `CAST(x AS type)`, by the type's affinity; NULL stays NULL. Text built is charged. */
export function sqliteCast(value: unknown, type: string): unknown {
  if (isNull(value)) return undefined;
  switch (affinity(type)) {
    case 'TEXT': {
      const text = sqlText(value);
      chargeText(text.length);
      return text;
    }
    case 'INTEGER':
      return sqliteNumber(value, true);
    default:
      return sqliteNumber(value);
  }
}

/**
 * SQLite's `X / Y` and `X % Y` (harden.ts compiles both to these): NULL if either is NULL or Y is 0;
 * integer division (truncated) and remainder when both are integers and SQLite types neither REAL
 * (`real`, see checkExpr.ts isReal); `%` of reals works on their integer parts. Text is converted
 * by its numeric prefix.
 */
export function divide(x: unknown, y: unknown, real: boolean): number | undefined {
  if (isNull(x) || isNull(y)) return undefined;
  const a = sqliteNumber(x);
  const b = sqliteNumber(y);
  if (b === 0 || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  if (!real && Number.isInteger(a) && Number.isInteger(b)) return Math.trunc(a / b);
  return a / b;
}

export function remainder(x: unknown, y: unknown): number | undefined {
  if (isNull(x) || isNull(y)) return undefined;
  const a = Math.trunc(sqliteNumber(x));
  const b = Math.trunc(sqliteNumber(y));
  if (b === 0 || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return a % b;
}

/** SQLite `typeof(x)`: 'null', 'integer', 'real' or 'text' (a JSON column is text in SQLite). */
export function typeOf(x: unknown): string {
  if (isNull(x)) return 'null';
  if (typeof x === 'number') return Number.isInteger(x) ? 'integer' : 'real';
  if (typeof x === 'boolean' || typeof x === 'bigint') return 'integer';
  return 'text';
}

/** One character of a GLOB piece: a code point, `?` (any one), or a `[…]` set. */
type GlobChar =
  | number
  | { readonly any: true }
  | { readonly ranges: readonly (readonly [number, number])[]; readonly negate: boolean };

/**
 * A GLOB pattern as SQLite reads it (sqlite3's patternCompare): pieces between `*`s, each a run of
 * characters; `?` any one character; `[…]` a set (`[^…]` negated, `a-z` ranges, a `]` first is
 * itself, a `-` first or last is itself); case-sensitive, by code point. Undefined for a `[` that is
 * never closed, which matches nothing in SQLite.
 */
function compileGlob(pattern: string): (readonly GlobChar[])[] | undefined {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0) ?? 0);
  const pieces: GlobChar[][] = [[]];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] ?? 0;
    const piece = pieces[pieces.length - 1] ?? [];
    if (c === 42)
      pieces.push([]); // *
    else if (c === 63)
      piece.push({ any: true }); // ?
    else if (c === 91) {
      // [
      let j = i + 1;
      const negate = cps[j] === 94; // ^
      if (negate) j++;
      const ranges: [number, number][] = [];
      if (cps[j] === 93) {
        ranges.push([93, 93]); // a leading ] is itself
        j++;
      }
      let prior = -1;
      for (; j < cps.length && cps[j] !== 93; j++) {
        const d = cps[j] ?? 0;
        const next = cps[j + 1];
        if (d === 45 && prior >= 0 && next !== undefined && next !== 93) {
          ranges.push([prior, next]);
          prior = -1;
          j++;
        } else {
          ranges.push([d, d]);
          prior = d;
        }
      }
      if (j >= cps.length) return undefined;
      piece.push({ ranges, negate });
      i = j;
    } else piece.push(c);
  }
  return pieces;
}

function globCharMatches(g: GlobChar, c: number): boolean {
  if (typeof g === 'number') return g === c;
  if ('any' in g) return true;
  return g.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== g.negate;
}

function globPieceAt(text: readonly number[], start: number, piece: readonly GlobChar[]): boolean {
  if (start < 0 || start + piece.length > text.length) return false;
  for (let j = 0; j < piece.length; j++) {
    const g = piece[j];
    if (g === undefined || !globCharMatches(g, text[start + j] ?? -1)) return false;
  }
  return true;
}

/**
 * Whether `text` matches the pieces, without backtracking: the first piece at the start, the last at
 * the end, and each middle one at its leftmost place after the one before (any later place leaves
 * less room for the rest), so at most pattern × text steps for any pattern.
 */
function globMatches(text: readonly number[], pieces: readonly (readonly GlobChar[])[]): boolean {
  const first = pieces[0] ?? [];
  const last = pieces[pieces.length - 1] ?? [];
  if (pieces.length === 1) return text.length === first.length && globPieceAt(text, 0, first);
  if (!globPieceAt(text, 0, first)) return false;
  const tail = text.length - last.length;
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? [];
    let start = pos;
    while (start + piece.length <= tail && !globPieceAt(text, start, piece)) start++;
    if (start + piece.length > tail) return false;
    pos = start + piece.length;
  }
  return tail >= pos && globPieceAt(text, tail, last);
}

/** Compiled GLOB patterns by text; a query uses a few, and a full cache just starts over. */
const GLOBS = new Map<string, (readonly GlobChar[])[] | undefined>();

/** SQLite `glob(pattern, x)`, which `x GLOB pattern` calls: NULL if either is NULL. */
export function glob(pattern: unknown, x: unknown): number | undefined {
  if (isNull(pattern) || isNull(x)) return undefined;
  const p = sqlText(pattern);
  if (!GLOBS.has(p)) {
    if (GLOBS.size >= 256) GLOBS.clear();
    GLOBS.set(p, compileGlob(p));
  }
  const pieces = GLOBS.get(p);
  if (!pieces) return 0;
  return globMatches(
    Array.from(sqlText(x), (ch) => ch.codePointAt(0) ?? 0),
    pieces,
  )
    ? 1
    : 0;
}

/** Internal names the engine's code generation calls for `/` and `%` (see harden.ts). */
export const DIVIDE_OPERATOR = '__stackql_divide';
export const REMAINDER_OPERATOR = '__stackql_remainder';

/**
 * Every function here and in dateFunctions.ts by the name alasql's generated code calls it by: the
 * checker canonicalises the reader's spelling to it (allowList.ts SQLITE_FUNCTIONS).
 */
export const SQLITE_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  length,
  trim,
  ltrim,
  rtrim,
  scalar_max: scalarMax,
  scalar_min: scalarMin,
  split_part: splitPart,
  json_object: jsonObject,
  json_array: jsonArray,
  typeof: typeOf,
  glob,
  [DIVIDE_OPERATOR]: divide,
  [REMAINDER_OPERATOR]: remainder,
  ...DATE_FUNCTIONS,
};
