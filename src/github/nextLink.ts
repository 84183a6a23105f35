/**
 * Which `Link: rel="next"` targets the page loop may follow. The token goes with every request, and
 * `fetch` resolves what it is given against the page, not the API: `http:x@api-host/…` or `//host/…`
 * parsed on its own looks like the API, yet a browser sends it to the site's own origin. So the target
 * is parsed once against the API base URL, must mean the same without that base (absolute), and the
 * page loop fetches exactly the normalized `href` this returns, never the header's text.
 */
import { apiScopeOf, isUnderApiPath, literalOrigin } from './apiScope';
import { GitHubError } from './errors';

/** The URL to fetch next, or why the link must not be followed. */
export type NextLinkCheck =
  { readonly ok: true; readonly href: string } | { readonly ok: false; readonly error: GitHubError };

// Spaces, control characters, backslashes and non-ASCII. URL parsers drop some (tab, CR, LF), trim
// others (leading/trailing spaces and C0), read `\` as `/`, and map look-alike letters (IDN, fullwidth),
// so text holding any of them means something other than it shows. GitHub's links are plain ASCII.
const UNCLEAN = /[^!-~]|\\/;

// A user name or password in the authority; checked on the text because the parser silently drops an
// empty one (`https://:@host`).
const USERINFO = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i;

const NOT_FETCHED = 'Rows after it were not fetched and the token was not sent';
const ADVICE =
  'GitHub never sends such links: a proxy in front of the API may have rewritten them. Check the API base URL in Settings';

/** Checks a raw `Link` target against the (normalized) API base URL. */
export function checkNextLink(raw: string, baseUrl: string): NextLinkCheck {
  const scope = apiScopeOf(baseUrl);
  const unsafe = (why: string, url?: string): NextLinkCheck => ({
    ok: false,
    error: new GitHubError('unsafe_link', `Stopped: the next-page link ${why}. ${NOT_FETCHED}. ${ADVICE}.`, {
      url,
    }),
  });
  if (UNCLEAN.test(raw)) {
    return unsafe('contains spaces, control characters, backslashes or non-ASCII characters');
  }
  let url: URL;
  try {
    url = new URL(raw, baseUrl);
  } catch {
    return unsafe('is not a URL');
  }
  if (!isAbsolute(raw, url)) {
    return unsafe(`is not an absolute URL on ${baseUrl} (a browser would resolve it against this page)`);
  }
  if (USERINFO.test(raw) || url.username !== '' || url.password !== '') {
    // Never echo the credentials themselves.
    return unsafe(`carries a user name or password before the host ${url.host}`, url.origin);
  }
  if (literalOrigin(url) !== scope.origin) {
    // Name the scheme of `file:`, `data:`, `blob:` URLs (their origin is "null", or a blob's inner one).
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    const where = web ? url.origin : `a ${url.protocol} URL`;
    return {
      ok: false,
      error: new GitHubError(
        'cross_origin_link',
        `Stopped: the next-page link points to ${where}, not the API host ${scope.origin}; the token is only sent to the API host. ${NOT_FETCHED} there. ${ADVICE}.`,
        { url: web ? url.origin : url.protocol },
      ),
    };
  }
  if (!isUnderApiPath(url.pathname, scope)) {
    return unsafe(
      `leads to ${url.origin}${url.pathname}, outside the API base URL ${baseUrl}; the token is only sent to paths under it`,
      `${url.origin}${url.pathname}`,
    );
  }
  return { ok: true, href: url.href };
}

/** Whether `raw` means the same URL without a base: not relative, scheme-relative or `http:host` shorthand. */
function isAbsolute(raw: string, resolved: URL): boolean {
  try {
    return new URL(raw).href === resolved.href;
  } catch {
    return false;
  }
}
