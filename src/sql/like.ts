import { sqlText } from './text';

/**
 * SQLite's `X LIKE P`, which the engine installs in place of alasql's (see src/engine/SECURITY.md).
 * alasql's turns the pattern into a regular expression, cached in a plain object keyed by the pattern
 * (`LIKE '__proto__'` read Object.prototype from it), keeps `[…]` as a character class, and folds
 * case beyond ASCII. This one matches as SQLite does: `%` any run of characters, `_` exactly one
 * character (a code point), every other character itself, upper and lower case ASCII letters equal,
 * nothing else folded. It runs without backtracking (leftmost match of each piece between `%`s), so no
 * pattern can make it slow: at most pattern × value steps.
 */

/** A pattern piece between `%`s: folded UTF-16 code units, `ANY` for `_`. */
type Piece = readonly number[];
const ANY = -1;

interface Pattern {
  readonly pieces: readonly Piece[];
  /** Whether the pattern has a `_`, which must take a surrogate pair as one character. */
  readonly hasAny: boolean;
}

/** Compiled patterns by text; a query uses a few, and a full cache just starts over. */
const PATTERNS = new Map<string, Pattern>();
const MAX_PATTERNS = 256;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether `value` matches `pattern`, both taken as text (see sqlText). */
export function sqlLike(pattern: unknown, value: unknown): boolean {
  const p = sqlText(pattern);
  let compiled = PATTERNS.get(p);
  if (!compiled) {
    compiled = compile(p);
    if (PATTERNS.size >= MAX_PATTERNS) PATTERNS.clear();
    PATTERNS.set(p, compiled);
  }
  const text = sqlText(value);
  // Code units are characters unless a `_` meets a character outside the BMP (a surrogate pair).
  if (compiled.hasAny && SURROGATE.test(text)) {
    return matches(
      Array.from(text, (ch) => ch.codePointAt(0) ?? 0),
      compile(p, true).pieces,
    );
  }
  return matches(text, compiled.pieces);
}

function compile(p: string, byCodePoint = false): Pattern {
  const pieces = p.split('%').map((piece) => {
    const chars = byCodePoint ? Array.from(piece, (ch) => ch.codePointAt(0) ?? 0) : codeUnits(piece);
    return chars.map((c) => (c === 95 ? ANY : fold(c))); // 95 is `_`
  });
  return { pieces, hasAny: pieces.some((piece) => piece.includes(ANY)) };
}

function codeUnits(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** A–Z folded to a–z, as SQLite does (ASCII only). */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Text as a string (code units) or as code points. */
type Text = string | readonly number[];

function at(text: Text, i: number): number {
  return typeof text === 'string' ? text.charCodeAt(i) : (text[i] ?? -2);
}

function matches(text: Text, pieces: readonly Piece[]): boolean {
  const first = pieces[0] ?? [];
  const last = pieces[pieces.length - 1] ?? [];
  if (pieces.length === 1) return text.length === first.length && matchesAt(text, 0, first);
  if (!matchesAt(text, 0, first)) return false;
  const tail = text.length - last.length;
  let pos = first.length;
  // Each middle piece at its leftmost place: any later place leaves less room for the rest.
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? [];
    let start = pos;
    while (start + piece.length <= tail && !matchesAt(text, start, piece)) start++;
    if (start + piece.length > tail) return false;
    pos = start + piece.length;
  }
  return tail >= pos && matchesAt(text, tail, last);
}

function matchesAt(text: Text, start: number, piece: Piece): boolean {
  if (start < 0 || start + piece.length > text.length) return false;
  for (let j = 0; j < piece.length; j++) {
    const c = piece[j];
    if (c !== ANY && c !== fold(at(text, start + j))) return false;
  }
  return true;
}
