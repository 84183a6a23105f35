import { fail, ok, sqlError, type Result, type Span } from './errors';
import { tokenize, type Token } from './tokenize';

/**
 * One statement of the reader's text, ready for the per-form parsers: its tokens (comments dropped)
 * and the text with comments and the trailing semicolon blanked to spaces. Blanking, not removing,
 * keeps every character at its line and column, so alasql's error positions are the reader's.
 */
export interface Statement {
  /** The reader's full text, for error positions. */
  readonly source: string;
  /** `source` with comments and statement separators replaced by spaces (newlines kept). */
  readonly blanked: string;
  readonly tokens: readonly Token[];
}

/** Replaces a span with spaces, keeping newlines. */
export function blank(text: string, span: Span): string {
  const middle = text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
  return text.slice(0, span.start) + middle + text.slice(span.end);
}

/**
 * Replaces many non-overlapping spans with spaces in one pass: blanking them one at a time copies the
 * whole text per span, quadratic for a text of a few thousand `;` or comments.
 */
function blankAll(text: string, spans: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, s.start), text.slice(s.start, s.end).replace(/[^\n]/g, ' '));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Splits the text at top-level semicolons and returns its one statement. Empty statements (a stray
 * `;`) are ignored; a second real statement is an error underlining it, since the playground runs
 * one statement at a time and running only the first would silently drop the reader's work.
 */
export function splitStatement(source: string): Result<Statement> {
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  const blanks: Span[] = [...lexed.value.comments];
  const groups: Token[][] = [[]];
  for (const t of lexed.value.tokens) {
    if (t.kind === 'punct' && t.text === ';') {
      blanks.push(t);
      groups.push([]);
    } else {
      groups[groups.length - 1]?.push(t);
    }
  }
  const blanked = blankAll(source, blanks);
  const statements = groups.filter((g) => g.length > 0);
  const [first, second] = statements;
  if (!first) {
    return fail(
      sqlError('empty', 'There is no statement to run. Type a query, e.g. SHOW SERVICES IN github.'),
    );
  }
  if (second) {
    const last = statements[statements.length - 1] ?? second;
    const span = { start: second[0]?.start ?? 0, end: last[last.length - 1]?.end ?? source.length };
    return fail(
      sqlError(
        'multiple-statements',
        'Only one statement can run at a time. Remove or comment out (--) all but one statement.',
        source,
        span,
      ),
    );
  }
  // Only this statement's characters stay: a stray `;` elsewhere is already blank.
  return ok({ source, blanked, tokens: first });
}

/** The span from the first to the last of some tokens. */
export function spanOf(tokens: readonly Token[], fallbackEnd = 0): Span {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return { start: first?.start ?? 0, end: last?.end ?? fallbackEnd };
}

/** A dotted name starting at token `i`: its parts (unquoted), and the index just past it. */
export interface DottedName {
  readonly parts: readonly string[];
  readonly span: Span;
  readonly next: number;
}

/** Reads `a.b.c` (each part a word or a quoted name) starting at token `i`, or undefined. */
export function readDottedName(tokens: readonly Token[], i: number): DottedName | undefined {
  const parts: string[] = [];
  let j = i;
  for (;;) {
    const t = tokens[j];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) return undefined;
    parts.push(t.value);
    j++;
    const dot = tokens[j];
    if (dot?.kind !== 'punct' || dot.text !== '.' || dot.start !== t.end) break;
    j++;
  }
  const last = tokens[j - 1];
  return { parts, span: { start: tokens[i]?.start ?? 0, end: last?.end ?? 0 }, next: j };
}
