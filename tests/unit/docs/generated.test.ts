import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, renderDocs, staleDocs } from '../../../scripts/generate-docs.mjs';
import { docPath, allResources, servicePath, allServices } from '../../../src/resources/registry';
import { readOriginalResourcePage } from './originals';

const files = await renderDocs();
const committed = (path: string): string => readFileSync(join(DOCS_DIR, path), 'utf8');

describe('generated docs pages (npm run docs:generate)', () => {
  it('are committed exactly as the generator writes them from the catalogue', () => {
    for (const file of files)
      expect(committed(file.path), `${file.path}: run npm run docs:generate`).toBe(file.content);
    expect(
      staleDocs(files),
      'generated pages the catalogue no longer has: run npm run docs:generate',
    ).toEqual([]);
  });

  it('give every service and resource of the catalogue its page at its path', () => {
    expect(files.map((f) => `/${f.path.replace(/(\/index)?\.mdx$/, '')}`).sort()).toEqual(
      [...allServices().map(servicePath), ...allResources().map(docPath)].sort(),
    );
  });

  it.each(allResources().map((r) => [r.id, r] as const))(
    '%s: sections that read the catalogue, no tables',
    (id, r) => {
      const page = files.find((f) => f.path === `${docPath(r).slice(1)}.mdx`)?.content ?? '';
      const headings = [...page.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
      expect(headings).toEqual(['Overview', 'Fields', 'Methods', 'Permissions', 'SQL examples']);
      for (const c of ['OverviewTable', 'FieldsTable', 'MethodsTable', 'PermissionsTable', 'SqlExamples'])
        expect(page).toContain(`<${c} resource="${id}" />`);
      expect(page).not.toMatch(/^\|/m);
      expect(page).not.toContain('<table');
    },
  );

  it.each(allResources().map((r) => [r.id, r] as const))('%s: front matter of the original page', (_, r) => {
    const page = files.find((f) => f.path === `${docPath(r).slice(1)}.mdx`)?.content ?? '';
    const original = readOriginalResourcePage(r.service, r.name).frontMatter;
    expect(/^title: (.*)$/m.exec(page)?.[1]).toBe(original.title);
    expect(/^description: (.*)$/m.exec(page)?.[1]).toBe(original.description);
    const keywords = [...(/^keywords:\n((?: {2}- .*\n)+)/m.exec(page)?.[1]?.matchAll(/- (.*)/g) ?? [])].map(
      (m) => (m[1] ?? '').trim(),
    );
    expect(keywords).toEqual(original.keywords);
  });
});
