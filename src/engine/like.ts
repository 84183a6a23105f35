import { sqlLike } from '../sql/like';
import { sqlText } from '../sql/text';
import { FAST_PATHS } from './fastPaths';

/**
 * LIKE as the engine runs it: the same answers as `sqlLike` (SQLite's LIKE, src/sql/like.ts), with
 * each pattern compiled once to regular expressions instead of matched a character at a time.
 *
 * A pattern is split at its `%`s into pieces, as `sqlLike` splits it, and each piece becomes a regular
 * expression of single-character atoms only: an ASCII letter is the class of its two cases (`[aA]`),
 * `_` any one code unit (`[\s\S]`), every other code unit itself as a `\uXXXX` escape. So no character
 * of a pattern is ever read as regular-expression syntax, and no piece has a quantifier: it matches
 * exactly its length in code units, and a search for it cannot backtrack. The pieces are then placed
 * as `sqlLike` places them: the first at the start, the last at the end, each middle one at its
 * leftmost place after the one before (a regular-expression search from there). What `sqlLike` does
 * differently is taken back to it: a `_` over text with a character outside the BMP (where `_` is a
 * whole surrogate pair), and a pattern that is not text.
 */

type Matcher = (text: string) => boolean;

// Bound once: these run per row (see fastPaths.ts).
const state = FAST_PATHS;
const general = sqlLike;
const asText = sqlText;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Compiled patterns by text; a query uses a few, and a full cache just starts over. */
const MATCHERS = new Map<string, Matcher>();
const MAX_PATTERNS = 256;
/** Patterns longer than this (in code units) are matched by `sqlLike`. */
const MAX_COMPILED_LENGTH = 2000;
let lastPattern: string | undefined;
let lastMatcher: Matcher | undefined;

/** `value LIKE pattern`, as `sqlLike(pattern, value)` answers it (NULLs are the caller's, as there). */
export function engineLike(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'string' || !state.on.like) return general(pattern, value);
  let matcher = pattern === lastPattern ? lastMatcher : MATCHERS.get(pattern);
  if (!matcher) {
    matcher = compileLike(pattern);
    if (MATCHERS.size >= MAX_PATTERNS) MATCHERS.clear();
    MATCHERS.set(pattern, matcher);
  }
  lastPattern = pattern;
  lastMatcher = matcher;
  state.taken.like++;
  return matcher(typeof value === 'string' ? value : asText(value));
}

/** The matcher of a pattern: `text` → whether `sqlLike(pattern, text)` is true. */
export function compileLike(pattern: string): Matcher {
  const pieces = pattern.split('%');
  const hasAny = pattern.includes('_');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  let direct: Matcher;
  try {
    // A RegExp has a size limit; a pattern that long is matched as before.
    if (pattern.length > MAX_COMPILED_LENGTH) throw new RangeError('pattern too long to compile');
    direct = compilePieces(pieces, first, last);
  } catch {
    return (text) => general(pattern, text);
  }
  if (!hasAny) return direct;
  // `_` is one character: a code unit, or a surrogate pair; sqlLike handles the latter.
  return (text) => (SURROGATE.test(text) ? general(pattern, text) : direct(text));
}

function compilePieces(pieces: readonly string[], first: string, last: string): Matcher {
  if (pieces.length === 1) {
    if (isVerbatim(first)) return (text) => text === first;
    const whole = new RegExp(`^${pieceSource(first)}$`);
    return (text) => whole.test(text);
  }
  const firstRe = first === '' ? undefined : new RegExp(`^${pieceSource(first)}`);
  const lastRe = last === '' ? undefined : new RegExp(pieceSource(last), 'y');
  // Empty middle pieces (`%%`) place nothing: the final `tail >= pos` check covers them.
  const inner = pieces.slice(1, -1).filter((piece) => piece !== '');
  const middles = inner.map((piece) => ({ re: new RegExp(pieceSource(piece), 'g') }));
  const firstLength = first.length;
  const lastLength = last.length;
  // The common '%x%': one search anywhere in the text.
  const [only] = inner;
  if (!firstRe && !lastRe && only !== undefined && inner.length === 1) {
    if (isVerbatim(only)) return (text) => text.includes(only);
    const anywhere = new RegExp(pieceSource(only));
    return (text) => anywhere.test(text);
  }
  return (text) => {
    const tail = text.length - lastLength;
    if (tail < firstLength) return false;
    if (firstRe && !firstRe.test(text)) return false;
    let pos = firstLength;
    for (const middle of middles) {
      middle.re.lastIndex = pos;
      if (!middle.re.test(text)) return false;
      pos = middle.re.lastIndex; // the end of the leftmost match: pieces are of fixed length
      if (pos > tail) return false;
    }
    if (!lastRe) return true;
    lastRe.lastIndex = tail;
    return lastRe.test(text);
  };
}

/** Whether a piece matches only itself: no `_` and no ASCII letter (which matches either case). */
function isVerbatim(piece: string): boolean {
  return !/[_A-Za-z]/.test(piece);
}

/** A piece as a regular expression of one atom per code unit (see above). */
function pieceSource(piece: string): string {
  let source = '';
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c === 95)
      source += '[\\s\\S]'; // `_`
    else if (c >= 65 && c <= 90) source += `[${String.fromCharCode(c, c + 32)}]`;
    else if (c >= 97 && c <= 122) source += `[${String.fromCharCode(c - 32, c)}]`;
    else source += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return source;
}
