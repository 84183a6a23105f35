/**
 * The URL to link a cell to, or undefined to show it as text. Only `https:` URLs on github.com (or
 * a subdomain) or on the configured API's host become links: package data is written by whoever
 * publishes a package, so `javascript:`, `data:` and look-alike hosts stay plain text.
 */
export function safeLink(value: unknown, apiBaseUrl: string): string | undefined {
  if (typeof value !== 'string' || value !== value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  let apiHost = '';
  try {
    apiHost = new URL(apiBaseUrl).hostname.toLowerCase();
  } catch {
    // no API host to allow
  }
  const allowed =
    host === 'github.com' || host.endsWith('.github.com') || (apiHost !== '' && host === apiHost);
  return allowed ? url.href : undefined;
}
