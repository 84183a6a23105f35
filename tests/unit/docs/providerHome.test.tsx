import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  ProviderIntro,
  ProviderServices,
  providerSummary,
  serviceSummary,
} from '../../../src/components/ResourceDocs';
import { allServices, SERVICE_OVERVIEW, servicePath } from '../../../src/resources/registry';
import { DOCS_DIR } from '../../../scripts/generate-docs.mjs';
import { links, text } from './html';
import { readOriginalProviderPage, siteHref } from './originals';

vi.mock('@docusaurus/Link', () => import('./stubs/Link'));
vi.mock('@theme/CodeBlock', () => import('./stubs/CodeBlock'));
vi.mock('@theme/Heading', () => import('./stubs/Heading'));
vi.mock('@theme/Admonition', () => import('./stubs/Admonition'));

const original = readOriginalProviderPage();
const page = readFileSync(join(DOCS_DIR, 'index.mdx'), 'utf8');

/**
 * Markdown or MDX → the words a reader sees: code blocks and HTML tags out, CopyableCode as its code,
 * links as their text, list and quote markers and backticks dropped, white space folded.
 */
function prose(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<CopyableCode code="([^"]*)" \/>/g, '$1')
    .replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/^\s*(?:[-*>]|\* \* \*)\s/gm, ' ')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fenced code blocks of a text: language and lines, blank lines and edge spaces dropped. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(
    ([, lang = '', code = '']) =>
      `${lang}: ${code
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n')}`,
  );
}

/** The sentences of a text's prose (split at full stops and colons), for a containment check. */
function sentences(markdown: string): string[] {
  return prose(markdown)
    .split(/(?<=[.:])\s+/)
    .filter((s) => s.length > 0);
}

function pageSection(heading: string): string {
  const start = page.indexOf(`\n## ${heading}\n`);
  const rest = page.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return start < 0 ? '' : end < 0 ? rest : rest.slice(0, end);
}

describe('the provider home', () => {
  it("opens with the original's description line", () => {
    expect(prose(page)).toContain(original.description);
  });

  it("shows the original's summary, computed from the catalogue: 31 services, 281 resources, 276 selectable, 885 methods", () => {
    const html = renderToStaticMarkup(<ProviderIntro />);
    expect(text(html)).toContain(`Provider Summary (${original.version})`);
    const counts = Object.fromEntries(
      [...html.matchAll(/data-summary="([^"]+)">[\s\S]*?<b>(\d+)<\/b>/g)].map((m) => [
        m[1] ?? '',
        Number(m[2]),
      ]),
    );
    expect(counts).toEqual(original.summary);
    expect(original.summary).toEqual({
      'total services': 31,
      'total methods': 885,
      'total resources': 281,
      'total selectable resources': 276,
    });
  });

  it('counts from the overview every page has what the full definitions hold', () => {
    const full = allServices();
    expect(SERVICE_OVERVIEW.map((s) => s.name)).toEqual(full.map((s) => s.name));
    const summaries = full.map(serviceSummary);
    const summary = providerSummary(SERVICE_OVERVIEW);
    expect({ ...summary, version: undefined }).toEqual({
      version: undefined,
      services: full.length,
      resources: summaries.reduce((n, s) => n + s.resources, 0),
      selectableResources: summaries.reduce((n, s) => n + s.selectableResources, 0),
      methods: summaries.reduce((n, s) => n + s.methods, 0),
    });
    expect(providerSummary([]).version).toBeUndefined();
  });

  it('links the "See also" language pages of the original', () => {
    for (const { text: label, href } of original.seeAlso) expect(page).toContain(`[\`${label}\`](${href})`);
  });

  it.each(['Installation', 'Authentication'] as const)(
    "has the original's %s section: every sentence, code block, link and copyable name",
    (heading) => {
      const source = original.sections[heading];
      const mine = pageSection(heading);
      const shown = prose(mine);
      for (const sentence of sentences(source)) expect(shown, sentence).toContain(sentence);
      const blocks = codeBlocks(mine);
      for (const block of codeBlocks(source)) expect(blocks).toContain(block);
      const mdLinks = (md: string, pattern: RegExp): string[] =>
        [...md.matchAll(pattern)].map(
          ([, label = '', href = '']) => `${label.replace(/\s+/g, ' ')} → ${href}`,
        );
      const myLinks = mdLinks(mine, /\[([^\]]+)\]\(([^)\s]+)\)/g);
      for (const link of [
        ...[...source.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(
          ([, href, label]) => `${label} → ${href}`,
        ),
        ...mdLinks(source, /\[([^\]]+)\]\(([^)\s]+)\)/g),
      ])
        expect(myLinks).toContain(link);
      for (const [code] of source.matchAll(/<CopyableCode code="[^"]*" \/>/g)) expect(mine).toContain(code);
    },
  );

  it('lists every service of the original, in order, each linked to its page', () => {
    const rendered = links(renderToStaticMarkup(<ProviderServices />)).filter((l) =>
      /^\/services\/\w+$/.test(l.href),
    );
    expect(rendered).toEqual(original.services.map((s) => ({ href: siteHref(s.href), text: s.text })));
    expect(rendered.map((l) => l.href)).toEqual(SERVICE_OVERVIEW.map(servicePath));
  });
});
