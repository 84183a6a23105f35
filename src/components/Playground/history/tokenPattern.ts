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
