import type { ResultRow } from '../sql/types';
import { sqliteNumber } from './sqliteFunctions';

/**
 * DISTINCT as SQLite does it, for the engine to use instead of alasql's. alasql keys distinct rows
 * and `COUNT(DISTINCT x)` values by their text in a plain object: a value `__proto__` replaced that
 * object's prototype, `constructor` and `toString` counted as already seen, NULL equalled '' and the
 * number 1 the text '1'. Here values are keyed by type and value in a Map or Set.
 */

/**
 * A key equal for two values exactly when SQLite's DISTINCT takes them as equal: NULLs equal each
 * other, numbers by value (TRUE is 1), text by its characters, JSON values by their JSON text.
 */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'z';
  switch (typeof v) {
    case 'number':
      return Number.isNaN(v) ? 'z' : `n${String(v)}`;
    case 'bigint':
      return `n${String(v)}`;
    case 'boolean':
      return v ? 'n1' : 'n0';
    case 'string':
      return `s${v}`;
    default:
      return v instanceof Date ? `d${String(v.getTime())}` : `j${JSON.stringify(v)}`;
  }
}

/** The rows with later duplicates removed, in order; columns a row lacks count as NULL. */
export function distinctRows(rows: readonly ResultRow[]): ResultRow[] {
  const names = new Set<string>();
  for (const row of rows) for (const k in row) names.add(k);
  const columns = [...names];
  const seen = new Set<string>();
  return rows.filter((row) => {
    // Each column's key prefixed by its length, so no two rows' keys run together the same way.
    let key = '';
    for (const c of columns) {
      const k = valueKey(row[c]);
      key += columns.length === 1 ? k : `${String(k.length)}:${k}`;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The values (or tuples of values) seen after some values: by kind of the next value, the level after
 * it. Text is keyed by itself, numbers by value (TRUE and FALSE as 1 and 0, a BigInt as the number of
 * the same text) under SameValueZero, whose equality is `String`'s (0 and -0 alike), NULL (null,
 * undefined, NaN) is one, and anything else is keyed by its `valueKey` (a JSON object by its JSON
 * text): `valueKey`'s equality, without building a key for the common values.
 */
interface Level {
  text?: Map<string, Level>;
  number?: Map<number, Level>;
  null?: Level;
  other?: Map<string, Level>;
}

const isNull = (v: unknown): boolean => v === null || v === undefined || Number.isNaN(v);

/** The number a value is keyed by, if it is keyed as a number. */
function numberKey(value: unknown): number | undefined {
  switch (typeof value) {
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'bigint': {
      // valueKey gives `n<text>`: the same key as a number exactly when the number has that text.
      const n = Number(value);
      return String(n) === String(value) ? n : undefined;
    }
    default:
      return undefined;
  }
}

/** The level after `value`, if it was seen. */
function find(level: Level, value: unknown): Level | undefined {
  if (typeof value === 'string') return level.text?.get(value);
  if (isNull(value)) return level.null;
  const n = numberKey(value);
  if (n !== undefined) return level.number?.get(n);
  return level.other?.get(valueKey(value));
}

/** Records `value` after `level` (not seen yet), and gives the level after it. */
function add(level: Level, value: unknown): Level {
  const next: Level = {};
  if (typeof value === 'string') (level.text ??= new Map()).set(value, next);
  else if (isNull(value)) level.null = next;
  else {
    const n = numberKey(value);
    if (n !== undefined) (level.number ??= new Map()).set(n, next);
    else (level.other ??= new Map()).set(valueKey(value), next);
  }
  return next;
}

/** The values seen, by `valueKey`'s equality (`distinctRows`'s over one column). */
export class DistinctValues {
  private root: Level = {};

  /** Forgets every value. */
  reset(): void {
    this.root = {};
  }

  /** Whether `value` is new; it is seen from now on. */
  isNew(value: unknown): boolean {
    if (find(this.root, value)) return false;
    add(this.root, value);
    return true;
  }
}

/**
 * The tuples of values seen, by `distinctRows`'s equality of a row of them (each value by
 * `valueKey`): a tree of them, a level per value.
 */
export class DistinctTuples {
  private root: Level = {};

  /** Forgets every tuple. */
  reset(): void {
    this.root = {};
  }

  /** Whether the tuple is new; it is seen from now on. */
  isNew(values: readonly unknown[]): boolean {
    let level = this.root;
    let fresh = false;
    for (const v of values) {
      let next = fresh ? undefined : find(level, v);
      if (!next) {
        next = add(level, v);
        fresh = true;
      }
      level = next;
    }
    return fresh;
  }
}

interface Distinct {
  readonly seen: Set<string>;
  readonly values: unknown[];
}

/**
 * An alasql reducer (stage 1 starts a group, 2 adds a value, 3 finishes) over the distinct non-NULL
 * values of a group; `finish` gets them in order of first appearance.
 */
function distinctReducer(finish: (values: readonly unknown[]) => unknown) {
  const add = (acc: Distinct, v: unknown): Distinct => {
    if (v === null || v === undefined) return acc;
    const key = valueKey(v);
    if (!acc.seen.has(key)) {
      acc.seen.add(key);
      acc.values.push(v);
    }
    return acc;
  };
  return (value: unknown, acc: unknown, stage: number): unknown => {
    if (stage === 1) return add({ seen: new Set(), values: [] }, value);
    const state = acc as Distinct | undefined;
    if (stage === 3) return finish(state?.values ?? []);
    return state ? add(state, value) : add({ seen: new Set(), values: [] }, value);
  };
}

const sum = (values: readonly unknown[]) => values.reduce<number>((n, v) => n + sqliteNumber(v), 0);

/** Reducers for the DISTINCT aggregates, by the name the engine gives them (see rewrite.ts). */
export const DISTINCT_AGGREGATES: Readonly<
  Record<string, (value: unknown, acc: unknown, stage: number) => unknown>
> = {
  STACKQL_COUNT_DISTINCT: distinctReducer((values) => values.length),
  STACKQL_SUM_DISTINCT: distinctReducer((values) => (values.length === 0 ? null : sum(values))),
  STACKQL_TOTAL_DISTINCT: distinctReducer(sum),
  STACKQL_AVG_DISTINCT: distinctReducer((values) =>
    values.length === 0 ? null : sum(values) / values.length,
  ),
};
