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
import { ALIASES, findService, getResource } from '../../../src/resources/registry';
import { copyableNames, links, playgroundOpeners, tableHeader, tableRows, text } from './html';
import { readOriginalResourcePage, readOriginalServicePage } from './originals';

vi.mock('@docusaurus/Link', () => import('./stubs/Link'));
vi.mock('@theme/CodeBlock', () => import('./stubs/CodeBlock'));
vi.mock('@theme/Heading', () => import('./stubs/Heading'));
vi.mock('@theme/Admonition', () => import('./stubs/Admonition'));

const SERVICE = 'packages';
/** The resources the original service page lists: each must have a page carrying its original's facts. */
const NAMES = readOriginalServicePage(SERVICE).resources.map((r) => r.text);

describe.each(NAMES)('the %s page', (name) => {
  const id = `github.${SERVICE}.${name}`;
  const original = readOriginalResourcePage(SERVICE, name);
  const def = (): ReturnType<typeof getResource> => getResource(id);
  const render = (Table: (p: { resource: string }) => React.ReactNode): string =>
    renderToStaticMarkup(<Table resource={id} />);

  it('is in the catalogue, in its service', () => {
    expect(findService(SERVICE)?.resources.map((r) => r.id)).toContain(id);
  });

  it('shows every Overview row of the original', () => {
    const rows = tableRows(render(OverviewTable)).filter(([k]) => k !== 'Also known as');
    expect(Object.fromEntries(rows.map(([k = '', v = '']) => [k, v]))).toEqual(original.overview);
  });

  it("says which of today's StackQL names it is also known by, each copyable, from the catalogue", () => {
    const html = render(OverviewTable);
    const aka = tableRows(html).find(([k]) => k === 'Also known as');
    const aliases = ALIASES.filter((a) => a.members.includes(def())).map((a) => a.id);
    expect(aka?.[1]).toBe(aliases.length > 0 ? aliases.join(', ') : undefined);
    for (const id of aliases) expect(copyableNames(html)).toContain(id);
  });

  it('shows every field of the original: name, datatype and description, in order', () => {
    const html = render(FieldsTable);
    expect(tableHeader(html)).toEqual(['Name', 'Datatype', 'Description']);
    expect(tableRows(html)).toEqual(original.fields);
  });

  it('shows every method of the original: name, verb, required params and description, in order', () => {
    const html = render(MethodsTable);
    expect(tableHeader(html)).toEqual([
      'Name',
      'Accessible by',
      'Required Params',
      'Optional Params',
      'Description',
      'Try it',
    ]);
    const rows = tableRows(html);
    expect(rows.map(([n = '', v = '', p = '', , d = '']) => [n, v, p, d])).toEqual(original.methods);
    expect(rows.map((r) => r[3])).toEqual(def().methods.map((m) => m.optionalParams.join(', ')));
  });

  it('keeps every link of the method descriptions, with its text', () => {
    const html = render(MethodsTable);
    const rendered = links(html);
    for (const link of original.links) expect(rendered).toContainEqual(link);
  });

  it('has an "Open in playground" on every method row, loading that method\'s runnable example', () => {
    const html = render(MethodsTable);
    const rows = /<tbody>([\s\S]*)<\/tbody>/
      .exec(html)?.[1]
      ?.split('</tr>')
      .filter((r) => r.includes('<td'));
    expect(rows?.map(playgroundOpeners)).toEqual(def().methods.map(() => 1));
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

  it('lists the classic token scopes of every method', () => {
    expect(tableRows(render(PermissionsTable))).toEqual(
      def().methods.map((m) => [m.name, m.sqlVerb, m.scopes.join(', ')]),
    );
    for (const m of def().methods) expect(m.scopes).toContain('read:packages');
  });

  it('shows every example of the catalogue with its SQL and an "Open in playground"', () => {
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
    for (const m of def().methods) expect(ids).toContain(`example-${m.name}`);
  });
});
