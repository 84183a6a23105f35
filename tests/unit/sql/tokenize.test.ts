import { describe, expect, it } from 'vitest';

import { splitStatement } from '../../../src/sql/statement';
import { tokenize } from '../../../src/sql/tokenize';

describe('tokenize', () => {
  it('reads strings with doubled quotes, quoted names and comments', () => {
    const r = tokenize(`SELECT 'it''s', "a b", \`c\`, [d] -- note\n/* x; y */ ;`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tokens.map((t) => [t.kind, t.value])).toEqual([
      ['word', 'SELECT'],
      ['string', "it's"],
      ['punct', ','],
      ['quoted', 'a b'],
      ['punct', ','],
      ['quoted', 'c'],
      ['punct', ','],
      ['quoted', 'd'],
      ['punct', ';'],
    ]);
    expect(r.value.comments).toHaveLength(2);
  });

  it('keeps a semicolon inside a string or comment out of the statement split', () => {
    const r = splitStatement(`SELECT ';' /* ; */ -- ;\n;`);
    expect(r.ok).toBe(true);
  });

  it('reads ``JavaScript`` as one token, @names as variables, and -> as one operator', () => {
    const r = tokenize('``alert(1)`` @org a->b');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tokens.map((t) => [t.kind, t.value])).toEqual([
      ['js', 'alert(1)'],
      ['variable', 'org'],
      ['word', 'a'],
      ['punct', '->'],
      ['word', 'b'],
    ]);
  });

  it.each([
    [`SELECT 'abc`, /Unterminated string/],
    [`SELECT "abc`, /Unterminated quoted name/],
    [`SELECT /* abc`, /Unterminated comment/],
    ['SELECT ``abc', /Unterminated JavaScript/],
  ])('reports %s as unterminated, at its start', (sql, message) => {
    const r = tokenize(sql);
    if (r.ok) throw new Error('expected an error');
    expect(r.error.message).toMatch(message);
    expect(r.error).toMatchObject({ code: 'syntax', line: 1, column: 8 });
  });

  it('blanks comments and the trailing semicolon without moving other characters', () => {
    const sql = 'SELECT 1 -- one\n/* two */ + 2;';
    const r = splitStatement(sql);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.blanked).toHaveLength(sql.length);
    expect(r.value.blanked).toBe('SELECT 1       \n          + 2 ');
  });
});
