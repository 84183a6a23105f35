import { describe, expect, it } from 'vitest';
import { exampleSql } from '../../../src/resources/catalogue/exampleSql';
import { findMethod, findResource, getResource, allResources } from '../../../src/resources/registry';

const writes = allResources().flatMap((r) =>
  r.methods.filter((m) => m.sqlVerb !== 'SELECT').map((m) => [`${r.id}.${m.name}`, r, m] as const),
);

describe.each(writes)('%s looks up the rows it touches', (_, resource, method) => {
  it('with a SELECT of its service whose GET path is its path (without /restore), where one is', () => {
    const path = method.http.path.replace(/\/restore$/, '');
    const gets = allResources()
      .filter((r) => r.service === resource.service)
      .flatMap((r) =>
        r.methods.filter((m) => m.sqlVerb === 'SELECT' && m.http.method === 'GET' && m.http.path === path),
      );
    const lookup = method.lookup;
    expect(lookup === undefined, 'a lookup exactly where a GET reads its path').toBe(gets.length === 0);
    if (!lookup) return;
    const target = findResource(lookup.resource);
    const select = target && findMethod(target, lookup.method);
    expect(select?.sqlVerb).toBe('SELECT');
    expect(select?.http.method).toBe('GET');
    expect(select?.http.path).toBe(path);
  });
});

describe('lookups of the organization writes', () => {
  it('name the package and the version reads', () => {
    const pkg = getResource('github.packages.org_packages');
    const versions = getResource('github.packages.org_versions');
    expect(findMethod(pkg, 'delete_package_for_org')?.lookup).toEqual({
      resource: 'github.packages.org_packages',
      method: 'get_package_for_organization',
    });
    expect(findMethod(versions, 'delete_package_version_for_org')?.lookup).toEqual({
      resource: 'github.packages.org_versions',
      method: 'get_package_version_for_organization',
    });
    expect(
      allResources()
        .flatMap((r) => r.methods)
        .filter((m) => m.sqlVerb === 'SELECT' && m.lookup),
    ).toEqual([]);
  });
});

describe.each(allResources().map((r) => [r.name, r] as const))('%s examples', (_, resource) => {
  it('give one statement per method, in method order, naming every required param', () => {
    const generated = resource.examples.slice(0, resource.methods.length);
    expect(generated.map((e) => e.method)).toEqual(resource.methods.map((m) => m.name));
    for (const [i, m] of resource.methods.entries()) {
      const sql = generated[i]?.sql ?? '';
      // An INSERT names its params as columns; every other statement as `p =` or `@p=`.
      const given = (p: string) =>
        m.sqlVerb === 'INSERT' ? new RegExp(`\\b${p}\\b`) : new RegExp(`\\b@?${p}\\s*=`);
      for (const p of m.requiredParams) expect(sql, `${m.name} ${p}`).toMatch(given(p));
      expect(sql).not.toContain('{{');
      expect(sql).toContain(resource.id);
    }
  });

  it('have extras only for methods the resource has', () => {
    for (const e of resource.examples) expect(findMethod(resource, e.method), e.title).toBeDefined();
  });
});

describe('the sample values of the examples', () => {
  const sql = (resource: string, method: string): string =>
    getResource(resource).examples.find((e) => e.method === method)?.sql ?? '';

  it('keep the org_versions statements as they were', () => {
    const versions = getResource('github.packages.org_versions');
    expect(versions.examples.map((e) => e.title)).toEqual([
      'List the versions of a package',
      'Get one version',
      'Delete a version',
      'Restore a deleted version',
      'Versions published per month',
    ]);
    const [list, get, del, exec] = versions.examples.map((e) => e.sql);
    expect(list).toBe(
      "SELECT\n  id, name, created_at, updated_at\nFROM github.packages.org_versions\nWHERE org = 'acme'\nAND package_name = 'web/frontend'\nAND package_type = 'container'\nORDER BY created_at DESC;",
    );
    expect(get).toContain('AND package_version_id = 81005383;');
    expect(del).toBe(
      "DELETE FROM github.packages.org_versions\nWHERE org = 'acme'\nAND package_name = 'web/frontend'\nAND package_type = 'container'\nAND package_version_id = 81005383;",
    );
    expect(exec).toBe(
      "EXEC github.packages.org_versions.restore_package_version_for_org\n  @org='acme',\n  @package_name='web/frontend',\n  @package_type='container',\n  @package_version_id=81005136;",
    );
  });

  it('restore what the sample data holds deleted, and read what it holds live', () => {
    expect(sql('github.packages.user_versions', 'restore_package_version_for_user')).toContain(
      '@package_version_id=5100017',
    );
    expect(sql('github.packages.user_versions', 'get_package_version_for_user')).toContain(
      "package_name = 'hello-world'\nAND package_type = 'npm'\nAND package_version_id = 5100042\nAND username = 'octocat'",
    );
    expect(sql('github.packages.org_packages', 'restore_package_for_org')).toContain(
      "@org='acme',\n  @package_name='old-dashboard',\n  @package_type='npm'",
    );
    expect(sql('github.packages.user_packages', 'restore_package_for_user')).toContain(
      "@package_name='legacy-cli'",
    );
    expect(sql('github.packages.auth_user_packages', 'restore_package_for_authenticated_user')).toContain(
      "@package_name='legacy-cli'",
    );
    expect(
      sql(
        'github.packages.docker_migration_packages',
        'list_docker_migration_conflicting_packages_for_authenticated_user',
      ),
    ).toBe(
      'SELECT\n  id, name, created_at, package_type, updated_at, version_count\nFROM github.packages.docker_migration_packages\nORDER BY created_at DESC;',
    );
  });

  it('include the JOIN of packages and their versions on org_packages', () => {
    const join = getResource('github.packages.org_packages').examples.find((e) => e.title.endsWith('(JOIN)'));
    expect(join).toEqual({
      title: 'Versions of every container package (JOIN)',
      method: 'list_packages_for_organization',
      sql: "SELECT p.name AS package, v.name AS version, v.created_at\nFROM github.packages.org_packages p\nJOIN github.packages.org_versions v\n  ON v.package_name = p.name AND v.package_type = p.package_type\nWHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme';",
    });
  });

  it('open the answers that are pictures in the Chart view: versions per month, versions per package', () => {
    const charts = allResources().flatMap((r) =>
      r.examples.filter((e) => e.view === 'chart').map((e) => [r.name, e.title]),
    );
    expect(charts).toEqual([
      ['auth_user_versions', 'Versions published per month'],
      ['org_packages', 'Versions per package'],
      ['org_versions', 'Versions published per month'],
      ['user_versions', 'Versions published per month'],
    ]);
    for (const r of allResources())
      for (const e of r.examples.filter((x) => x.view === 'chart'))
        expect(e.sql, e.title).toMatch(/COUNT\(\*\) AS n|version_count/);
  });

  it('leave placeholders for params without a value and escape quotes', () => {
    const versions = getResource('github.packages.org_versions');
    const del = findMethod(versions, 'delete_package_version_for_org');
    if (!del) throw new Error('no delete method');
    expect(exampleSql(versions, del, { org: "o'brien" })).toBe(
      "DELETE FROM github.packages.org_versions\nWHERE org = 'o''brien'\nAND package_name = '{{ package_name }}'\nAND package_type = '{{ package_type }}'\nAND package_version_id = '{{ package_version_id }}';",
    );
  });
});

describe('examples of the writes with a body, in StackQL form', () => {
  const resource = { id: 'github.issues.issues', fields: [] };
  const values = { owner: 'acme', repo: 'web', issue_number: 7, data__title: "Don't", data__body: 'b' };
  const method = (sqlVerb: 'INSERT' | 'UPDATE' | 'REPLACE' | 'EXEC', requiredParams: string[]) => ({
    name: 'm',
    sqlVerb,
    requiredParams,
    optionalParams: ['data__body', 'per_page'],
    response: 'item' as const,
  });

  it('INSERT: the body columns (data__<property>), then the route params, as one SELECT row', () => {
    expect(exampleSql(resource, method('INSERT', ['owner', 'repo', 'data__title']), values)).toBe(
      "INSERT INTO github.issues.issues (\n  data__title, owner, repo\n)\nSELECT\n  'Don''t', 'acme', 'web';",
    );
  });

  it('UPDATE and REPLACE: SET the body columns (the first optional one when none is required), WHERE the route', () => {
    const update = method('UPDATE', ['owner', 'repo', 'issue_number']);
    expect(exampleSql(resource, update, values)).toBe(
      "UPDATE github.issues.issues\nSET data__body = 'b'\nWHERE owner = 'acme'\nAND repo = 'web'\nAND issue_number = 7;",
    );
    expect(exampleSql(resource, method('REPLACE', ['owner', 'data__title']), values)).toBe(
      "REPLACE github.issues.issues\nSET data__title = 'Don''t'\nWHERE owner = 'acme';",
    );
  });

  it('EXEC: body params as @data__<property>= like the others', () => {
    expect(exampleSql(resource, method('EXEC', ['owner', 'data__title']), values)).toBe(
      "EXEC github.issues.issues.m\n  @owner='acme',\n  @data__title='Don''t';",
    );
  });
});
