import { describe, expect, it } from 'vitest';

import { DISTINCT_AGGREGATES, distinctRows, valueKey } from '../../../src/engine/distinct';

describe('DISTINCT as SQLite does it', () => {
  it('keys values by type and value', () => {
    expect(valueKey(1)).toBe(valueKey(1.0));
    expect(valueKey(1)).toBe(valueKey(true));
    expect(valueKey(1)).not.toBe(valueKey('1'));
    expect(valueKey(null)).toBe(valueKey(undefined));
    expect(valueKey(null)).not.toBe(valueKey(''));
    expect(valueKey(null)).not.toBe(valueKey('null'));
    expect(valueKey({ a: 1 })).not.toBe(valueKey({ a: 2 }));
    expect(valueKey('__proto__')).not.toBe(valueKey('constructor'));
  });

  it('keeps the first of each row, in order, with missing columns as NULL', () => {
    expect(
      distinctRows([
        { a: '__proto__', b: 'x' },
        { a: 'constructor', b: 'x' },
        { a: '__proto__', b: 'x' },
        { a: null, b: 'x' },
        { b: 'x' },
        { a: '', b: 'x' },
        { a: 'a`b', b: 'c' },
        { a: 'a', b: 'b`c' },
      ]),
    ).toEqual([
      { a: '__proto__', b: 'x' },
      { a: 'constructor', b: 'x' },
      { a: null, b: 'x' },
      { a: '', b: 'x' },
      { a: 'a`b', b: 'c' },
      { a: 'a', b: 'b`c' },
    ]);
  });

  it('reduces DISTINCT aggregates in alasql’s three stages, and over no rows', () => {
    const count = DISTINCT_AGGREGATES.STACKQL_COUNT_DISTINCT;
    const sum = DISTINCT_AGGREGATES.STACKQL_SUM_DISTINCT;
    if (!count || !sum) throw new Error('missing reducers');
    let acc = count('__proto__', undefined, 1);
    for (const v of ['constructor', '__proto__', null, 'toString']) acc = count(v, acc, 2);
    expect(count(undefined, acc, 3)).toBe(3);
    expect(count(undefined, undefined, 3)).toBe(0);
    expect(sum(undefined, undefined, 3)).toBeNull();
    let s = sum(2, undefined, 1);
    for (const v of [2, '3', 'x', null]) s = sum(v, s, 2);
    expect(sum(undefined, s, 3)).toBe(5);
  });
});
