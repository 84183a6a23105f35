import { describe, expect, it } from 'vitest';

import { sqlLike } from '../../../src/sql/like';

describe("SQLite's LIKE", () => {
  it.each([
    ['abc', 'abc', true],
    ['ABC', 'abc', true],
    ['a%', 'abc', true],
    ['%c', 'abc', true],
    ['%b%', 'abc', true],
    ['a_c', 'abc', true],
    ['a_c', 'ac', false],
    ['%', '', true],
    ['', '', true],
    ['', 'a', false],
    ['_', '👍', true],
    ['__', '👍', false],
    ['a%b%c', 'aXbYc', true],
    ['a%b%c', 'aXcYb', false],
    ['%ab%ab', 'xabab', true],
    ['[a]', '[a]', true],
    ['[a]', 'a', false],
    ['a.c', 'abc', false],
    ['(a|b)*', '(a|b)*', true],
    ['\\d', '\\d', true],
    ['^a$', '^a$', true],
    ['é', 'É', false],
    ['__proto__', '__proto__', true],
    ['constructor', 'constructor', true],
    ['toString', 'TOSTRING', true],
    ['1%', 101, true],
    ['%tags%', { tags: ['v1'] }, true],
  ] as const)('%j LIKE %j is %j', (pattern, value, expected) => {
    expect(sqlLike(pattern, value)).toBe(expected);
  });

  it('takes at most pattern × value steps: no pattern backtracks for long', () => {
    const started = performance.now();
    expect(sqlLike('%a%a%a%a%a%a%a%a%a%a%b', 'a'.repeat(20_000))).toBe(false);
    expect(sqlLike('%_%_%_%_%_%_%_%_%_%_%b', 'a'.repeat(20_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
