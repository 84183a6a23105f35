/**
 * Text that looks like a GitHub credential: classic and fine-grained PATs, OAuth, app and refresh
 * tokens by their prefixes, and 40-hex-digit legacy tokens. Such text never goes into history,
 * share links or logs.
 */
const TOKEN_LIKE = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|[0-9a-f]{40})\b/;

export function looksLikeToken(text: string): boolean {
  return TOKEN_LIKE.test(text);
}
