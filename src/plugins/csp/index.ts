import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { SANDBOX_DIR } from '../engineSandbox';
import { inlineScriptHashes } from './inlineScripts';
import { apiOrigins, buildPolicy } from './policy';
import { addSecurityMeta } from './rewriteHtml';

/**
 * The site's pages. The engine's sandbox frame is not one of them: it carries its own, stricter
 * policy (no network, eval allowed), which the page policy must not replace.
 */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const sandbox = join(dir, SANDBOX_DIR);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html') && e.parentPath !== sandbox)
    .map((e) => join(e.parentPath, e.name));
}

/** The CSP of one built page: its own inline scripts' hashes and the site's API origins. */
export function policyForPage(html: string, connectOrigins: readonly string[]): string {
  return buildPolicy({ scriptHashes: inlineScriptHashes(html), connectOrigins });
}

/**
 * Adds a Content-Security-Policy and a no-referrer policy as `<meta>` tags to every built page, since
 * a static host cannot always set headers. Runs after the build, on the final HTML, so the hashes are
 * of exactly the inline scripts each page ships. `connect-src` allows the origins of
 * `customFields.allowedApiBaseUrls` (from `GITHUB_API_URL` and `PLAYGROUND_EXTRA_API_URLS`).
 */
export function cspPlugin(context: LoadContext): Plugin {
  const configured = context.siteConfig.customFields?.allowedApiBaseUrls;
  if (!Array.isArray(configured)) {
    throw new Error('CSP: customFields.allowedApiBaseUrls must list the API base URLs.');
  }
  const connectOrigins = apiOrigins(configured);
  return {
    name: 'csp',
    async postBuild({ outDir }) {
      for (const file of await htmlFiles(outDir)) {
        const html = await readFile(file, 'utf8');
        await writeFile(file, addSecurityMeta(html, policyForPage(html, connectOrigins)));
      }
    },
  };
}
