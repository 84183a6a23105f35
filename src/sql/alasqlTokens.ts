import alasql from 'alasql';

import './alasqlLexer';

import { tokenize } from './tokenize';

/**
 * The tokens alasql's own lexer finds in a text, found faster than it finds them.
 *
 * Why not `tokenize.ts`: the size and nesting limits (`limits.ts`) must see the text exactly as
 * alasql's parser will, and the two lexers disagree at the edges: alasql reads backslash escapes in
 * strings (`'a\'b'` is one string), `@[` and `ARRAY[` as brackets, `[x]` only without quotes inside,
 * and ASCII-only names. Text one reads as a literal and the other as code could hide any amount of
 * nesting from the check, and alasql's parser is quadratic in nesting depth.
 *
 * How: alasql's lexer (jison, not flex) tries its ~290 rules in order and takes the first match.
 * Most rules are keywords, `^(?:WORD\b)`, and such a rule matches exactly where the identifier rule
 * matches that same word, with the same span. So instead of trying every keyword regex, this looks
 * the identifier up in a map of keyword to rule index and tries only the ~75 other rules, in order:
 * the same tokens with the same spans at about a tenth of the cost, since alasql's lexer is nearly all
 * of its parse time (~30 µs a token).
 */

/** One token: its span in the text and its text. */
export interface LexToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Rule {
  /** The rule's place in alasql's order: the first rule that matches wins. */
  readonly index: number;
  /** Whitespace and comments: consumed without a token. */
  readonly skip: boolean;
  /** The catch-all rule: alasql returns INVALID, which no grammar rule takes, so parsing stops. */
  readonly invalid: boolean;
}

interface Compiled {
  /**
   * Every rule but the keywords, as one sticky alternation in alasql's order. A regex alternation
   * takes its first alternative that matches, as jison takes its first rule, and one regex is several
   * times faster than trying each rule's own. Rule `k` is the capture group `groups[k]`.
   */
  readonly any: RegExp;
  readonly rules: readonly Rule[];
  readonly groups: readonly number[];
  readonly keywords: ReadonlyMap<string, number>;
  readonly ident: RegExp;
}

interface JisonLexer {
  readonly rules?: unknown;
  readonly conditions?: { readonly INITIAL?: { readonly rules?: unknown } };
}

const IDENT = '^(?:[0-9]*[a-zA-Z_]+[a-zA-Z_0-9]*)';
const KEYWORD = /^\^\(\?:([A-Z_][A-Z0-9_]*)\\b\)$/;

/** Reads alasql's lexer rules, or undefined if they are not shaped as this version's are. */
function compile(): Compiled | undefined {
  const lexer = (alasql as unknown as { parser?: { lexer?: JisonLexer } }).parser?.lexer;
  const all = lexer?.rules;
  const order = lexer?.conditions?.INITIAL?.rules;
  if (!Array.isArray(all) || !Array.isArray(order)) return undefined;
  const rules: Rule[] = [];
  const sources: string[] = [];
  const groups: number[] = [];
  let group = 1;
  const keywords = new Map<string, number>();
  let ident: RegExp | undefined;
  for (const [index, r] of (order as unknown[]).entries()) {
    const re: unknown = typeof r === 'number' ? all[r] : undefined;
    // Every rule is `^(?:…)/i`; anything else (flags, back-references) could change its meaning here.
    if (!(re instanceof RegExp) || re.flags !== 'i' || !re.source.startsWith('^(?:')) return undefined;
    if (/\\[1-9k]/.test(re.source)) return undefined;
    const keyword = KEYWORD.exec(re.source)?.[1];
    if (keyword !== undefined) {
      if (!keywords.has(keyword)) keywords.set(keyword, index);
      continue;
    }
    if (re.source === '^(?:$)') continue; // end of input: the scan stops there anyway
    if (re.source === IDENT) ident = new RegExp(re.source.slice(1), 'iy');
    sources.push(`(${re.source.slice(1)})`);
    groups.push(group);
    // The rule's own capture groups follow its wrapper: count them by matching the empty string.
    group += new RegExp(`${re.source}|`).exec('')?.length ?? 1;
    rules.push({
      index,
      skip: re.source === '^(?:\\s+)' || re.source.startsWith('^(?:--'),
      invalid: re.source === '^(?:.)',
    });
  }
  if (!ident) return undefined;
  return { any: new RegExp(sources.join('|'), 'iy'), rules, groups, keywords, ident };
}

const COMPILED = compile();

/** The end of the token at `i` and its rule (none for a keyword), or undefined if nothing matches. */
function matchAt(c: Compiled, text: string, i: number): { end: number; rule?: Rule } | undefined {
  c.ident.lastIndex = i;
  const word = c.ident.test(text) ? text.slice(i, c.ident.lastIndex) : undefined;
  const keyword = word === undefined ? undefined : c.keywords.get(word.toUpperCase());
  c.any.lastIndex = i;
  const m = c.any.exec(text);
  const rule = m ? matchedRule(c, m) : undefined;
  // A keyword rule comes before the first other rule that matches: it wins, with the word's span.
  if (keyword !== undefined && word !== undefined && (!rule || rule.index > keyword)) {
    return { end: i + word.length };
  }
  return m && rule && m[0].length > 0 ? { end: i + m[0].length, rule } : undefined;
}

function matchedRule(c: Compiled, m: RegExpExecArray): Rule | undefined {
  const k = c.groups.findIndex((g) => m[g] !== undefined);
  return k === -1 ? undefined : c.rules[k];
}

/**
 * alasql's tokens of `text`, in order, without whitespace and comments. Stops after a token alasql
 * cannot parse (its parser stops there too). If alasql's lexer is not shaped as expected (another
 * alasql version), falls back to `tokenize.ts`, which agrees on every ordinary query.
 */
export function* alasqlTokens(text: string): Generator<LexToken, void, undefined> {
  if (!COMPILED) {
    const lexed = tokenize(text);
    if (lexed.ok) yield* lexed.value.tokens;
    return;
  }
  let i = 0;
  while (i < text.length) {
    const m = matchAt(COMPILED, text, i);
    // Unreachable with alasql's rules (the catch-all takes any character); stop rather than loop.
    if (!m) return;
    if (!m.rule?.skip) yield { start: i, end: m.end, text: text.slice(i, m.end) };
    if (m.rule?.invalid) return;
    i = m.end;
  }
}

/** Whether the tokens come from alasql's rules (false: the `tokenize.ts` fallback), for tests. */
export const EMULATES_ALASQL = COMPILED !== undefined;
