import { alasqlTokens, type LexToken } from './alasqlTokens';
import { position, sqlError, type Span, type SqlError } from './errors';
import { NestingScan } from './nesting';

/**
 * Size and nesting limits, checked before alasql parses a query. The planner runs on the page's main
 * thread, on Run and while typing, and a short share link can carry a huge query (lz-string packs
 * repetition): unchecked, `SELECT ((((…1…))))` a few thousand levels deep blocked the page for
 * seconds, and deep trees overflowed the stack in alasql's parser and in our own tree walks. Each
 * limit is far above what a real query needs; each says which limit, and where it was passed.
 */

/**
 * Characters in the editor's text, comments included. The documented examples are under 300
 * characters and hand-written queries stay under a few thousand; 20,000 still takes a pasted IN list
 * of a thousand nine-digit version ids (~11,000), and equals the longest query a share link carries
 * (`MAX_SHARED_SQL`). Checked first and in constant time, so a 200 KB paste costs nothing, and it
 * bounds the linear passes that come before the token checks.
 */
export const MAX_QUERY_CHARS = 20_000;

/**
 * Tokens (as alasql's lexer counts them). alasql's parser costs 25–55 µs a token (measured in Node
 * on a current machine), nearly all of it lexing, so 3,000 tokens plan in ~100 ms warm: the most one
 * plan may block the page. A 1,000-id IN list is ~2,000 tokens; the documented examples are under 50.
 */
export const MAX_TOKENS = 3_000;

/**
 * Open brackets (`(`, `{`, `@[`, `ARRAY[`, CASE…END) plus prefix operators waiting for their operand
 * (`NOT NOT`, `- -`). This is how deep alasql's parser stack grows, and its parser copies the stack on
 * every reduction, so parse time is tokens × depth: quadratic for `((((…))))` (4,000 levels: 1–15 s).
 * Real queries nest under ten levels (a function in a CASE in parentheses).
 */
export const MAX_NESTING = 64;

/**
 * An upper bound on the depth of the parse tree: per bracket, the operators in the widest list item
 * inside it. Chains without brackets nest too: `a OR b OR …` and `a->b->…` are left-deep trees, one
 * level per operator, which alasql parses quickly but our recursive walks (the allow-list check, the
 * WHERE reader) and alasql's compiler in the worker recurse through, overflowing the stack at
 * 2,000–5,000 levels in Node. 256 keeps every engine's stack safe and still takes an OR of 100
 * `col = value` terms (~200 levels; use IN for more).
 */
export const MAX_EXPRESSION_DEPTH = 256;

/** The limit on the text's length, checked in constant time before anything reads the text. */
export function checkLength(text: string): SqlError | undefined {
  if (text.length <= MAX_QUERY_CHARS) return undefined;
  const at = { start: MAX_QUERY_CHARS, end: text.length };
  return tooComplex(
    text,
    at,
    `The query is ${fmt(text.length)} characters long, over the limit of ${fmt(MAX_QUERY_CHARS)}, which it passes at ${where(text, at)}. Shorten it.`,
  );
}

/** The token limit over a list of already-found tokens (the StackQL layer's, before any rewriting). */
export function checkTokenCount(text: string, tokens: readonly Span[]): SqlError | undefined {
  const over = tokens[MAX_TOKENS];
  return over ? tooManyTokens(text, over) : undefined;
}

/**
 * Checks the token, nesting and expression-depth limits over `text` as alasql's lexer reads it (the
 * exact text about to be parsed), in one linear pass that stops at the first limit passed.
 */
export function checkComplexity(text: string): SqlError | undefined {
  const scan = new NestingScan();
  let count = 0;
  for (const t of alasqlTokens(text)) {
    if (++count > MAX_TOKENS) return tooManyTokens(text, t);
    scan.push(t.text);
    if (scan.nesting > MAX_NESTING) return tooDeep(text, t);
    if (scan.depth > MAX_EXPRESSION_DEPTH) return tooLongChain(text, t);
  }
  return undefined;
}

/** The most tokens, nesting and tree-depth bound over a whole text, without limits (for tests). */
export function measureComplexity(text: string): { tokens: number; nesting: number; depth: number } {
  const scan = new NestingScan();
  let tokens = 0;
  let nesting = 0;
  for (const t of alasqlTokens(text)) {
    tokens++;
    scan.push(t.text);
    nesting = Math.max(nesting, scan.nesting);
  }
  return { tokens, nesting, depth: scan.depth };
}

function tooManyTokens(text: string, at: Span): SqlError {
  return tooComplex(
    text,
    at,
    `The query has more than ${fmt(MAX_TOKENS)} tokens (words, numbers, operators); the limit is passed at ${where(text, at)}. Shorten it.`,
  );
}

function tooDeep(text: string, at: LexToken): SqlError {
  return tooComplex(
    text,
    at,
    `The query nests more than ${String(MAX_NESTING)} levels deep (brackets, CASE, or NOT and - in a row) at ${where(text, at)}; simplify it.`,
  );
}

function tooLongChain(text: string, at: LexToken): SqlError {
  return tooComplex(
    text,
    at,
    `An expression is more than ${String(MAX_EXPRESSION_DEPTH)} operators deep at ${where(text, at)} (each AND, OR, +, || or -> in a chain adds a level); split it up, or use IN (…) instead of many ORs.`,
  );
}

function tooComplex(text: string, span: Span, message: string): SqlError {
  return sqlError('too-complex', message, text, span);
}

function where(text: string, span: Span): string {
  const { line, column } = position(text, span.start);
  return `line ${String(line)}, column ${String(column)}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
