import { TOKEN_MARK } from '../history/tokenPattern';
import type { SharedSql, ShareLink } from './shareLink';

/** "a token-like string", "2 token-like strings". */
function tokens(n: number): string {
  return n === 1 ? 'a token-like string' : `${n} token-like strings`;
}

/** What the Copy link button says after copying: in particular, that token-like text was left out. */
export function copyLinkNote(copied: boolean, link: ShareLink): string {
  if (!copied) return 'Copy failed';
  if (link.removedTokens === 0) return 'Link copied: it holds the SQL only, never your token.';
  return `Link copied. Removed ${tokens(link.removedTokens)} from the link (it reads ${TOKEN_MARK} there); the link holds the SQL only, never your token.`;
}

/** What the page says above a query loaded from a link: that nothing ran, and what was removed. */
export function sharedLinkNote(shared: SharedSql): string {
  const removed =
    shared.removedTokens === 0
      ? ''
      : ` Removed ${tokens(shared.removedTokens)} from it (it reads ${TOKEN_MARK} now): never put a token in SQL you share.`;
  return `Loaded a query from a shared link.${removed} Nothing has run: read it, then press Run query.`;
}
