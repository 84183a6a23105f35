import { fail, ok, sqlError, type Result } from './errors';

/**
 * A small SQL tokenizer for the StackQL layer. It only needs to know enough to find statement
 * boundaries, the three-part resource name, EXEC's `@name=value` list and the SHOW/DESCRIBE forms;
 * the expression grammar is alasql's. Comments are returned separately so the caller can blank them
 * out without moving any other character (error positions then map 1:1 onto the reader's text).
 */

export type TokenKind =
  | 'word' // identifier or keyword
  | 'quoted' // "ident", `ident` or [ident]
  | 'string' // 'text' ('' escapes a quote)
  | 'number'
  | 'variable' // @name, $name, :name
  | 'js' // ``javascript`` (alasql's inline JavaScript)
  | 'punct'; // everything else, one operator per token

/** A token with its place in the text; `value` is unquoted for strings and quoted identifiers. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** The tokens of a text and the spans of its comments. */
export interface Tokens {
  readonly tokens: readonly Token[];
  readonly comments: readonly { start: number; end: number }[];
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const TWO_CHAR_OPS = new Set(['->', '<=', '>=', '<>', '!=', '||', '==', '!!']);
const CLOSERS: Readonly<Record<string, string>> = { '"': '"', '`': '`', '[': ']' };

/** Splits `text` into tokens, or fails on an unterminated string, identifier or comment. */
export function tokenize(text: string): Result<Tokens> {
  const tokens: Token[] = [];
  const comments: { start: number; end: number }[] = [];
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    const raw = text.slice(start, end);
    tokens.push({ kind, text: raw, value: value ?? raw, start, end });
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? text.length : nl;
      comments.push({ start: i, end });
      i = end;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) return unterminated(text, i, 'comment', '*/');
      comments.push({ start: i, end: close + 2 });
      i = close + 2;
    } else if (c === '`' && next === '`') {
      const close = text.indexOf('``', i + 2);
      if (close === -1) return unterminated(text, i, 'JavaScript block', '``');
      push('js', i, close + 2, text.slice(i + 2, close));
      i = close + 2;
    } else if (c === "'") {
      const end = scanQuoted(text, i, "'");
      if (end === -1) return unterminated(text, i, 'string', "'");
      push('string', i, end, text.slice(i + 1, end - 1).replaceAll("''", "'"));
      i = end;
    } else if (c === '"' || c === '`' || c === '[') {
      const closer = CLOSERS[c] ?? c;
      const end = scanQuoted(text, i, closer);
      if (end === -1) return unterminated(text, i, 'quoted name', closer);
      push('quoted', i, end, text.slice(i + 1, end - 1).replaceAll(closer + closer, closer));
      i = end;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      const len = m?.[0].length ?? 1;
      push('number', i, i + len);
      i += len;
    } else if ((c === '@' || c === '$' || c === ':') && WORD_START.test(next)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text.charAt(j))) j++;
      push('variable', i, j, text.slice(i + 1, j));
      i = j;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text.charAt(j))) j++;
      push('word', i, j);
      i = j;
    } else {
      const len = TWO_CHAR_OPS.has(c + next) ? 2 : 1;
      push('punct', i, i + len);
      i += len;
    }
  }
  return ok({ tokens, comments });
}

/** The offset just past the closing quote (a doubled quote escapes itself), or -1. */
export function scanQuoted(text: string, start: number, closer: string): number {
  let j = start + 1;
  while (j < text.length) {
    if (text.charAt(j) === closer) {
      if (closer !== ']' && text.charAt(j + 1) === closer) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return -1;
}

function unterminated(text: string, start: number, what: string, closer: string): Result<Tokens> {
  return fail(
    sqlError('syntax', `Unterminated ${what}: add the closing ${closer}.`, text, { start, end: text.length }),
  );
}

/** Whether a token is the keyword `word` (any case). */
export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toUpperCase() === word;
}
