import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The services with an original page, in the order of the provider home's list. */
export function originalServices(): string[] {
  return readOriginalProviderPage().services.map((s) => s.text);
}

/** Every resource page of the originals: each service page's list, which the tests check is its folder. */
export function originalResources(): {
  readonly service: string;
  readonly name: string;
  readonly id: string;
}[] {
  return originalServices().flatMap((service) =>
    readOriginalServicePage(service).resources.map(({ text: name }) => ({
      service,
      name,
      id: `github.${service}.${name}`,
    })),
  );
}

/** The resource folders of a service's originals (each holds an index.md). */
export function originalResourceFolders(service: string): string[] {
  const dir = join(PROVIDER_PAGES, 'services', service);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.md')))
    .map((e) => e.name);
}

/** What the provider home's original page says. */
export interface OriginalProviderPage {
  /** The line under the imports: `Web-based version-control and collaboration.` */
  readonly description: string;
  /** `v24.04.00227`, from the summary box's title. */
  readonly version: string;
  /** The summary box: `total services` → 31, `total methods`, `total resources`, `total selectable resources`. */
  readonly summary: Readonly<Record<string, number>>;
  /** The links under "See also". */
  readonly seeAlso: readonly { readonly href: string; readonly text: string }[];
  /** The Installation and Authentication sections' Markdown, each up to the next `## `. */
  readonly sections: Readonly<Record<'Installation' | 'Authentication', string>>;
  /** The Services list: each link's href and text. */
  readonly services: readonly { readonly href: string; readonly text: string }[];
}

function section(body: string, heading: string): string {
  const start = body.indexOf(`\n## ${heading}\n`);
  const rest = body.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

export function readOriginalProviderPage(): OriginalProviderPage {
  const source = readFileSync(join(PROVIDER_PAGES, 'index.md'), 'utf8');
  const [, , body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const seeAlso = /See also:[\s\S]*?\n\* \* \*/.exec(body)?.[0] ?? '';
  return {
    description:
      body
        .split('\n')
        .find((line) => line.trim() !== '' && !line.startsWith('import '))
        ?.trim() ?? '',
    version: /Provider Summary \((v[\d.]+)\)/.exec(body)?.[1] ?? '',
    summary: Object.fromEntries(
      [...body.matchAll(/<span>([\w ]+):&nbsp;<b>(\d+)<\/b><\/span>/g)].map((m) => [
        m[1] ?? '',
        Number(m[2]),
      ]),
    ),
    seeAlso: [...seeAlso.matchAll(/\[\[` (\w+) `\]\]\(([^)]+)\)/g)].map((m) => ({
      text: m[1] ?? '',
      href: m[2] ?? '',
    })),
    sections: {
      Installation: section(body, 'Installation'),
      Authentication: section(body, 'Authentication'),
    },
    services: [...section(body, 'Services').matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
      href: m[1] ?? '',
      text: m[2] ?? '',
    })),
  };
}
