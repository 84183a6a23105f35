import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellText, PROVIDER_PAGES, readSeedPage, type SeedPage } from '../../support/seedPage';

/**
 * The provider's original pages (tests/fixtures/provider, copied from the provider's website), read
 * into the facts the built pages must carry. Resource pages are `readSeedPage`'s; service pages have
 * their own shape (summary box, Overview, resource links).
 */

/** The original page of `provider.service.resource`, read as `readSeedPage` reads org_versions'. */
export function readOriginalResourcePage(service: string, resource: string): SeedPage {
  return readSeedPage(resource, service);
}

/** What a service's original page says. */
export interface OriginalServicePage {
  readonly frontMatter: { readonly title: string; readonly keywords: readonly string[] };
  /** The line under the front matter. */
  readonly description: string;
  /** The summary box: `total resources` → 7, `total selectable resources`, `total methods`. */
  readonly summary: Readonly<Record<string, number>>;
  /** Overview rows: label → value as text (`Id` → `packages:v24.04.00227`). */
  readonly overview: Readonly<Record<string, string>>;
  /** The resource list: each link's href and text. */
  readonly resources: readonly { readonly href: string; readonly text: string }[];
}

export function readOriginalServicePage(service: string): OriginalServicePage {
  const source = readFileSync(join(PROVIDER_PAGES, 'services', service, 'index.md'), 'utf8');
  const [, fm = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const resourcesSection = body.slice(body.indexOf('## Resources'));
  return {
    frontMatter: {
      title: /^title: (.*)$/m.exec(fm)?.[1]?.trim() ?? '',
      keywords: [...fm.matchAll(/^ {2}- (.*)$/gm)].map((m) => (m[1] ?? '').trim()),
    },
    description:
      body
        .split('\n')
        .find((line) => line.trim() !== '' && !line.startsWith('import '))
        ?.trim() ?? '',
    summary: Object.fromEntries(
      [...body.matchAll(/<span>([\w ]+):&nbsp;<b>(\d+)<\/b><\/span>/g)].map((m) => [
        m[1] ?? '',
        Number(m[2]),
      ]),
    ),
    overview: Object.fromEntries(
      [...body.matchAll(/<tr><td><b>(\w+)<\/b><\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [
        m[1] ?? '',
        cellText(m[2] ?? ''),
      ]),
    ),
    resources: [...resourcesSection.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
      href: m[1] ?? '',
      text: m[2] ?? '',
    })),
  };
}

/** A link of an original page as this site serves it: no trailing slash (`trailingSlash: false`). */
export function siteHref(href: string): string {
  return href.startsWith('/') && href.length > 1 ? href.replace(/\/$/, '') : href;
}
