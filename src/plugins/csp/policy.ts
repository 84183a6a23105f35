/** What a page's Content-Security-Policy is built from. */
export interface PolicyInputs {
  /** `'sha256-…'` sources for the page's own inline scripts (see `inlineScripts.ts`). */
  readonly scriptHashes: readonly string[];
  /** Origins the page may call besides its own: the GitHub API origins the site was built for. */
  readonly connectOrigins: readonly string[];
}

/**
 * The API base URLs as CSP sources: their origins, deduplicated. Throws on anything that is not an
 * http(s) URL, so a mistyped `GITHUB_API_URL` fails the build instead of shipping a policy that
 * blocks the playground (or allows more than meant).
 */
export function apiOrigins(baseUrls: readonly unknown[]): string[] {
  const origins = baseUrls.map((value) => {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      throw new Error(`CSP: the API base URL ${JSON.stringify(value)} is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`CSP: the API base URL ${url.href} must be http: or https:.`);
    }
    // CSP host sources have no syntax for IPv6 literals; the browser would drop the source.
    if (url.hostname.startsWith('[')) {
      throw new Error(`CSP: the API base URL ${url.href} uses an IPv6 address; use a host name.`);
    }
    return url.origin;
  });
  return [...new Set(origins)];
}

/**
 * The policy of one built page, as the content of a `<meta http-equiv>` tag.
 *
 * - `script-src` has no `'unsafe-inline'`: the page's own inline scripts (Docusaurus's color-mode
 *   script) are allowed by hash, so an injected script is not. It has no `'unsafe-eval'` either. alasql
 *   compiles every query with `new Function`, but only in the engine worker (`src/engine/engine.worker.ts`,
 *   via `core.ts`); the page itself only calls `alasql.parse` (`src/sql/ast.ts`), which builds a tree
 *   without eval. A dedicated worker loaded from a same-origin URL does not inherit the document's
 *   policy (CSP 3 "initialize a global object's CSP list": only blob:, data: and about: workers
 *   inherit); it takes the policy of its own response headers, and a static host sends none, so
 *   alasql can compile there while eval stays blocked on the page that holds the token. Chromium
 *   (checked by tests/e2e/csp.e2e.ts, which runs queries under this policy) and Firefox (its own
 *   dom/workers/test/test_csp.js) behave so, as the web-platform tests expect of every engine. A host
 *   that can set headers may give `engine.worker` a policy of its own: `default-src 'none';
 *   script-src 'self' 'unsafe-eval'` (the engine needs no network).
 * - `style-src 'unsafe-inline'`: Monaco writes `<style>` elements at run time (theme colours,
 *   decorations, the codicon glyphs) and style attributes on every line, and the server-rendered
 *   React markup carries style attributes; none of these can be hashed ahead of time. An injected
 *   style cannot run script, and the `url()` loads CSS could leak data through reach only this origin
 *   and data: (img-src, font-src).
 * - `img-src data:`: Infima's stylesheet draws menu carets and icons as data: SVG and PNG.
 * - `font-src 'self'`: Monaco's codicon font is bundled as a file under /assets/fonts, not inlined.
 * - `connect-src`: the site (search index) and the GitHub API origins it was built for, nothing
 *   else. Sample mode needs nothing: its API is a fetch handler inside the page.
 * - `worker-src 'self'`: the engine and Monaco workers are same-origin URLs; no blob: workers.
 * - `frame-ancestors` is not here because a `<meta>` policy cannot carry it (the browser ignores it
 *   there and says so in the console); the playground refuses to run when framed by another origin
 *   instead (`src/components/Playground/framing.ts`). `report-uri` and `sandbox` are likewise
 *   meta-ignored.
 */
export function buildPolicy({ scriptHashes, connectOrigins }: PolicyInputs): string {
  const directives: readonly (readonly string[])[] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...scriptHashes],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectOrigins],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
