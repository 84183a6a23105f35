import { describe, expect, it } from 'vitest';

import { completionEntries, hoverText } from '../../../src/components/Playground/editor/completions';
import { orgVersions, PACKAGE_TYPES, VERSION_STATES } from '../../../src/resources/orgVersions';
import type { ResourceDef } from '../../../src/resources/types';
import { JSON_FUNCTIONS } from '../../../src/sql/allowList';

const entries = completionEntries(orgVersions);
const byKind = (kind: string) => entries.filter((e) => e.kind === kind);
const labels = (kind: string) => byKind(kind).map((e) => e.label);

describe('completionEntries', () => {
  it('offers the resource id and its service', () => {
    expect(byKind('resource')).toEqual([
      expect.objectContaining({
        label: 'github.packages.org_versions',
        insertText: 'github.packages.org_versions',
        documentation: orgVersions.summary,
      }),
      expect.objectContaining({ label: 'github.packages', insertText: 'github.packages' }),
    ]);
  });

  it('offers every field, in definition order, with its type and description', () => {
    expect(labels('field')).toEqual(orgVersions.fields.map((f) => f.name));
    expect(labels('field')).toEqual(expect.arrayContaining(['id', 'name', 'metadata', 'html_url']));
    const id = byKind('field').find((e) => e.label === 'id');
    expect(id).toMatchObject({
      detail: 'integer',
      documentation: 'Unique identifier of the package version.',
    });
    // An empty description gives no documentation rather than an empty popup.
    expect(byKind('field').find((e) => e.label === 'metadata')).toMatchObject({
      detail: 'object',
      documentation: undefined,
    });
  });

  it('offers every param, required and optional', () => {
    expect(labels('param').sort()).toEqual(Object.keys(orgVersions.params).sort());
    expect(labels('param')).toEqual(
      expect.arrayContaining([
        'org',
        'package_type',
        'package_name',
        'package_version_id',
        'state',
        'per_page',
        'page',
      ]),
    );
    expect(byKind('param').find((e) => e.label === 'per_page')).toMatchObject({ detail: 'param · integer' });
  });

  it('offers every package_type and state value, quoted', () => {
    const values = byKind('value');
    for (const t of PACKAGE_TYPES)
      expect(values).toContainEqual(
        expect.objectContaining({ insertText: `'${t}'`, detail: 'package_type value' }),
      );
    for (const s of VERSION_STATES)
      expect(values).toContainEqual(expect.objectContaining({ insertText: `'${s}'`, detail: 'state value' }));
    expect(values).toHaveLength(PACKAGE_TYPES.length + VERSION_STATES.length);
  });

  it('offers every method; EXEC methods insert the `resource.method` form', () => {
    const methods = byKind('method');
    expect(methods.map((m) => m.label)).toEqual(orgVersions.methods.map((m) => m.name));
    expect(methods.find((m) => m.label === 'restore_package_version_for_org')).toMatchObject({
      insertText: 'github.packages.org_versions.restore_package_version_for_org',
      detail: 'EXEC · requires org, package_name, package_type, package_version_id',
    });
    expect(methods.find((m) => m.label === 'delete_package_version_for_org')).toMatchObject({
      insertText: 'delete_package_version_for_org',
      detail: expect.stringMatching(/^DELETE · requires /) as unknown,
    });
  });

  it('offers the JSON functions with a ready-to-edit call', () => {
    expect(labels('function')).toEqual([...JSON_FUNCTIONS]);
    expect(byKind('function')[0]).toMatchObject({
      label: 'json_extract',
      insertText: "json_extract(metadata, '$.container.tags')",
    });
  });

  it('offers keywords, including the StackQL statements', () => {
    expect(labels('keyword')).toEqual(
      expect.arrayContaining([
        'SELECT',
        'FROM',
        'WHERE',
        'ORDER BY',
        'LIMIT',
        'DELETE FROM',
        'EXEC',
        'SHOW METHODS IN',
        'DESCRIBE',
      ]),
    );
  });

  it('has no duplicate labels within a kind', () => {
    for (const kind of ['resource', 'field', 'param', 'value', 'method', 'keyword', 'function']) {
      const l = labels(kind);
      expect(new Set(l).size, kind).toBe(l.length);
    }
  });

  it('follows the definition it is given (no hand-written list)', () => {
    const other: ResourceDef = {
      ...orgVersions,
      id: 'github.packages.other',
      fields: [{ name: 'extra', type: 'boolean', required: false, description: 'A test field.' }],
    };
    const e = completionEntries(other);
    expect(e.filter((x) => x.kind === 'field').map((x) => x.label)).toEqual(['extra']);
    expect(e.find((x) => x.label === 'restore_package_version_for_org')?.insertText).toBe(
      'github.packages.other.restore_package_version_for_org',
    );
  });
});

describe('hoverText', () => {
  it('shows a field with its type and description', () => {
    expect(hoverText(orgVersions, 'id')).toBe('**id** `integer` — Unique identifier of the package version.');
  });

  it('shows a field with no description without a dangling dash', () => {
    expect(hoverText(orgVersions, 'metadata')).toBe('**metadata** `object`');
  });

  it('shows a param with its type, description and allowed values', () => {
    const text = hoverText(orgVersions, 'state');
    expect(text).toBe(
      '**state** (param, `string`) — The state of the package, either active or deleted. One of `active`, `deleted`.',
    );
    expect(hoverText(orgVersions, 'package_type')).toContain(PACKAGE_TYPES.map((t) => `\`${t}\``).join(', '));
    expect(hoverText(orgVersions, 'org')).toBe(
      '**org** (param, `string`) — The organization name. The name is not case sensitive.',
    );
  });

  it('shows a method with its verb and required params', () => {
    expect(hoverText(orgVersions, 'delete_package_version_for_org')).toBe(
      '**delete_package_version_for_org** (DELETE) — requires org, package_name, package_type, package_version_id',
    );
  });

  it('has nothing for other words, case included', () => {
    expect(hoverText(orgVersions, 'SELECT')).toBeUndefined();
    expect(hoverText(orgVersions, 'ID')).toBeUndefined();
    expect(hoverText(orgVersions, '')).toBeUndefined();
    expect(hoverText(orgVersions, 'toString')).toBeUndefined();
    expect(hoverText(orgVersions, '__proto__')).toBeUndefined();
    expect(hoverText(orgVersions, 'constructor')).toBeUndefined();
  });
});
