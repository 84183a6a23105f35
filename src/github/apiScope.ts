/**
 * Where the token may be sent: the API base URL's origin (scheme, host and port), at or under its path
 * (`/api/v3` on GitHub Enterprise Server). Both the `Link` check and the transport's last check before
 * `fetch` ask this one module.
 */

/** The origin and path prefix every request carrying the token must stay within. */
export interface ApiScope {
  readonly origin: string;
  /** The base URL's path without a trailing slash: `''` for api.github.com, `/api/v3` for GHES. */
  readonly path: string;
}

/** The scope of a normalized API base URL (see `normalizeBaseUrl`). */
export function apiScopeOf(baseUrl: string): ApiScope {
  const url = new URL(baseUrl);
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

/**
 * Scheme, host and port as written, unlike `URL.origin`: a `blob:https://api.github.com/…` URL has the
 * origin of the URL inside it, yet it is no request to that host.
 */
export function literalOrigin(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Whether a (normalized) path is the base path or below it: `/api/v30` is not under `/api/v3`. */
export function isUnderApiPath(pathname: string, scope: ApiScope): boolean {
  return scope.path === '' || pathname === scope.path || pathname.startsWith(`${scope.path}/`);
}

/**
 * Whether `url` may be fetched with the token: an absolute URL already in the form the browser would
 * normalize it to (so `fetch` cannot resolve it against the page or rewrite `..` segments into another
 * path), with no user name or password, on the API origin and under its path.
 */
export function isApiUrl(url: string, scope: ApiScope): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.href === url &&
    parsed.username === '' &&
    parsed.password === '' &&
    literalOrigin(parsed) === scope.origin &&
    isUnderApiPath(parsed.pathname, scope)
  );
}
