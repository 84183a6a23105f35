import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { decompressFromEncodedURIComponent } from 'lz-string';
import {
  FieldsTable,
  MethodsTable,
  OverviewTable,
  PermissionsTable,
  SqlExamples,
} from '../../../src/components/ResourceDocs';
import { methodExample } from '../../../src/components/ResourceDocs/methodExample';
import { aliasesOf, findResource, findService } from '../../../src/resources/registry';
import type { FieldType, ResourceDef } from '../../../src/resources/types';
import { cellText } from '../../support/seedPage';
import { copyableNames, links, playgroundOpeners, tableHeader, tableRows, text } from './html';
import { originalResources, readOriginalResourcePage } from './originals';

vi.mock('@docusaurus/Link', () => import('./stubs/Link'));
vi.mock('@theme/CodeBlock', () => import('./stubs/CodeBlock'));
vi.mock('@theme/Heading', () => import('./stubs/Heading'));
vi.mock('@theme/Admonition', () => import('./stubs/Admonition'));

/** Text compared as `text()` reads the rendered markup: no space before a comma. */
const fold = (s: string): string => s.replace(/ ,/g, ',');

const FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>([
  'integer',
  'number',
  'string',
  'object',
  'boolean',
  'array',
]);

/**
 * A link of an original description as this site renders it: GitHub's site-relative links on
 * docs.github.com; an in-page anchor (a section of GitHub's page, not of this one) as its text only.
 */
function renderedLink(link: { readonly text: string; readonly href: string }): {
  href: string | undefined;
  text: string;
} {
  const href = link.href.startsWith('#')
    ? undefined
    : link.href.startsWith('/')
      ? `https://docs.github.com${link.href}`
      : link.href;
  return { href, text: cellText(link.text) };
}

/** The rows of the body of a table, split at `</tr>`: the cells of each as markup. */
function bodyRows(html: string): string[] {
  return (/<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '').split('</tr>').filter((r) => r.includes('<td'));
}

/**
 * Every resource page of the provider's originals (tests/fixtures/provider): the resource set comes
 * from the original service pages, so a resource the catalogue lacks fails here. Each component is
 * rendered once per resource and its markup shared by the checks.
 */
describe.each(originalResources().map((r) => [r.id, r] as const))('%s', (id, { service, name }) => {
  const original = readOriginalResourcePage(service, name);
  const found = findResource(id);
  const def = (): ResourceDef => {
    if (!found) throw new Error(`${id} is not in the catalogue`);
    return found;
  };
  const markup = new Map<string, string>();
  const render = (Table: (p: { resource: string }) => React.ReactNode): string => {
    const html = markup.get(Table.name) ?? renderToStaticMarkup(<Table resource={id} />);
    markup.set(Table.name, html);
    return html;
  };

  it('is in the catalogue, in its service, with every Overview row of the original', () => {
    expect(findService(service)?.resources.map((r) => r.id)).toContain(id);
    const rows = tableRows(render(OverviewTable));
    const { 'Also known as': aka, ...overview } = Object.fromEntries(rows.map(([k = '', v = '']) => [k, v]));
    expect(overview).toEqual(original.overview);
    // Today's StackQL names for it, from the catalogue, each copyable.
    const aliases = aliasesOf(def());
    expect(aka).toBe(aliases.length > 0 ? aliases.join(', ') : undefined);
    for (const alias of aliases) expect(copyableNames(render(OverviewTable))).toContain(alias);
  });

  it('shows every field of the original: name, datatype and description, in order', () => {
    const html = render(FieldsTable);
    expect(tableHeader(html)).toEqual(['Name', 'Datatype', 'Description']);
    const rows = tableRows(html);
    expect(rows.map(([n]) => n)).toEqual(original.fields.map(([n]) => n));
    for (const [i, [fieldName, type, description]] of original.fields.entries()) {
      const [, shownType = '', shownDescription = ''] = rows[i] ?? [];
      // A type StackQL's generator left empty or wrote as `null` (a nullable schema), or `text` (a
      // view's SQL type), is shown as the spec's; every other is the original's.
      if (FIELD_TYPES.has(type)) expect(shownType, fieldName).toBe(type);
      else expect(FIELD_TYPES, `${fieldName}: ${type}`).toContain(shownType);
      if (original.describes.fields) expect(shownDescription, fieldName).toBe(fold(description));
    }
  });

  it('shows every method of the original: name, verb, required params and description, in order', () => {
    const html = render(MethodsTable);
    if (original.methods.length === 0) {
      // A view ("No additional methods available"): the catalogue may give it the SELECT it reads with.
      if (def().methods.length === 0)
        expect(text(html)).toBe('No additional methods available for this resource.');
      else expect(tableRows(html).map(([n]) => n)).toEqual(def().methods.map((m) => m.name));
      return;
    }
    expect(tableHeader(html)).toEqual([
      'Name',
      'Accessible by',
      'Required Params',
      'Optional Params',
      'Description',
      'Try it',
    ]);
    const rows = tableRows(html);
    expect(rows.map(([n = '', v = '', p = '']) => [n, v, p])).toEqual(
      original.methods.map(([n, v, p]) => [n, v, fold(p)]),
    );
    if (original.describes.methods)
      expect(rows.map((r) => r[4])).toEqual(original.methods.map(([, , , d]) => fold(d)));
    expect(rows.map((r) => r[3])).toEqual(def().methods.map((m) => m.optionalParams.join(', ')));
    // Every link of the descriptions, with its text (GitHub's relative links made absolute).
    const rendered = links(html);
    const shown = text(html);
    for (const link of original.links.map(renderedLink)) {
      if (link.href) expect(rendered).toContainEqual(link);
      else expect(shown).toContain(link.text);
    }
    for (const { href } of rendered) expect(href).toMatch(/^(https?:\/\/|\/playground#sql=)/);
  });

  it('has an "Open in playground" on every method row, loading that method\'s runnable example', () => {
    const html = render(MethodsTable);
    expect(bodyRows(html).map(playgroundOpeners)).toEqual(def().methods.map(() => 1));
    // Without a playground beside it (as here), the opener links to the full-window playground.
    const sqls = links(html)
      .filter((l) => l.href.startsWith('/playground#sql='))
      .map((l) => decompressFromEncodedURIComponent(l.href.slice('/playground#sql='.length)));
    expect(sqls).toEqual(def().methods.map((m) => methodExample(def(), m.name)?.sql));
    for (const sql of sqls) expect(sql).not.toMatch(/\{\{/);
  });

  it('makes every name copyable: the Id, fields, methods, params and scopes', () => {
    const html = [OverviewTable, FieldsTable, MethodsTable, PermissionsTable].map(render).join('');
    const names = new Set(copyableNames(html));
    const expected = [
      original.overview.Id ?? '',
      ...original.fields.map(([n]) => n),
      ...original.methods.flatMap(([n, , params]) => [n, ...(params ? params.split(', ') : [])]),
      ...def().methods.flatMap((m) => [...m.optionalParams, ...m.scopes]),
    ];
    for (const n of expected) expect(names, n).toContain(n);
  });

  it('lists the classic token scopes of every method, or says none are documented', () => {
    const rows = tableRows(render(PermissionsTable));
    expect(rows).toEqual(
      def().methods.map((m) => [
        m.name,
        m.sqlVerb,
        m.scopes.length > 0 ? m.scopes.join(', ') : 'none documented',
      ]),
    );
  });

  it('shows every example with its SQL, its request and an "Open in playground"', () => {
    const html = render(SqlExamples);
    const examples = def().examples;
    expect(examples.length).toBeGreaterThanOrEqual(def().methods.length);
    const blocks = [...html.matchAll(/<code class="language-sql">([\s\S]*?)<\/code>/g)].map((m) =>
      text(m[1] ?? '').replace(/\s+/g, ' '),
    );
    expect(blocks).toEqual(examples.map((e) => e.sql.replace(/\s+/g, ' ').trim()));
    expect(playgroundOpeners(html)).toBe(examples.length);
    const ids = [...html.matchAll(/<h3 id="([^"]+)">/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(examples.length);
    const shown = text(html);
    for (const m of def().methods) {
      expect(ids).toContain(`example-${m.name}`);
      // The HTTP request each method makes, PUT and PATCH included.
      expect(shown).toContain(`Method ${m.name}: ${m.http.method} ${m.http.path}`);
    }
  });
});
