/**
 * The slice of Markdown the provider's descriptions use: `<br />` line breaks, `code` spans, fenced
 * code written across `<br />`s, **bold**, [links](…), backslash escapes (`\|` in a table cell) and
 * HTML entities (`&lt;branch name&gt;`). Parsed into tokens, never into HTML, so description text can
 * never become markup: any other tag stays text.
 */
export type RichToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  /** A fenced code block; its lines joined with `\n`. */
  | { readonly kind: 'pre'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly RichToken[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly RichToken[] }
  | { readonly kind: 'break' };

/** Where GitHub's relative links (`/rest/…`) point: its descriptions are written for docs.github.com. */
const GITHUB_DOCS = 'https://docs.github.com';

const INLINE = new RegExp(
  [
    /```([\s\S]*?)```/.source, // 1: fenced code
    /`([^`]+)`/.source, // 2: code span
    /\[((?:[^\]`]|`[^`]*`)+)\]\(([^)\s]+)\)/.source, // 3, 4: link text (may hold code), target
    /\*\*(?=\S)([\s\S]*?\S)\*\*/.source, // 5: bold
    /<br\s*\/?>/.source,
    /\\([!-/:-@[-`{-~])/.source, // 6: an escaped punctuation character
    /&(#\d+|#x[\da-f]+|[a-z]+);/.source, // 7: an entity
  ].join('|'),
  'gi',
);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function entity(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return Object.hasOwn(NAMED_ENTITIES, lower) ? NAMED_ENTITIES[lower] : undefined;
}

/** Code as written in a table cell: entities and `\|` (the cell's escaped pipe) decoded. */
function codeText(source: string): string {
  return source.replace(/\\\|/g, '|').replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (whole, name: string) => {
    return entity(name) ?? whole;
  });
}

/**
 * A link's target as the reader follows it: web links as written, GitHub's site-relative links on
 * docs.github.com, nothing for an in-page anchor (it names a section of GitHub's page, not of this
 * one) or any other scheme (`javascript:`).
 */
function linkTarget(href: string): string | null | undefined {
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//')) return `${GITHUB_DOCS}${href}`;
  if (href.startsWith('#')) return null;
  return undefined;
}

/**
 * Adds a token: adjacent text merged, so a decoded entity or escape does not split a run of text; a
 * line break next to a code block dropped, since the block starts and ends its own line.
 */
function push(tokens: RichToken[], token: RichToken): void {
  const last = tokens.at(-1);
  if (token.kind === 'text' && last?.kind === 'text')
    tokens[tokens.length - 1] = { kind: 'text', text: last.text + token.text };
  else if (token.kind === 'pre' && last?.kind === 'break') tokens[tokens.length - 1] = token;
  else if (token.kind === 'break' && last?.kind === 'pre') return;
  else if (token.kind !== 'text' || token.text !== '') tokens.push(token);
}

export function parseRichText(source: string): RichToken[] {
  const tokens: RichToken[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    push(tokens, { kind: 'text', text: source.slice(last, match.index) });
    last = match.index + match[0].length;
    const [whole, fence, code, linkText, href, bold, escaped, entityName] = match;
    if (fence !== undefined) {
      const lines = codeText(fence)
        .split(/<br\s*\/?>/i)
        .map((l) => l.trimEnd());
      // The fence's own line breaks (after the opening, before the closing backticks) are not code.
      while (lines[0]?.trim() === '') lines.shift();
      while (lines.at(-1)?.trim() === '') lines.pop();
      push(tokens, { kind: 'pre', text: lines.join('\n') });
    } else if (code !== undefined) push(tokens, { kind: 'code', text: codeText(code) });
    else if (linkText !== undefined && href !== undefined) {
      const target = linkTarget(href);
      const children = parseRichText(linkText);
      if (target) push(tokens, { kind: 'link', href: target, children });
      else if (target === null) for (const child of children) push(tokens, child);
      else push(tokens, { kind: 'text', text: whole });
    } else if (bold !== undefined) push(tokens, { kind: 'strong', children: parseRichText(bold) });
    else if (escaped !== undefined) push(tokens, { kind: 'text', text: escaped });
    else if (entityName !== undefined) push(tokens, { kind: 'text', text: entity(entityName) ?? whole });
    else push(tokens, { kind: 'break' });
  }
  push(tokens, { kind: 'text', text: source.slice(last) });
  return tokens;
}

function tokenText(token: RichToken): string {
  switch (token.kind) {
    case 'break':
      return ' ';
    case 'strong':
    case 'link':
      return token.children.map(tokenText).join('');
    case 'pre':
      return ` ${token.text} `;
    default:
      return token.text;
  }
}

/** The text a reader sees, with line breaks as spaces: what search indexes and tests compare. */
export function plainText(source: string): string {
  return parseRichText(source).map(tokenText).join('');
}
