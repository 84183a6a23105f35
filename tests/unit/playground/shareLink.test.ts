import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';

import { looksLikeToken } from '../../../src/components/Playground/history/tokenPattern';
import { copyLinkNote, sharedLinkNote } from '../../../src/components/Playground/share/shareNotes';
import {
  buildShareLink as share,
  MAX_SHARED_SQL,
  readSharedSql as readShared,
  shareLink,
} from '../../../src/components/Playground/share/shareLink';

const PAGE = 'https://github-provider.stackql.io/playground';
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

/** The SQL a fragment carries. */
function readSharedSql(hash: string): string | undefined {
  return readShared(hash)?.sql;
}

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

const ALNUM36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TOKENS: [string, string][] = [
  ['classic PAT', `ghp_${ALNUM36}`],
  ['OAuth token', `gho_${ALNUM36}`],
  ['user-to-server token', `ghu_${ALNUM36}`],
  ['app installation token', `ghs_${ALNUM36}`],
  ['refresh token', `ghr_${ALNUM36}`],
  ['fine-grained PAT', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789'],
  ['40-hex legacy token', '0123456789abcdef0123456789abcdef01234567'],
];

describe('token-like text in shared SQL', () => {
  it.each(TOKENS)('is removed from a link made from SQL holding a %s, and counted', (_, token) => {
    const sql = `-- my token: ${token}\nSELECT id FROM github.packages.org_versions WHERE org = '${token}'`;
    const link = share(PAGE, sql);
    expect(link.removedTokens).toBe(2);
    const carried = readLink(link.url) ?? '';
    expect(carried).not.toContain(token);
    expect(looksLikeToken(carried)).toBe(false);
    expect(carried).toBe(
      `-- my token: [REDACTED]\nSELECT id FROM github.packages.org_versions WHERE org = '[REDACTED]'`,
    );
  });

  it('strips tokens from the plain URL form too', () => {
    expect(readLink(shareLink(PAGE, `SELECT '${TOKEN}'`))).toBe(`SELECT '[REDACTED]'`);
  });

  it('leaves SQL without tokens as it is, and says nothing was removed', () => {
    const sql = `SELECT 'ghp_short', '${'ab'.repeat(32)}'`;
    expect(share(PAGE, sql)).toEqual({ url: shareLink(PAGE, sql), removedTokens: 0 });
    expect(readShared(new URL(share(PAGE, sql).url).hash)).toEqual({ sql, removedTokens: 0 });
  });

  it.each(TOKENS)('is removed when a crafted link carrying a %s is opened, and counted', (_, token) => {
    const hash = `#sql=${compressToEncodedURIComponent(`SELECT '${token}' AS t`)}`;
    expect(readShared(hash)).toEqual({ sql: `SELECT '[REDACTED]' AS t`, removedTokens: 1 });
  });
});

describe('what the page says about it', () => {
  it('says a copied link holds the SQL only', () => {
    expect(copyLinkNote(true, { url: PAGE, removedTokens: 0 })).toBe(
      'Link copied: it holds the SQL only, never your token.',
    );
    expect(copyLinkNote(false, { url: PAGE, removedTokens: 0 })).toBe('Copy failed');
  });

  it('says when it removed token-like text from a copied link', () => {
    expect(copyLinkNote(true, { url: PAGE, removedTokens: 1 })).toBe(
      'Link copied. Removed a token-like string from the link (it reads [REDACTED] there); the link holds the SQL only, never your token.',
    );
    expect(copyLinkNote(true, { url: PAGE, removedTokens: 2 })).toMatch(
      /^Link copied\. Removed 2 token-like strings /,
    );
    expect(copyLinkNote(false, { url: PAGE, removedTokens: 1 })).toBe('Copy failed');
  });

  it('says a shared query has not run, and when token-like text was removed from it', () => {
    expect(sharedLinkNote({ sql: 'SELECT 1', removedTokens: 0 })).toBe(
      'Loaded a query from a shared link. Nothing has run: read it, then press Run query.',
    );
    expect(sharedLinkNote({ sql: 'SELECT 1', removedTokens: 1 })).toBe(
      'Loaded a query from a shared link. Removed a token-like string from it (it reads [REDACTED] now): never put a token in SQL you share. Nothing has run: read it, then press Run query.',
    );
  });

  it('never repeats the token in a note', () => {
    const sql = `SELECT 'ghp_${ALNUM36}'`;
    const link = share(PAGE, sql);
    const opened = readShared(new URL(link.url).hash);
    if (!opened) throw new Error('the link carries no SQL');
    for (const note of [copyLinkNote(true, link), sharedLinkNote(opened)])
      expect(looksLikeToken(note)).toBe(false);
  });
});
