import { describe, expect, it } from 'vitest';

import { exampleByKey, exampleGroups, exampleKey } from '../../../src/components/Playground/exampleList';
import {
  exportBaseName,
  openingSql,
  resourceAtPath,
  startingResource,
  warmingSql,
} from '../../../src/components/Playground/pageResource';
import { docPath, allResources } from '../../../src/resources/registry';
import type { ResourceDef } from '../../../src/resources/types';

describe('the page’s resource', () => {
  it('is the resource whose reference page this is, with or without a base URL or trailing slash', () => {
    for (const r of allResources()) {
      expect(resourceAtPath(docPath(r), allResources())).toBe(r);
      expect(resourceAtPath(`/docs-base${docPath(r)}/`, allResources())).toBe(r);
    }
    expect(resourceAtPath('/playground', allResources())).toBeUndefined();
    expect(resourceAtPath('/services/packages', allResources())).toBeUndefined();
  });

  it('starts the playground on the page’s resource, else on one with examples', () => {
    for (const r of allResources()) expect(startingResource(docPath(r), allResources())).toBe(r);
    const home = startingResource('/playground', allResources());
    expect(home?.examples.length).toBeGreaterThan(0);
  });
});

describe('export file names', () => {
  it('name the resources the query reads', () => {
    expect(
      exportBaseName("SELECT id FROM github.packages.org_versions WHERE org = 'acme'", allResources()),
    ).toBe('org_versions');
    expect(
      exportBaseName(
        'SELECT 1 FROM github.packages.org_packages p JOIN github.packages.org_versions v ON v.package_name = p.name',
        allResources(),
      ),
    ).toBe('org_packages-org_versions');
    expect(exportBaseName('SHOW SERVICES IN github', allResources())).toBe('result');
    expect(exportBaseName('SELECT 1 + 1', allResources())).toBe('result');
  });
});

describe('the example picker', () => {
  it('groups every example of every resource, the page’s resource first', () => {
    const page = allResources()[allResources().length - 1];
    const groups = exampleGroups(allResources(), page);
    expect(groups[0]?.resource).toBe(page);
    expect(groups.map((g) => g.resource.id).sort()).toEqual(
      allResources()
        .map((r) => r.id)
        .sort(),
    );
    for (const g of groups) {
      expect(g.examples.slice(0, g.resource.examples.length)).toEqual(g.resource.examples);
      expect(g.examples.map((x) => x.sql)).toEqual(
        expect.arrayContaining([`SHOW METHODS IN ${g.resource.id};`, `DESCRIBE ${g.resource.id};`]),
      );
    }
    expect(exampleGroups(allResources()).map((g) => g.resource)).toEqual(allResources());
  });

  it('finds each example by its option value, even where titles repeat', () => {
    const groups = exampleGroups(allResources());
    const keys = groups.flatMap((g) => g.examples.map((_, i) => exampleKey(g, i)));
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of groups) {
      g.examples.forEach((x, i) => {
        expect(exampleByKey(groups, exampleKey(g, i))).toBe(x);
      });
    }
    expect(exampleByKey(groups, '')).toBeUndefined();
    expect(exampleByKey(groups, 'github.packages.nope#0')).toBeUndefined();
  });

  it('includes the package-level writes and the JOIN', () => {
    const sql = exampleGroups(allResources()).flatMap((g) => g.examples.map((x) => x.sql));
    expect(sql.some((s) => s.startsWith('DELETE FROM github.packages.org_packages'))).toBe(true);
    expect(sql.some((s) => s.includes('restore_package_for_org'))).toBe(true);
    expect(sql.some((s) => /\bJOIN\b/.test(s))).toBe(true);
  });
});

describe('the SQL the playground opens with, and the SQL it compiles ahead', () => {
  const resource: Pick<ResourceDef, 'examples'> = {
    examples: [{ title: 'Example', method: 'list', sql: 'SELECT page_example' }],
  };
  const shared = { sql: 'SELECT from_a_link' };
  const typed = { value: 'SELECT typed', edited: true };
  const untouched = { value: 'SELECT page_example', edited: false };

  it('opens with what the reader typed, else a shared link, else the page’s example', () => {
    expect(openingSql({ draft: typed, shared, resource })).toBe('SELECT typed');
    expect(openingSql({ draft: untouched, shared, resource })).toBe('SELECT from_a_link');
    expect(openingSql({ draft: untouched, resource })).toBe('SELECT page_example');
    expect(openingSql({})).toBe('');
  });

  it('never compiles a shared link’s query before Run: only the reader’s own or the page’s', () => {
    expect(warmingSql({ draft: untouched, shared, resource })).toBe('');
    expect(warmingSql({ shared, resource })).toBe('');
    expect(warmingSql({ draft: typed, shared, resource })).toBe('SELECT typed');
    expect(warmingSql({ draft: untouched, resource })).toBe('SELECT page_example');
    expect(warmingSql({ resource })).toBe('SELECT page_example');
  });
});
