import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  ProviderServices,
  ServiceIntro,
  ServiceOverviewTable,
  ServiceResources,
} from '../../../src/components/ResourceDocs';
import { allServices, docPath, findService, servicePath } from '../../../src/resources/registry';
import { links, tableRows, text } from './html';
import { originalResourceFolders, originalServices, readOriginalServicePage, siteHref } from './originals';

vi.mock('@docusaurus/Link', () => import('./stubs/Link'));
vi.mock('@theme/CodeBlock', () => import('./stubs/CodeBlock'));
vi.mock('@theme/Heading', () => import('./stubs/Heading'));
vi.mock('@theme/Admonition', () => import('./stubs/Admonition'));

const home = links(renderToStaticMarkup(<ProviderServices />));

/** Every service page of the provider's originals, in the provider home's order. */
describe.each(originalServices())('the %s service page', (service) => {
  const original = readOriginalServicePage(service);

  it('lists the resources whose original pages the service folder holds', () => {
    expect(original.resources.map((r) => r.text).sort()).toEqual(originalResourceFolders(service).sort());
  });

  it('opens with the original description line and the Service Summary counts, from the catalogue', () => {
    const html = renderToStaticMarkup(<ServiceIntro service={service} />);
    expect(text(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')).toBe(original.description);
    expect(html).toContain('Service Summary');
    const counts: Record<string, number> = Object.fromEntries(
      [...html.matchAll(/data-summary="([^"]+)">[\s\S]*?<b>(\d+)<\/b>/g)].map((m) => [
        m[1] ?? '',
        Number(m[2]),
      ]),
    );
    expect(counts).toEqual(original.summary);
  });

  it('shows every Overview row of the original', () => {
    const rows = tableRows(renderToStaticMarkup(<ServiceOverviewTable service={service} />));
    expect(Object.fromEntries(rows.map(([k = '', v = '']) => [k, v]))).toEqual(original.overview);
  });

  it('links every resource of the original, in order, with its name', () => {
    const html = renderToStaticMarkup(<ServiceResources service={service} />);
    expect(links(html)).toEqual(original.resources.map((r) => ({ href: siteHref(r.href), text: r.text })));
    // Each row also names the resource's id and what it holds, as SHOW RESOURCES does.
    const def = findService(service);
    expect(tableRows(html)).toEqual(def?.resources.map((r) => [r.name, r.id, r.summary]));
  });

  it('is listed on the provider home with links to it and to each of its resources', () => {
    expect(home).toContainEqual({ href: servicePath({ name: service }), text: service });
    for (const r of original.resources) expect(home).toContainEqual({ href: siteHref(r.href), text: r.text });
  });
});

describe('paths', () => {
  it('serve each resource page under its service page', () => {
    for (const s of allServices())
      for (const r of s.resources) expect(docPath(r)).toBe(`${servicePath(s)}/${r.name}`);
  });
});
