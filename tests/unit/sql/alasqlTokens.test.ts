import alasql from 'alasql';
import { getResource } from '../../../src/resources/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { alasqlTokens, EMULATES_ALASQL } from '../../../src/sql/alasqlTokens';
import { CORPUS } from '../../fixtures/engine/corpus';

const orgVersions = getResource('github.packages.org_versions');

interface Lexer {
  setInput(text: string, yy: object): void;
  lex(): unknown;
  readonly match: string;
  readonly matched: string;
}

/** Token spans from alasql's own lexer: the reference the fast emulation must agree with. */
function referenceSpans(text: string): string[] {
  const proto = (alasql as unknown as { parser: { lexer: Lexer } }).parser.lexer;
  const lexer = Object.create(proto) as Lexer;
  lexer.setInput(text, {});
  const spans: string[] = [];
  for (;;) {
    const token = lexer.lex();
    if (token === 14 || token === 1 || token === 'EOF') break; // 14: alasql's EOF token
    const end = lexer.matched.length;
    spans.push(`${String(end - lexer.match.length)}-${String(end)}`);
    if (token === 'INVALID') break;
  }
  return spans;
}

const spans = (text: string) => [...alasqlTokens(text)].map((t) => `${String(t.start)}-${String(t.end)}`);

// Pieces where the StackQL tokenizer and alasql's lexer part ways, or where rule order matters.
const PIECES = [
  ...`abcNXARYDTBSEMILKOVCUW_019 \n\t'"\`[]()@{}\\-+*/.,;:!=<>#$?~^|&%é`.split(''),
  'ARRAY[',
  '@[',
  '[?]',
  'NOT BETWEEN',
  'NOT  LIKE',
  'VALUE OF SELECT',
  'DATABASES',
  'SCHEMA',
  'MAX (',
  'MIN(',
  'SELECT',
  'AND',
  'CASE',
  'END',
  '``',
  '--',
  "\\'",
  '\\"',
  "N'",
  'e5',
  '1.5',
  '.5',
  '::',
  '->',
  '!==',
];

describe('alasqlTokens', () => {
  it("reads alasql's lexer rules (not the fallback tokenizer)", () => {
    expect(EMULATES_ALASQL).toBe(true);
  });

  it("finds the same tokens as alasql's lexer in the examples and the corpus", () => {
    for (const sql of [...orgVersions.examples.map((e) => e.sql), ...CORPUS.map((c) => c.sql)]) {
      expect(spans(sql)).toEqual(referenceSpans(sql));
    }
  });

  it("finds the same tokens as alasql's lexer in any text", () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 60 })), (s) => {
        expect(spans(s)).toEqual(referenceSpans(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops after a token alasql cannot lex, as its parser does', () => {
    expect([...alasqlTokens("SELECT 'open (((")].map((t) => t.text)).toEqual(['SELECT', "'"]);
  });
});
