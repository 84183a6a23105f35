/** Escapes a value for a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The tags this plugin puts first in every page's `<head>`. */
export function securityMetaTags(policy: string): string {
  return (
    `<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">` +
    '<meta name="referrer" content="no-referrer">'
  );
}

const HEAD = /<head(?:\s[^>]*)?>/i;
// Tags an earlier run of this plugin (or a hand-written template) left, so a rewrite never stacks two.
const EXISTING = [
  /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi,
  /<meta\s+name=["']?referrer["']?[^>]*>/gi,
];

/**
 * Puts the policy and `referrer: no-referrer` first in `<head>`: a `<meta>` policy only covers what
 * comes after it, so nothing in the head may precede it. Throws if the page has no `<head>`.
 */
export function addSecurityMeta(html: string, policy: string): string {
  const cleaned = EXISTING.reduce((text, pattern) => text.replace(pattern, ''), html);
  const head = HEAD.exec(cleaned);
  if (!head) throw new Error('CSP: the page has no <head> to put the policy in.');
  const at = head.index + head[0].length;
  return cleaned.slice(0, at) + securityMetaTags(policy) + cleaned.slice(at);
}
