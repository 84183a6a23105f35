import { describe, expect, it } from 'vitest';

import { sqliteMax, sqliteMin } from '../../../src/sql/aggregates';
import { jsonArrayLength, jsonExtract, jsonType } from '../../../src/sql/json';

/** Expected values were taken from SQLite 3.40.1 (`python3 -c "import sqlite3 …"`) for the same document. */
const DOC = {
  package_type: 'container',
  container: { tags: ['v1', 'latest'] },
  n: 1.5,
  b: true,
  f: false,
  z: null,
  s: 'x',
  o: { a: [1, { b: 2 }] },
  'k.d': 3,
};
const TEXT = JSON.stringify(DOC);

const EXTRACT: readonly [string, unknown][] = [
  ['$.container.tags', '["v1","latest"]'],
  ['$.container.tags[0]', 'v1'],
  ['$.container.tags[#-1]', 'latest'],
  ['$.container.tags[5]', null],
  ['$.container', '{"tags":["v1","latest"]}'],
  ['$.n', 1.5],
  ['$.b', 1],
  ['$.f', 0],
  ['$.z', null],
  ['$.s', 'x'],
  ['$.missing', null],
  ['$.o.a[1].b', 2],
  ['$."k.d"', 3],
  ['$', TEXT],
];

describe('json_extract, as SQLite', () => {
  it.each(EXTRACT)('%s over the parsed object and over JSON text', (path, expected) => {
    expect(jsonExtract(DOC, path)).toEqual(expected);
    expect(jsonExtract(TEXT, path)).toEqual(expected);
  });

  it('returns a JSON array of values for several paths', () => {
    expect(jsonExtract(DOC, '$.container.tags', '$.n', '$.missing')).toBe('[["v1","latest"],1.5,null]');
  });

  it('is NULL for a NULL document, and reads JSON scalars and arrays given as text', () => {
    expect(jsonExtract(null, '$.a')).toBeNull();
    expect(jsonExtract('[1,2]', '$[1]')).toBe(2);
    expect(jsonExtract('"abc"', '$')).toBe('abc');
  });

  it('throws SQLite-like errors for a bad path or malformed JSON', () => {
    expect(() => jsonExtract('{}', 'a')).toThrow(/JSON path error near 'a'/);
    expect(() => jsonExtract('{x', '$.a')).toThrow(/malformed JSON/);
  });

  it('does not read inherited properties', () => {
    expect(jsonExtract(DOC, '$.constructor')).toBeNull();
    expect(jsonExtract(DOC, '$.__proto__')).toBeNull();
  });
});

describe('json_array_length and json_type, as SQLite', () => {
  it('counts arrays, 0 for other values, NULL when missing', () => {
    expect(jsonArrayLength(DOC)).toBe(0);
    expect(jsonArrayLength(DOC, '$.container.tags')).toBe(2);
    expect(jsonArrayLength(DOC, '$.missing')).toBeNull();
    expect(jsonArrayLength(DOC, '$.s')).toBe(0);
    expect(jsonArrayLength(null)).toBeNull();
    expect(jsonArrayLength('[1,2,3]')).toBe(3);
  });

  it('names JSON types as SQLite does', () => {
    expect(jsonType(DOC, '$.n')).toBe('real');
    expect(jsonType(DOC, '$.o.a[1].b')).toBe('integer');
    expect(jsonType(DOC, '$.b')).toBe('true');
    expect(jsonType(DOC, '$.z')).toBe('null');
    expect(jsonType(DOC, '$.missing')).toBeNull();
    expect(jsonType(DOC, '$.o')).toBe('object');
    expect(jsonType(DOC, '$.container.tags')).toBe('array');
  });
});

describe('MIN and MAX reducers, as SQLite', () => {
  const fold = (f: typeof sqliteMax, values: unknown[]): unknown => {
    let acc = f(values[0], undefined, 1);
    for (const v of values.slice(1)) acc = f(v, acc, 2);
    return f(undefined, acc, 3);
  };
  it('compare text, skip NULL, and put numbers before text', () => {
    expect(fold(sqliteMax, ['2024-01-01', null, '2024-04-20', '2024-02-01'])).toBe('2024-04-20');
    expect(fold(sqliteMin, [null, '2024-01-05', '2024-01-01'])).toBe('2024-01-01');
    expect(fold(sqliteMax, [3, 'a', 10])).toBe('a');
    expect(fold(sqliteMin, [3, 'a', 10])).toBe(3);
    expect(fold(sqliteMax, [null, null])).toBeNull();
  });
});
