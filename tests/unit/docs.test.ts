import { describe, expect, it } from 'vitest';
import { parseRichText, plainText } from '../../src/components/ResourceDocs/richText';
import { exampleIds, methodExample } from '../../src/components/ResourceDocs/methodExample';
import { serviceSummary } from '../../src/components/ResourceDocs/serviceSummary';
import { getResource, allResources, allServices } from '../../src/resources/registry';

describe('parseRichText', () => {
  it('splits code spans, https links and line breaks into tokens', () => {
    expect(parseRichText('Use `repo`.<br /><br />See "[About](https://docs.github.com/x#y)."')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'repo' },
      { kind: 'text', text: '.' },
      { kind: 'break' },
      { kind: 'break' },
      { kind: 'text', text: 'See "' },
      { kind: 'link', href: 'https://docs.github.com/x#y', children: [{ kind: 'text', text: 'About' }] },
      { kind: 'text', text: '."' },
    ]);
  });

  it('keeps HTML and links to other schemes as plain text', () => {
    const source = '<img src=x onerror=alert(1)> [x](javascript:alert(1))';
    expect(parseRichText(source)).toEqual([{ kind: 'text', text: source }]);
    expect(plainText('a<br/>b')).toBe('a b');
  });

  it("puts GitHub's site-relative links on docs.github.com and keeps an in-page anchor's text only", () => {
    expect(parseRichText('[Get a commit](/rest/commits/commits#get-a-commit)')).toEqual([
      {
        kind: 'link',
        href: 'https://docs.github.com/rest/commits/commits#get-a-commit',
        children: [{ kind: 'text', text: 'Get a commit' }],
      },
    ]);
    expect(parseRichText('see "[Set permissions](#set-permissions)."')).toEqual([
      { kind: 'text', text: 'see "Set permissions."' },
    ]);
    expect(parseRichText('[`check_run` webhook](http://example.com/a)')).toEqual([
      {
        kind: 'link',
        href: 'http://example.com/a',
        children: [
          { kind: 'code', text: 'check_run' },
          { kind: 'text', text: ' webhook' },
        ],
      },
    ]);
  });

  it('reads bold, escapes, entities and fenced code as the provider pages write them', () => {
    expect(
      parseRichText('**Note:** `refs/heads/&lt;branch&gt;` a\\|b commit\\_comments &#123;x&#125; **open'),
    ).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'Note:' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'refs/heads/<branch>' },
      { kind: 'text', text: ' a|b commit_comments {x} **open' },
    ]);
    expect(
      parseRichText('For example:<br /><br />```<br />gzip -c a.sarif \\| base64 -w0<br />```<br />Done'),
    ).toEqual([
      { kind: 'text', text: 'For example:' },
      { kind: 'break' },
      { kind: 'pre', text: 'gzip -c a.sarif | base64 -w0' },
      { kind: 'text', text: 'Done' },
    ]);
    expect(plainText('a```<br />x<br />y<br />```b')).toBe('a x\ny b');
  });
});

describe('SQL examples on the docs pages', () => {
  it.each(allResources().map((r) => [r.id, r] as const))(
    '%s: one runnable example per method, in method order, in StackQL form',
    (_, resource) => {
      const own = resource.examples.slice(0, resource.methods.length);
      expect(own.map((e) => e.method)).toEqual(resource.methods.map((m) => m.name));
      for (const method of resource.methods) {
        const sql = methodExample(resource, method.name)?.sql ?? '';
        expect(sql, method.name).not.toMatch(/\{\{/); // sample values filled in: it runs as loaded
        const start = {
          SELECT: new RegExp(`^SELECT[\\s\\S]+FROM ${resource.id.replaceAll('.', '\\.')}\\b`),
          DELETE: new RegExp(`^DELETE FROM ${resource.id.replaceAll('.', '\\.')}\\b`),
          EXEC: new RegExp(`^EXEC ${`${resource.id}.${method.name}`.replaceAll('.', '\\.')}\\b`),
          INSERT: new RegExp(`^INSERT INTO ${resource.id.replaceAll('.', '\\.')}\\b`),
          UPDATE: new RegExp(`^UPDATE ${resource.id.replaceAll('.', '\\.')}\\b`),
          REPLACE: new RegExp(`^REPLACE ${resource.id.replaceAll('.', '\\.')}\\b`),
        }[method.sqlVerb];
        expect(sql, method.name).toMatch(start);
        for (const param of method.requiredParams)
          expect(sql, `${method.name} gives ${param}`).toContain(param);
      }
    },
  );

  it('keeps the org_versions statements of the design, on the sample package', () => {
    const [list, get, del, exec] = getResource('github.packages.org_versions').examples.map((e) => e.sql);
    expect(list).toMatch(
      /^SELECT[\s\S]+FROM github\.packages\.org_versions\nWHERE org = 'acme'\nAND package_name = 'web\/frontend'\nAND package_type = 'container'\nORDER BY created_at DESC;$/,
    );
    expect(get).toContain('AND package_version_id = 81005383');
    expect(del).toBe(
      "DELETE FROM github.packages.org_versions\nWHERE org = 'acme'\nAND package_name = 'web/frontend'\nAND package_type = 'container'\nAND package_version_id = 81005383;",
    );
    expect(exec).toBe(
      "EXEC github.packages.org_versions.restore_package_version_for_org\n  @org='acme',\n  @package_name='web/frontend',\n  @package_type='container',\n  @package_version_id=81005136;",
    );
  });

  it('gives each example a unique heading id, the method name for its own one', () => {
    expect(exampleIds([{ method: 'a' }, { method: 'b' }, { method: 'a' }, { method: 'a' }])).toEqual([
      'example-a',
      'example-b',
      'example-a-2',
      'example-a-3',
    ]);
  });
});

describe('serviceSummary', () => {
  it('counts resources, selectable resources and methods from the catalogue', () => {
    for (const service of allServices()) expect(serviceSummary(service)).toEqual(service.summary);
    const m = (sqlVerb: 'SELECT' | 'EXEC') =>
      ({ sqlVerb }) as ReturnType<typeof allResources>[number]['methods'][number];
    expect(
      serviceSummary({ resources: [{ methods: [m('SELECT'), m('EXEC')] }, { methods: [m('EXEC')] }] }),
    ).toEqual({
      resources: 2,
      selectableResources: 1,
      methods: 3,
    });
  });
});
