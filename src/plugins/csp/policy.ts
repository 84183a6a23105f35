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
 *   script) are allowed by hash, so an injected script is not. It has no `'unsafe-eval'` either: the
 *   page only calls `alasql.parse` (`src/sql/ast.ts`), which builds a tree without eval. alasql
 *   compiles queries with `new Function` only inside the engine's sandbox frame, a separate document
 *   with its own policy (no network, eval allowed; `src/plugins/engineSandbox/policy.ts`), which this
 *   plugin leaves alone.
 * - `style-src 'unsafe-inline'`: Monaco writes `<style>` elements at run time (theme colours,
 *   decorations, the codicon glyphs) and style attributes on every line, and the server-rendered
 *   React markup carries style attributes; none of these can be hashed ahead of time. An injected
 *   style cannot run script, and the `url()` loads CSS could leak data through reach only this origin
 *   and data: (img-src, font-src).
 * - `img-src data:`: Infima's stylesheet draws menu carets and icons as data: SVG and PNG.
 * - `font-src 'self'`: Monaco's codicon font is bundled as a file under /assets/fonts, not inlined.
 * - `connect-src`: the site (search index) and the GitHub API origins it was built for, nothing
 *   else. Sample mode needs nothing: its API is a fetch handler inside the page.
 * - `worker-src 'self'`: Monaco's worker is a same-origin URL; the page makes no blob: workers.
 * - `frame-src 'self'`: the engine's sandbox frame (`/engine/sandbox.<hash>.html`), and nothing else.
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
    ['frame-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
