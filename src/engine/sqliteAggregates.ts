/**
 * SQLite's aggregates where alasql has none or differs, as alasql reducers: called with the
 * aggregate's arguments, then the group's state, then the stage (1 starts a group with its first
 * row, 2 adds a row, 3 finishes). The checker turns the reader's call into one of these by name
 * (allowList.ts SQLITE_AGGREGATES). What they build is charged to the run's text budget.
 *
 * NULL is `undefined` or `null` here.
 */
import { sqlText } from '../sql/text';
import { chargeText } from './budget';
import { compareSqlValues } from '../sql/aggregates';
import { isBuiltJson } from './jsonBuild';
import { sqliteNumber } from './sqliteFunctions';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

type Reducer = (...args: unknown[]) => unknown;

/** A reducer from a fold over each row's arguments: `step(state, args)` and `finish(state)`. */
function reducer<S>(
  start: () => S,
  step: (state: S, args: readonly unknown[]) => void,
  finish: (state: S) => unknown,
): Reducer {
  return (...all: unknown[]): unknown => {
    const stage = all[all.length - 1];
    const args = all.slice(0, -2);
    if (stage === 3) return finish((all[all.length - 2] as S | undefined) ?? start());
    const state = stage === 1 ? start() : ((all[all.length - 2] as S | undefined) ?? start());
    step(state, args);
    return state;
  };
}

/** SQLite's `SUM(x)`: NULL over no non-NULL value, text by its numeric prefix. */
export const sqliteSum = reducer(
  () => ({ sum: 0, any: false }),
  (s, [v]) => {
    if (isNull(v)) return;
    s.sum += sqliteNumber(v);
    s.any = true;
  },
  (s) => (s.any ? s.sum : null),
);

interface Text {
  text: string;
  any: boolean;
}

/**
 * SQLite's `group_concat(x[, sep])`: the non-NULL values as text, each after the separator given on
 * its row (',' by default, '' for NULL); NULL when there is none.
 */
export const groupConcat = reducer<Text>(
  () => ({ text: '', any: false }),
  (s, args) => {
    const [v] = args;
    if (isNull(v)) return;
    const sep = args.length > 1 ? (isNull(args[1]) ? '' : sqlText(args[1])) : ',';
    const piece = (s.any ? sep : '') + sqlText(v);
    chargeText(s.text.length + piece.length);
    s.text += piece;
    s.any = true;
  },
  (s) => (s.any ? s.text : null),
);

/**
 * A value as SQLite writes it into JSON: numbers as numbers, NULL as null, booleans as 1/0, text as a
 * JSON string; a JSON column (an object here, text in SQLite) as the string of its text.
 */
export function jsonValue(v: unknown): string {
  if (isNull(v)) return 'null';
  // What json_object/json_array built nests as JSON, as SQLite's JSON subtype does.
  if (isBuiltJson(v)) return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? '1' : '0';
  return JSON.stringify(sqlText(v));
}

/** SQLite's `json_group_array(x)`: every value of the group, NULLs included, as a JSON array. */
export const jsonGroupArray = reducer<string[]>(
  () => [],
  (s, [v]) => {
    const piece = jsonValue(v);
    chargeText(piece.length + s.length);
    s.push(piece);
  },
  (s) => `[${s.join(',')}]`,
);

/** SQLite's `json_group_object(name, value)`: a JSON object of the group's name/value pairs. */
export const jsonGroupObject = reducer<string[]>(
  () => [],
  (s, [name, v]) => {
    if (isNull(name)) return;
    const piece = `${JSON.stringify(sqlText(name))}:${jsonValue(v)}`;
    chargeText(piece.length + s.length);
    s.push(piece);
  },
  (s) => `{${s.join(',')}}`,
);

/** A value of the group (its first row's), for SQLite's bare columns (check.ts `bareColumns`). */
export const anyValue: Reducer = (...all: unknown[]) => {
  const stage = all[all.length - 1];
  return stage === 1 ? all[0] : all[all.length - 2];
};

/**
 * The value on the row where `key` is smallest (`sign` -1) or largest (+1), NULL keys skipped: SQLite
 * takes a bare column from that row when the query has a single MIN or MAX.
 */
function valueAtExtreme(sign: 1 | -1): Reducer {
  return reducer<{ value: unknown; key: unknown }>(
    () => ({ value: null, key: null }),
    (s, [value, key]) => {
      if (isNull(key)) {
        if (isNull(s.key) && s.value === null) s.value = value ?? null;
        return;
      }
      if (isNull(s.key) || compareSqlValues(key, s.key) * sign > 0) {
        s.key = key;
        s.value = value ?? null;
      }
    },
    (s) => s.value,
  );
}

/** The aggregates above by the name the checker gives them (allowList.ts SQLITE_AGGREGATES). */
export const SQLITE_AGGREGATES: Readonly<Record<string, Reducer>> = {
  STACKQL_ANY: anyValue,
  STACKQL_AT_MIN: valueAtExtreme(-1),
  STACKQL_AT_MAX: valueAtExtreme(1),
  SUM: sqliteSum,
  STACKQL_GROUP_CONCAT: groupConcat,
  STACKQL_JSON_GROUP_ARRAY: jsonGroupArray,
  STACKQL_JSON_GROUP_OBJECT: jsonGroupObject,
};
