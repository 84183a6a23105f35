import { describe, expect, it } from 'vitest';
import { parseRichText, plainText } from '../../src/components/ResourceDocs/richText';
import {
  exampleSql,
  methodExamples,
  SAMPLE_DELETED_VERSION_ID,
  SAMPLE_VALUES,
} from '../../src/resources/examples';
import { createSampleDataset } from '../../src/github/sample/dataset';
import { orgVersions } from '../../src/resources/orgVersions';

describe('parseRichText', () => {
  it('splits code spans, https links and line breaks into tokens', () => {
    expect(parseRichText('Use `repo`.<br /><br />See "[About](https://docs.github.com/x#y)."')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'repo' },
      { kind: 'text', text: '.' },
      { kind: 'break' },
      { kind: 'break' },
      { kind: 'text', text: 'See "' },
      { kind: 'link', text: 'About', href: 'https://docs.github.com/x#y' },
      { kind: 'text', text: '."' },
    ]);
  });

  it('keeps HTML and non-https links as plain text', () => {
    const source = '<img src=x onerror=alert(1)> [x](javascript:alert(1))';
    expect(parseRichText(source)).toEqual([{ kind: 'text', text: source }]);
    expect(plainText('a<br/>b')).toBe('a b');
  });
});

describe('SQL examples', () => {
  it('give one statement per method in StackQL form, with the sample values', () => {
    const examples = methodExamples(orgVersions);
    expect(examples.map((e) => e.method)).toEqual(orgVersions.methods.map((m) => m.name));
    const [list, get, del, exec] = examples.map((e) => e.sql);
    expect(list).toMatch(
      /^SELECT[\s\S]+FROM github\.packages\.org_versions\nWHERE org = 'acme'\nAND package_name = 'web\/frontend'\nAND package_type = 'container'\nORDER BY created_at DESC;$/,
    );
    expect(get).toContain(`AND package_version_id = ${SAMPLE_VALUES.package_version_id}`);
    expect(del).toBe(
      "DELETE FROM github.packages.org_versions\nWHERE org = 'acme'\nAND package_name = 'web/frontend'\nAND package_type = 'container'\nAND package_version_id = 81005383;",
    );
    expect(exec).toBe(
      "EXEC github.packages.org_versions.restore_package_version_for_org\n  @org='acme',\n  @package_name='web/frontend',\n  @package_type='container',\n  @package_version_id=81005136;",
    );
  });

  it('use versions that exist in the sample data: a live one to get and delete, a deleted one to restore', () => {
    const pkg = createSampleDataset().packages.find(
      (p) => p.name === SAMPLE_VALUES.package_name && p.type === SAMPLE_VALUES.package_type,
    );
    const live = pkg?.versions.find((v) => v.id === SAMPLE_VALUES.package_version_id);
    const deleted = pkg?.versions.find((v) => v.id === SAMPLE_DELETED_VERSION_ID);
    expect(live?.deleted_at).toBeUndefined();
    expect(live).toBeDefined();
    expect(deleted?.deleted_at).toEqual(expect.any(String));
  });

  it('leaves placeholders for params without a value and escapes quotes', () => {
    const del = orgVersions.methods[2];
    if (!del) throw new Error('no delete method');
    expect(exampleSql(orgVersions, del, { org: "o'brien" })).toBe(
      "DELETE FROM github.packages.org_versions\nWHERE org = 'o''brien'\nAND package_name = '{{ package_name }}'\nAND package_type = '{{ package_type }}'\nAND package_version_id = '{{ package_version_id }}';",
    );
  });
});
