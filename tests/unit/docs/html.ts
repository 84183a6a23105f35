/**
 * Reading React's static markup as a reader sees it: the markup is the renderer's own (regular, no
 * nested tables), so a few patterns do, with no DOM library to install.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  nbsp: ' ',
  '#x27': "'",
  '#39': "'",
};

function decode(s: string): string {
  return s.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
}

/** Text with tags removed, entities decoded, white space folded, no space before a comma. */
export function text(html: string): string {
  // A line break, and a code block's edges (block boxes), separate words as a reader sees them.
  return decode(html.replace(/<br\s*\/?>|<\/?pre\b[^>]*>/g, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();
}

/** The cells of each body row of the first table, as text. */
export function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((cell) => text(cell[2] ?? '')),
  );
}

/** The header cells of the first table, as text. */
export function tableHeader(html: string): string[] {
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((cell) => text(cell[1] ?? ''));
}

/** Every link: its href and its text. */
export function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\b[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decode(m[1] ?? ''),
    text: text(m[2] ?? ''),
  }));
}

/** The names of CopyableCode buttons (`Copy org` → `org`). */
export function copyableNames(html: string): string[] {
  return [...html.matchAll(/aria-label="Copy ([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
}

/** Buttons and links labelled "Open in playground", in document order. */
export function playgroundOpeners(html: string): number {
  return [...html.matchAll(/>Open in playground</g)].length;
}
