/**
 * The small slice of Markdown the provider's method descriptions use: `<br />` line breaks,
 * `code` spans and [links](https://…). Parsed into tokens, never into HTML, so description text can
 * never become markup.
 */
export type RichToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'break' };

const INLINE = /`([^`]+)`|\[([^\]]+)\]\((https:\/\/[^\s)]+)\)|<br\s*\/?>/g;

export function parseRichText(source: string): RichToken[] {
  const tokens: RichToken[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    if (match.index > last) tokens.push({ kind: 'text', text: source.slice(last, match.index) });
    const [whole, code, linkText, href] = match;
    if (code !== undefined) tokens.push({ kind: 'code', text: code });
    else if (linkText !== undefined && href !== undefined)
      tokens.push({ kind: 'link', text: linkText, href });
    else tokens.push({ kind: 'break' });
    last = match.index + whole.length;
  }
  if (last < source.length) tokens.push({ kind: 'text', text: source.slice(last) });
  return tokens;
}

/** The text a reader sees, with line breaks as spaces: what search indexes and tests compare. */
export function plainText(source: string): string {
  return parseRichText(source)
    .map((t) => (t.kind === 'break' ? ' ' : t.text))
    .join('');
}
