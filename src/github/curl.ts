/** "Copy as curl" for the request log: the same request, with the token left as `$GITHUB_TOKEN`. */
import type { RequestLogEntry } from './types';

/**
 * A shell command that repeats a logged request. The token is never written out: the command reads it
 * from the `GITHUB_TOKEN` environment variable, so a copied command is safe to paste into an issue.
 */
export function toCurl(entry: Pick<RequestLogEntry, 'method' | 'url' | 'body'>): string {
  const parts = [
    'curl',
    entry.method === 'GET' ? '' : `-X ${entry.method}`,
    '-H "Accept: application/vnd.github+json"',
    '-H "Authorization: Bearer $GITHUB_TOKEN"',
    '-H "X-GitHub-Api-Version: 2022-11-28"',
    entry.body === undefined ? '' : `-H "Content-Type: application/json" --data ${shellQuote(entry.body)}`,
    shellQuote(entry.url),
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** Single-quotes a value for POSIX shells (a URL from a hostile `Link` could hold `'` or `$(…)`). */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
