// The prefixed forms need no word boundary: glued to other text (`xghp_…`, `ghp_…_old`) they are still
// a token, and a false alarm only keeps a query out of the history.
const TOKEN_LIKE = /gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|\b[0-9a-f]{40}\b/;

/**
 * Text that looks like a GitHub credential: classic and fine-grained PATs, OAuth, app and refresh
 * tokens by their prefixes, and 40-hex-digit legacy tokens. Such text never goes into history,
 * share links or logs.
 */
export function looksLikeToken(text: string): boolean {
  return TOKEN_LIKE.test(text);
}

/** What stands in for a removed token (the same mark `redact` leaves in error messages). */
export const TOKEN_MARK = '[REDACTED]';

/**
 * `text` with every token-like string (`looksLikeToken`'s pattern) replaced by `[REDACTED]`, and how
 * many were replaced: for text that must go out (share links) rather than be dropped (history).
 */
export function redactTokens(text: string): { readonly text: string; readonly removed: number } {
  let removed = 0;
  const clean = text.replace(new RegExp(TOKEN_LIKE.source, 'g'), () => {
    removed++;
    return TOKEN_MARK;
  });
  return { text: clean, removed };
}
