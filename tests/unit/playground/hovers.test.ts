import { describe, expect, it } from 'vitest';

import { hoverAt, hoverText } from '../../../src/components/Playground/editor/hovers';
import { allResources } from '../../../src/resources/registry';
import { at, CATALOGUE, packages, versions } from './editorCatalogue';

/** The hover with the cursor at `|` (the character after it is hovered). */
const hover = (marked: string) => hoverAt(...at(marked), CATALOGUE)?.text;

describe('hoverText', () => {
  it('shows a field with its type and description', () => {
    expect(hoverText(versions, 'id')).toBe('**id** `integer` — Unique identifier of the package version.');
  });

  it('shows a field with no description without a dangling dash', () => {
    expect(hoverText(versions, 'metadata')).toBe('**metadata** `object`');
  });

  it('shows a param with its type, description and allowed values', () => {
    expect(hoverText(versions, 'state')).toBe(
      '**state** (param, `string`) — The state of the package, either active or deleted. One of `active`, `deleted`.',
    );
    const types = versions.params.package_type?.enum ?? [];
    expect(hoverText(versions, 'package_type')).toContain(types.map((t) => `\`${t}\``).join(', '));
    expect(hoverText(versions, 'org')).toBe(
      '**org** (param, `string`) — The organization name. The name is not case sensitive.',
    );
  });

  it('shows a method with its verb and required params', () => {
    expect(hoverText(versions, 'delete_package_version_for_org')).toBe(
      '**delete_package_version_for_org** (DELETE) — requires org, package_name, package_type, package_version_id',
    );
  });

  it('has nothing for other words, case included', () => {
    for (const word of ['SELECT', 'ID', '', 'toString', '__proto__', 'constructor'])
      expect(hoverText(versions, word), word).toBeUndefined();
  });
});

describe('hoverAt', () => {
  const JOIN =
    "SELECT p.name, v.name FROM github.packages.org_packages p JOIN github.packages.org_versions v ON v.package_name = p.name WHERE p.org = 'acme'";

  it('shows `p.name` as the field of p’s resource, and `v.name` as v’s', () => {
    expect(hover(JOIN.replace('p.name,', 'p.|name,'))).toBe(hoverText(packages, 'name'));
    expect(hover(JOIN.replace('v.name FROM', 'v.|name FROM'))).toBe(hoverText(versions, 'name'));
    expect(hover(JOIN.replace('p.org', 'p.|org'))).toBe(hoverText(packages, 'org'));
    // The span is the word only.
    const [text, offset] = at(JOIN.replace('p.name,', 'p.na|me,'));
    const h = hoverAt(text, offset, CATALOGUE);
    expect(text.slice(h?.start, h?.end)).toBe('name');
  });

  it('shows what an alias stands for', () => {
    expect(hover(JOIN.replace('p.name,', '|p.name,'))).toBe(
      '**p** — alias of `github.packages.org_packages`',
    );
    expect(hover(JOIN.replace('versions v ON', 'versions |v ON'))).toBe(
      '**v** — alias of `github.packages.org_versions`',
    );
  });

  it('shows each table’s meaning of an unqualified column a JOIN’s tables share', () => {
    const text = hover(
      'SELECT |name FROM github.packages.org_packages p JOIN github.packages.org_versions v ON 1',
    );
    expect(text).toBe(
      [
        `\`org_packages\`: ${hoverText(packages, 'name') ?? ''}`,
        `\`org_versions\`: ${hoverText(versions, 'name') ?? ''}`,
      ].join('\n\n'),
    );
    expect(
      hover(
        'SELECT |version_count FROM github.packages.org_packages p JOIN github.packages.org_versions v ON 1',
      ),
    ).toBe(hoverText(packages, 'version_count'));
  });

  it('describes each part of a resource name and an EXEC method', () => {
    expect(hover('SELECT * FROM |github.packages.org_versions')).toBe(
      '**github** (provider) — services: packages, repos',
    );
    expect(hover('SELECT * FROM github.|packages.org_versions')).toBe(
      '**github.packages** (service) — resources: org_packages, org_versions',
    );
    expect(hover('DESCRIBE github.packages.|org_packages')).toBe(
      `**github.packages.org_packages** (resource) — ${packages.summary}`,
    );
    expect(hover("EXEC github.packages.org_packages.|restore_package_for_org @org='acme'")).toBe(
      hoverText(packages, 'restore_package_for_org'),
    );
  });

  it('shows an EXEC `@param` from the EXEC’s resource', () => {
    expect(hover("EXEC github.packages.org_packages.restore_package_for_org |@visibility='x'")).toBe(
      hoverText(packages, 'visibility'),
    );
  });

  it('has nothing for a column of no table in the statement, keywords, strings or unknown qualifiers', () => {
    expect(hover('SELECT |version_count FROM github.packages.org_versions')).toBeUndefined();
    expect(hover('|SELECT id FROM github.packages.org_versions')).toBeUndefined();
    expect(hover("SELECT id FROM github.packages.org_versions WHERE org = '|acme'")).toBeUndefined();
    expect(hover('SELECT q.|name FROM github.packages.org_packages p')).toBeUndefined();
    expect(hover('SELECT |constructor FROM github.packages.org_packages p')).toBeUndefined();
  });

  it('knows every field of every resource of the real catalogue through an alias', () => {
    for (const r of allResources()) {
      // A name that is no plain identifier (`content-submodule__links`) is no one word to hover.
      for (const f of r.fields.filter((x) => /^[A-Za-z_]\w*$/.test(x.name))) {
        const [text, offset] = at(`SELECT t.|${f.name} FROM ${r.id} t`);
        expect(hoverAt(text, offset, allResources())?.text, `${r.id} ${f.name}`).toBe(hoverText(r, f.name));
      }
    }
  });
});
