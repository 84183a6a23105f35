import { describe, expect, it } from 'vitest';

import {
  addToHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  readHistory,
} from '../../../src/components/Playground/history/queryHistory';
import { looksLikeToken } from '../../../src/components/Playground/history/tokenPattern';
import { createMemoryStorage } from './memoryStorage';

const ALNUM36 = 'abcdefghijklmnopqrstuvwxyzABCDEF012345';

describe('query history', () => {
  it('starts empty', () => {
    expect(readHistory(createMemoryStorage())).toEqual([]);
  });

  it('keeps queries newest first, trimmed, and stores them under its key', () => {
    const storage = createMemoryStorage();
    addToHistory(storage, 'SELECT 1');
    const list = addToHistory(storage, '  SELECT 2\n');
    expect(list).toEqual(['SELECT 2', 'SELECT 1']);
    expect(readHistory(storage)).toEqual(list);
    expect(JSON.parse(storage.getItem(HISTORY_KEY) ?? 'null')).toEqual(list);
  });

  it('moves a repeated query to the top instead of keeping it twice', () => {
    const storage = createMemoryStorage();
    for (const q of ['SELECT 1', 'SELECT 2', 'SELECT 3', ' SELECT 1 ']) addToHistory(storage, q);
    expect(readHistory(storage)).toEqual(['SELECT 1', 'SELECT 3', 'SELECT 2']);
  });

  it(`keeps only the last ${HISTORY_LIMIT}`, () => {
    expect(HISTORY_LIMIT).toBe(50);
    const storage = createMemoryStorage();
    for (let i = 1; i <= 60; i++) addToHistory(storage, `SELECT ${i}`);
    const list = readHistory(storage);
    expect(list).toHaveLength(50);
    expect(list[0]).toBe('SELECT 60');
    expect(list.at(-1)).toBe('SELECT 11');
    expect(JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]')).toHaveLength(50);
  });

  it('reads at most the limit even when storage holds more', () => {
    const many = Array.from({ length: 80 }, (_, i) => `SELECT ${i}`);
    const storage = createMemoryStorage({ [HISTORY_KEY]: JSON.stringify(many) });
    expect(readHistory(storage)).toEqual(many.slice(0, 50));
  });

  it('ignores empty and blank queries', () => {
    const storage = createMemoryStorage();
    expect(addToHistory(storage, '   \n')).toEqual([]);
    expect(storage.writes).toEqual([]);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON but not an array', '{"a":1}'],
    ['null', 'null'],
    ['a number', '42'],
  ])('treats corrupt storage (%s) as empty and recovers on the next add', (_, raw) => {
    const storage = createMemoryStorage({ [HISTORY_KEY]: raw });
    expect(readHistory(storage)).toEqual([]);
    expect(addToHistory(storage, 'SELECT 1')).toEqual(['SELECT 1']);
    expect(readHistory(storage)).toEqual(['SELECT 1']);
  });

  it('drops entries of a stored array that are not strings', () => {
    const storage = createMemoryStorage({
      [HISTORY_KEY]: JSON.stringify(['SELECT 1', 2, null, { q: 1 }, 'SELECT 3']),
    });
    expect(readHistory(storage)).toEqual(['SELECT 1', 'SELECT 3']);
  });

  it.each([
    ['classic PAT', `SELECT 'ghp_${ALNUM36}'`],
    ['OAuth token', `-- gho_${ALNUM36}\nSELECT 1`],
    ['app installation token', `SELECT * FROM t WHERE a = 'ghs_${ALNUM36}'`],
    ['user-to-server token', `SELECT 'ghu_${ALNUM36}'`],
    ['refresh token', `SELECT 'ghr_${ALNUM36}'`],
    ['fine-grained PAT', `SELECT 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789'`],
    ['40-hex legacy token', `SELECT '0123456789abcdef0123456789abcdef01234567'`],
    ['token glued to a word', `SELECT 'mytoken=xghp_${ALNUM36}'`],
    ['token followed by an underscore', `SELECT 'ghp_${ALNUM36}_old'`],
  ])('never stores a query holding a %s', (_, sql) => {
    expect(looksLikeToken(sql)).toBe(true);
    const storage = createMemoryStorage();
    addToHistory(storage, 'SELECT 1');
    expect(addToHistory(storage, sql)).toEqual(['SELECT 1']);
    expect(readHistory(storage)).toEqual(['SELECT 1']);
    expect(storage.writes.map(([, v]) => v).join('')).not.toContain(sql.slice(10, 30));
  });

  it.each([
    ['a normal query', `SELECT id, name FROM github.packages.org_versions WHERE org = 'acme'`],
    ['a short ghp_ word', `SELECT 'ghp_short'`],
    ['39 hex digits', `SELECT '0123456789abcdef0123456789abcdef0123456'`],
    ['a 64-hex digest', `SELECT '${'ab'.repeat(32)}'`],
  ])('keeps %s', (_, sql) => {
    expect(looksLikeToken(sql)).toBe(false);
    expect(addToHistory(createMemoryStorage(), sql)).toEqual([sql]);
  });

  it('does not throw when storage is full or blocked, and still returns the new list', () => {
    const storage = createMemoryStorage({ [HISTORY_KEY]: JSON.stringify(['SELECT 1']) });
    storage.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(() => addToHistory(storage, 'SELECT 2')).not.toThrow();
    expect(addToHistory(storage, 'SELECT 3')).toEqual(['SELECT 3', 'SELECT 1']);
    expect(readHistory(storage)).toEqual(['SELECT 1']);
  });

  it('does not throw when reading storage throws (storage disabled)', () => {
    const storage = createMemoryStorage();
    storage.getItem = () => {
      throw new DOMException('Access is denied', 'SecurityError');
    };
    expect(readHistory(storage)).toEqual([]);
    expect(() => addToHistory(storage, 'SELECT 1')).not.toThrow();
  });
});
