import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A provider's original resource page (tests/fixtures/provider/services/<service>/<resource>/index.md,
 * the committed copy of the seed) read into plain facts, so tests can check that the definition and
 * the rendered page carry every one of them. Deliberately a second reader, independent of the
 * catalogue's `parsePage`, so a parsing slip there cannot hide in both.
 */
export interface SeedPage {
  readonly frontMatter: {
    readonly title: string;
    readonly description: string;
    readonly image: string;
    readonly keywords: readonly string[];
  };
  /** Overview rows: label → value as text (`Id` → `github.packages.org_versions`). */
  readonly overview: Readonly<Record<string, string>>;
  /** Field rows as cell texts: [name, datatype, description]. */
  readonly fields: readonly (readonly [string, string, string])[];
  /** Method rows as cell texts: [name, accessible by, required params, description]. */
  readonly methods: readonly (readonly [string, string, string, string])[];
  /** Every link target in the method descriptions, with its text. */
  readonly links: readonly { readonly text: string; readonly href: string }[];
  /** Raw description cells of the methods (Markdown with `<br />`). */
  readonly rawMethodDescriptions: readonly string[];
  /** Raw description cells of the fields, in order. */
  readonly rawFieldDescriptions: readonly string[];
  /**
   * Whether the tables have a Description column: some pages list fields or methods with none (the
   * tuples above then hold '' there).
   */
  readonly describes: { readonly fields: boolean; readonly methods: boolean };
  /** A view's note above its fields ("This resource is a view…"), as text, and its link. */
  readonly view?: { readonly text: string; readonly link: { readonly text: string; readonly href: string } };
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `&lt;`, `&#123;` → `<`, `{`; an entity it does not know stays as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );
}

/**
 * Cell Markdown → the text a reader sees: CopyableCode's code, no backticks, fences or (paired) bold markers,
 * links as their text, `\|` and `\_` unescaped, entities decoded, `<br />` as a space.
 */
export function cellText(cell: string): string {
  return decodeEntities(
    cell
      .replace(/<CopyableCode code="([^"]*)" \/>/g, '$1')
      .replace(/<\/?(b|code|td|tr)>/g, '')
      .replace(/```/g, ' ')
      .replace(/<br \/>/g, ' ')
      .replace(/\[((?:[^\]`]|`[^`]*`)+)\]\([^)\s]+\)/g, '$1')
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/`/g, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rows of the Markdown table in a section whose first cell is a CopyableCode, as cells: split at
 * the pipes a description does not escape (`\|`), so `| name ||` is two cells, the second empty.
 */
function tableRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.startsWith('| <CopyableCode'))
    .map((line) =>
      line
        .replace(/^\|/, '')
        .replace(/\|\s*$/, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

/** Whether the section's table has a Description column. */
function hasDescriptions(section: string): boolean {
  return /^\| Name \|.*\| Description \|$/m.test(section);
}

/** The committed copy of the provider's pages. */
export const PROVIDER_PAGES = join(import.meta.dirname, '../fixtures/provider');

/** The path of a resource's original page. */
export function seedPagePath(resource: string, service = 'packages'): string {
  return join(PROVIDER_PAGES, 'services', service, resource, 'index.md');
}

/** The original page of a resource of a service (default: `packages.org_versions`). */
export function readSeedPage(resource = 'org_versions', service = 'packages'): SeedPage {
  const source = readFileSync(seedPagePath(resource, service), 'utf8');
  const [, fm = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const scalar = (key: string): string => new RegExp(`^${key}: (.*)$`, 'm').exec(fm)?.[1]?.trim() ?? '';
  const keywords = [...fm.matchAll(/^ {2}- (.*)$/gm)].map((m) => (m[1] ?? '').trim());
  const overview = Object.fromEntries(
    [...body.matchAll(/<tr><td><b>(\w+)<\/b><\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [
      m[1] ?? '',
      cellText(m[2] ?? ''),
    ]),
  );
  const fieldsSection = body.slice(body.indexOf('## Fields'), body.indexOf('## Methods'));
  const methodsSection = body.slice(body.indexOf('## Methods'));
  const describes = { fields: hasDescriptions(fieldsSection), methods: hasDescriptions(methodsSection) };
  const fieldRows = tableRows(fieldsSection);
  const fields = fieldRows.map(
    ([n = '', t = '', d = '']) => [cellText(n), cellText(t), cellText(d)] as const,
  );
  const methodRows = tableRows(methodsSection);
  const methods = methodRows.map(
    ([n = '', v = '', p = '', d = '']) => [cellText(n), cellText(v), cellText(p), cellText(d)] as const,
  );
  const rawMethodDescriptions = methodRows.map((r) => r[3] ?? '');
  const links = rawMethodDescriptions.flatMap((d) =>
    [...d.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((m) => ({ text: m[1] ?? '', href: m[2] ?? '' })),
  );
  const viewNote = /^> (This resource is a view\..*)$/m.exec(fieldsSection)?.[1];
  const viewLink = viewNote ? /\[([^\]]+)\]\(([^)]+)\)/.exec(viewNote) : null;
  return {
    frontMatter: {
      title: scalar('title'),
      description: scalar('description'),
      image: scalar('image'),
      keywords,
    },
    overview,
    fields,
    methods,
    links,
    rawMethodDescriptions,
    rawFieldDescriptions: fieldRows.map((r) => r[2] ?? ''),
    describes,
    ...(viewNote && viewLink
      ? { view: { text: cellText(viewNote), link: { text: viewLink[1] ?? '', href: viewLink[2] ?? '' } } }
      : {}),
  };
}
