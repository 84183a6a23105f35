import { createHash } from 'node:crypto';

/** An inline `<script>` of a built page: what the browser hashes, and whether it runs it. */
export interface InlineScript {
  /** The exact text between the tags, line endings normalized as the HTML parser does. */
  readonly text: string;
  /** False for data blocks such as `application/ld+json`, which CSP never checks. */
  readonly executable: boolean;
}

// Scanned in order, each script ending at the first `</script`, as the HTML tokenizer does; so a
// `<script` inside another script's text is part of that text, not a script of its own.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC = /(?:^|\s)src\s*=/i;
const TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// The types the browser runs, and so checks against script-src (HTML "JavaScript MIME type essence
// match", plus module and importmap).
const RUNNABLE_TYPE =
  /^(?:module|importmap|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/;

function isExecutable(attributes: string): boolean {
  const type = TYPE.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return value === '' || RUNNABLE_TYPE.test(value);
}

/** The inline scripts (no `src`) of an HTML document, in document order. */
export function findInlineScripts(html: string): InlineScript[] {
  const found: InlineScript[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? '';
    if (SRC.test(attributes)) continue;
    // The parser turns CRLF and lone CR into LF before the script sees its text, so hash that.
    const text = (match[2] ?? '').replace(/\r\n?/g, '\n');
    found.push({ text, executable: isExecutable(attributes) });
  }
  return found;
}

/** The CSP source expression that allows exactly this script text: `'sha256-<base64>'`. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hashes of the scripts in `html` the browser would run, without duplicates, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = findInlineScripts(html)
    .filter((s) => s.executable)
    .map((s) => scriptHash(s.text));
  return [...new Set(hashes)];
}
