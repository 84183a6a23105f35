import type { Span } from './errors';
import { tokenize } from './tokenize';

/**
 * Where in `text` the first token spelled like one of `needles` (any case) is, for underlining an
 * error found in alasql's tree, which carries no positions. Undefined when there is nothing to point at.
 */
export function locate(text: string, needles: readonly string[], from = 0): Span | undefined {
  if (needles.length === 0) return undefined;
  const lexed = tokenize(text);
  if (!lexed.ok) return undefined;
  const wanted = new Set(needles.map((n) => n.toUpperCase()));
  const token = lexed.value.tokens.find(
    (t) =>
      t.start >= from &&
      (wanted.has(t.text.toUpperCase()) ||
        wanted.has(t.value.toUpperCase()) ||
        (t.kind === 'js' && wanted.has('``'))),
  );
  return token ? { start: token.start, end: token.end } : undefined;
}
