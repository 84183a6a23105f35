import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';

import { MAX_SHARED_SQL, readSharedSql, shareLink } from '../../../src/components/Playground/share/shareLink';

const PAGE = 'https://github-provider.stackql.io/playground';
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

/** The SQL a full link carries, read the way the page reads it: from `location.hash` only. */
function readLink(link: string): string | undefined {
  return readSharedSql(new URL(link).hash);
}

describe('shareLink', () => {
  it.each([
    ['plain', `SELECT id, name FROM github.packages.org_versions WHERE org = 'acme'`],
    ['quotes', `SELECT 'it''s' AS a, "col" FROM t WHERE x = "y"`],
    ['newlines and tabs', 'SELECT id\n  FROM t\r\n\tWHERE a = 1;\n-- comment'],
    ['unicode', `SELECT 'Zürich — 東京 🚀' AS city, 'עברית\u202e' AS rtl`],
    ['URL-special characters', `SELECT '#&=?%+ /\\' AS s, 'a+b' AS plus`],
  ])('round-trips SQL with %s', (_, sql) => {
    const link = shareLink(PAGE, sql);
    expect(readLink(link)).toBe(sql);
  });

  it('round-trips SQL whose packed form contains "+" (URLSearchParams reads it as a space)', () => {
    // Find a query whose packed form holds '+', so the '+' → ' ' repair is exercised.
    const sql = Array.from({ length: 2000 }, (_, i) => `SELECT '${(i * 7919).toString(36)}~${i}' AS v`).find(
      (s) => compressToEncodedURIComponent(s).includes('+'),
    );
    expect(sql).toBeDefined();
    expect(readLink(shareLink(PAGE, sql ?? ''))).toBe(sql);
  });

  it('puts only `sql=` in the fragment and nothing in the query string', () => {
    const link = new URL(
      shareLink(`${PAGE}?token=${TOKEN}&apiBaseUrl=https://evil.example#token=x`, 'SELECT 1'),
    );
    expect(link.search).toBe('');
    expect(link.hash).toMatch(/^#sql=[A-Za-z0-9+\-$]+$/);
    expect([...new URLSearchParams(link.hash.slice(1)).keys()]).toEqual(['sql']);
    expect(link.href).not.toContain(TOKEN);
    expect(link.href).not.toContain('evil.example');
    expect(`${link.origin}${link.pathname}`).toBe(PAGE);
  });

  it('reads only the SQL of a link that also carries a token or base URL in the fragment', () => {
    const packed = compressToEncodedURIComponent('SELECT 1');
    const hash = `#token=${TOKEN}&apiBaseUrl=https%3A%2F%2Fevil.example&sql=${packed}&run=1`;
    expect(readSharedSql(hash)).toBe('SELECT 1');
  });

  it('ignores a token and base URL in the query string of a link', () => {
    const packed = compressToEncodedURIComponent('SELECT 2');
    const link = `${PAGE}?token=${TOKEN}&apiBaseUrl=https://evil.example&sql=${compressToEncodedURIComponent('SELECT 666')}#sql=${packed}`;
    expect(readLink(link)).toBe('SELECT 2');
  });

  it('reads nothing from a link whose only SQL is in the query string', () => {
    const link = `${PAGE}?sql=${compressToEncodedURIComponent('SELECT 1')}#token=${TOKEN}`;
    expect(readLink(link)).toBeUndefined();
  });

  it('accepts the fragment with or without its leading #', () => {
    const packed = compressToEncodedURIComponent('SELECT 3');
    expect(readSharedSql(`#sql=${packed}`)).toBe('SELECT 3');
    expect(readSharedSql(`sql=${packed}`)).toBe('SELECT 3');
  });

  it.each([
    ['empty', ''],
    ['a bare #', '#'],
    ['no sql key', '#q=abc'],
    ['an empty sql', '#sql='],
    ['garbage lz-string decoding to nothing', '#sql=abc'],
    ['garbage that makes lz-string throw', '#sql=zzzzzzzz'],
    ['garbage that lz-string decodes to null', '#sql=hello%20world'],
    ['percent garbage', '#sql=%E0%A4%A'],
  ])('gives undefined for %s', (_, hash) => {
    expect(readSharedSql(hash)).toBeUndefined();
  });

  it('refuses SQL longer than the limit, and accepts SQL at the limit', () => {
    const at = `SELECT '${'x'.repeat(MAX_SHARED_SQL - 9)}'`;
    expect(at).toHaveLength(MAX_SHARED_SQL);
    expect(readLink(shareLink(PAGE, at))).toBe(at);
    expect(readLink(shareLink(PAGE, `${at} `))).toBeUndefined();
  });

  it('refuses a packed fragment longer than the limit before decompressing it', () => {
    // LZ output grows quadratically with its input: ~11 KB of packed text is 16 MB of SQL, and 80 KB
    // would hang the tab. A fragment longer than any real shared query is refused without decoding.
    let seed = 42;
    let noisy = '';
    while (noisy.length < MAX_SHARED_SQL - 100) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      noisy += String.fromCharCode(33 + (seed % 94));
    }
    const packed = compressToEncodedURIComponent(noisy);
    expect(noisy.length).toBeLessThan(MAX_SHARED_SQL);
    expect(packed.length).toBeGreaterThan(MAX_SHARED_SQL);
    expect(readSharedSql(`#sql=${packed}`)).toBeUndefined();
  });
});
