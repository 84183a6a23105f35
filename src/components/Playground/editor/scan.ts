/**
 * A forgiving lexer for the editor. The planner's tokenizer (`src/sql/tokenize.ts`) refuses an
 * unterminated string, but while someone types, the text is unfinished most of the time: here an
 * open string or quoted name runs to the end of the text and is marked `open`, so completions still
 * know where the cursor is. Comments are skipped. One pass, no regular expression over the whole text.
 */

import { scanQuoted } from '@site/src/sql/tokenize';

export type ScanKind = 'word' | 'quoted' | 'string' | 'number' | 'variable' | 'punct';

/** A token with its place in the text; `value` is unquoted for strings and quoted names. */
export interface ScanToken {
  readonly kind: ScanKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** A string or quoted name with no closing quote yet (it runs to the end of the text). */
  readonly open?: boolean;
}

const isWordStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const CLOSERS: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

/** The tokens of `text`, whatever state it is in. Never throws. */
export function scan(text: string): ScanToken[] {
  const tokens: ScanToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c in CLOSERS) {
      const closer = CLOSERS[c] ?? c;
      const end = scanQuoted(text, i, closer);
      const open = end === -1;
      const stop = open ? text.length : end;
      const inner = text.slice(i + 1, open ? stop : stop - 1).replaceAll(closer + closer, closer);
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', value: inner, start: i, end: stop, open });
      i = stop;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < text.length && (isDigit(text.charAt(j)) || text.charAt(j) === '.')) j++;
      tokens.push({ kind: 'number', value: text.slice(i, j), start: i, end: j });
      i = j;
    } else if (c === '@' || isWordStart(c)) {
      let j = i + 1;
      while (j < text.length && isWordPart(text.charAt(j))) j++;
      const kind = c === '@' ? 'variable' : 'word';
      tokens.push({ kind, value: text.slice(c === '@' ? i + 1 : i, j), start: i, end: j });
      i = j;
    } else {
      tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** Whether a token is the keyword `word` (upper case, compared in any case). */
export function isWord(token: ScanToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.value.toUpperCase() === word;
}

/**
 * The tokens of the statement around `offset`: statements end at `;`, and a cursor just after a `;`
 * is in the next one.
 */
export function statementAround(tokens: readonly ScanToken[], offset: number): readonly ScanToken[] {
  let from = 0;
  let to = tokens.length;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t?.kind !== 'punct' || t.value !== ';') continue;
    if (t.end <= offset) from = k + 1;
    else {
      to = k;
      break;
    }
  }
  return tokens.slice(from, to);
}
