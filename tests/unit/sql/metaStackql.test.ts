/**
 * StackQL's own meta statements, answered from the catalogue with no request: SHOW … LIKE / WHERE,
 * SHOW PROVIDERS, DESCRIBE METHOD, SHOW INSERT INTO and REGISTRY LIST / PULL, and a clear error for
 * each malformed form. No resource of today's catalogue has an INSERT method, so SHOW INSERT's
 * template is pinned on a fixture resource the registry mock adds beside the real ones.
 */
import { describe, expect, it, vi } from 'vitest';
import { getResource, allResources, allServices } from '../../../src/resources/registry';
import type { ResourceDef, SqlVerb } from '../../../src/resources/types';
import { describePlan } from '../../../src/sql/describePlan';
import { insertTemplate } from '../../../src/sql/metaMethod';
import { planQuery } from '../../../src/sql/plan';
import type { MetaPlan } from '../../../src/sql/types';

const { WIDGETS } = vi.hoisted(() => {
  const str = (name: string, where: 'path' | 'query' | 'body') => ({
    name,
    type: 'string' as const,
    in: where,
    description: `The ${name}.`,
  });
  const widgets: ResourceDef = {
    provider: 'github',
    service: 'test',
    name: 'widgets',
    id: 'github.test.widgets',
    type: 'Resource',
    summary: 'A fixture resource with an INSERT method.',
    fields: [{ name: 'id', type: 'integer', description: 'Widget id.', required: true }],
    methods: [
      {
        name: 'create_widget',
        // Not a verb of today's catalogue: the type is widened where the planner reads it.
        sqlVerb: 'INSERT' as string as SqlVerb,
        requiredParams: ['org', 'name', 'team'],
        optionalParams: ['description', 'private', 'size'],
        http: { method: 'POST', path: '/orgs/{org}/widgets', operationId: 'widgets/create' },
        response: 'item',
        paginated: false,
        scopes: [],
        description: 'Creates a widget.',
      },
    ],
    params: {
      org: str('org', 'path'),
      name: str('name', 'body'),
      team: str('team', 'query'),
      description: str('description', 'body'),
      private: { name: 'private', type: 'boolean', in: 'body', description: 'Private or not.' },
      size: { name: 'size', type: 'integer', in: 'body', description: 'How big.' },
    },
    rowSchema: 'widget',
    examples: [],
  };
  return { WIDGETS: widgets };
});

vi.mock('../../../src/resources/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/resources/registry')>();
  return {
    ...real,
    findResource: (id: string) => (id.toLowerCase() === WIDGETS.id ? WIDGETS : real.findResource(id)),
  };
});

const T = 'github.packages.org_versions';
const orgVersions = getResource(T);
const VERSION = 'v24.04.00227';

function meta(sql: string): MetaPlan {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'meta') throw new Error(r.value.kind);
  return r.value;
}

function refusal(sql: string) {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected a refusal of ${sql}, got a ${r.value.kind} plan`);
  return r.error;
}

/** The method names SHOW METHODS IN org_versions answers with this filter. */
function methods(filter: string): unknown[] {
  return meta(`SHOW METHODS IN ${T} ${filter}`).rows.map((r) => r.MethodName);
}

const names = (verbs: readonly string[]) =>
  orgVersions.methods.filter((m) => verbs.includes(m.sqlVerb)).map((m) => m.name);

describe('SHOW PROVIDERS', () => {
  it('lists github at the version of its service ids, in StackQL columns', () => {
    const m = meta('SHOW PROVIDERS');
    expect(m.columns).toEqual(['name', 'version']);
    expect(m.rows).toEqual([{ name: 'github', version: VERSION }]);
    expect(allServices().every((s) => s.id.endsWith(`:${VERSION}`))).toBe(true);
    expect(meta('show extended providers;').rows).toEqual(m.rows);
  });

  it('takes LIKE and WHERE', () => {
    expect(meta("SHOW PROVIDERS LIKE 'GIT%'").rows).toHaveLength(1);
    expect(meta("SHOW PROVIDERS LIKE 'aws%'").rows).toEqual([]);
    expect(meta("SHOW PROVIDERS WHERE version LIKE 'v24.%'").rows).toHaveLength(1);
  });
});

describe('SHOW … LIKE matches the name column (SQL LIKE, ASCII case folded)', () => {
  it('SHOW METHODS: % any text, _ one character, any case', () => {
    const withVersion = orgVersions.methods.map((m) => m.name).filter((n) => n.includes('version'));
    expect(withVersion.length).toBeGreaterThan(1);
    expect(methods("LIKE '%version%'")).toEqual(withVersion);
    expect(methods("LIKE '%VERSION%'")).toEqual(withVersion);
    expect(methods("LIKE 'restore_package_version_for_or_'")).toEqual(['restore_package_version_for_org']);
    expect(methods("LIKE 'restore_package_version_for_o_'")).toEqual([]);
    expect(methods("LIKE 'nothing%'")).toEqual([]);
  });

  it('keeps the columns when nothing matches', () => {
    const m = meta(`SHOW METHODS IN ${T} LIKE 'zzz'`);
    expect(m.columns).toEqual(['MethodName', 'RequiredParams', 'SQLVerb']);
    expect(m.rows).toEqual([]);
  });

  it('SHOW SERVICES and SHOW RESOURCES, with IN or FROM, EXTENDED or not', () => {
    expect(meta("SHOW SERVICES IN github LIKE 'pack%'").rows.map((r) => r.name)).toEqual(['packages']);
    expect(meta("SHOW SERVICES FROM github LIKE 'x%'").rows).toEqual([]);
    expect(meta("SHOW RESOURCES IN github.packages LIKE 'org%'").rows.map((r) => r.name)).toEqual([
      'org_packages',
      'org_versions',
    ]);
    expect(meta(`SHOW EXTENDED METHODS FROM ${T} LIKE 'delete%'`).rows.map((r) => r.MethodName)).toEqual([
      'delete_package_version_for_org',
    ]);
    expect(meta("SHOW EXTENDED RESOURCES IN github.packages LIKE '%user%'").rows).toHaveLength(4);
  });
});

describe('SHOW … WHERE, over the listing columns', () => {
  it('= is exact; column names in any case, or quoted', () => {
    expect(methods("WHERE SQLVerb = 'EXEC'")).toEqual(names(['EXEC']));
    expect(methods("WHERE sqlverb == 'EXEC'")).toEqual(names(['EXEC']));
    expect(methods(`WHERE "SQLVerb" = 'EXEC'`)).toEqual(names(['EXEC']));
    expect(methods("WHERE 'EXEC' = SQLVerb")).toEqual(names(['EXEC']));
    expect(methods("WHERE SQLVerb = 'exec'")).toEqual([]);
  });

  it('!= and <>', () => {
    expect(methods("WHERE SQLVerb != 'SELECT'")).toEqual(names(['DELETE', 'EXEC']));
    expect(methods("WHERE SQLVerb <> 'SELECT'")).toEqual(names(['DELETE', 'EXEC']));
  });

  it('LIKE and NOT LIKE; `name` reads MethodName in SHOW METHODS', () => {
    expect(methods("WHERE MethodName LIKE '%restore%'")).toEqual(['restore_package_version_for_org']);
    expect(methods("WHERE name LIKE '%RESTORE%'")).toEqual(['restore_package_version_for_org']);
    expect(methods("WHERE name NOT LIKE '%version%'")).toEqual(
      orgVersions.methods.map((m) => m.name).filter((n) => !n.includes('version')),
    );
    const resources = meta("SHOW RESOURCES IN github.packages WHERE name LIKE '%version%'");
    expect(resources.rows.map((r) => r.name)).toEqual([
      'auth_user_versions',
      'org_versions',
      'user_versions',
    ]);
  });

  it('IN (…) and NOT IN (…)', () => {
    expect(methods("WHERE SQLVerb IN ('EXEC', 'DELETE')")).toEqual(names(['DELETE', 'EXEC']));
    expect(methods("WHERE SQLVerb NOT IN ('EXEC', 'DELETE')")).toEqual(names(['SELECT']));
    expect(methods("WHERE SQLVerb IN ('INSERT')")).toEqual([]);
  });

  it('OR, AND (binding tighter), NOT and brackets', () => {
    const r = meta("SHOW RESOURCES IN github.packages WHERE name = 'org_packages' OR name = 'user_packages'");
    expect(r.rows.map((x) => x.name)).toEqual(['org_packages', 'user_packages']);
    expect(methods("WHERE SQLVerb = 'SELECT' AND MethodName LIKE 'get_all%' OR SQLVerb = 'EXEC'")).toEqual([
      'get_all_package_versions_for_package_owned_by_org',
      'restore_package_version_for_org',
    ]);
    expect(methods("WHERE SQLVerb = 'SELECT' AND (MethodName LIKE 'get_all%' OR SQLVerb = 'EXEC')")).toEqual([
      'get_all_package_versions_for_package_owned_by_org',
    ]);
    expect(methods("WHERE NOT SQLVerb = 'SELECT'")).toEqual(names(['DELETE', 'EXEC']));
    expect(methods("WHERE NOT (SQLVerb = 'SELECT' OR SQLVerb = 'DELETE')")).toEqual(names(['EXEC']));
    expect(methods("WHERE NOT NOT SQLVerb = 'EXEC'")).toEqual(names(['EXEC']));
  });

  it('number and string literals on both sides; other listing columns', () => {
    expect(methods('WHERE 1 = 1')).toHaveLength(orgVersions.methods.length);
    expect(methods('WHERE -1 <> -1')).toEqual([]);
    expect(methods("WHERE RequiredParams LIKE '%package_version_id%'")).toEqual(
      orgVersions.methods.filter((m) => m.requiredParams.includes('package_version_id')).map((m) => m.name),
    );
    const services = meta(
      `SHOW SERVICES IN github WHERE id = 'packages:${VERSION}' AND title LIKE '%packages'`,
    );
    expect(services.rows.map((r) => r.name)).toEqual(['packages']);
  });

  it('keeps SHOW METHODS in StackQL columns and order', () => {
    const m = meta(`SHOW METHODS IN ${T} WHERE SQLVerb = 'DELETE'`);
    expect(m.rows).toEqual([
      {
        MethodName: 'delete_package_version_for_org',
        RequiredParams: 'org, package_name, package_type, package_version_id',
        SQLVerb: 'DELETE',
      },
    ]);
  });
});

describe('DESCRIBE METHOD', () => {
  const listMethod = `${T}.get_all_package_versions_for_package_owned_by_org`;

  it("lists inputs (required, optional, where each goes) then outputs, in StackQL's param_type", () => {
    const m = meta(`DESCRIBE METHOD ${listMethod}`);
    expect(m.columns).toEqual(['name', 'type', 'param_type', 'in']);
    expect(m.rows.slice(0, 6)).toEqual([
      { name: 'org', type: 'string', param_type: 'input_required', in: 'path' },
      { name: 'package_name', type: 'string', param_type: 'input_required', in: 'path' },
      { name: 'package_type', type: 'string', param_type: 'input_required', in: 'path' },
      { name: 'state', type: 'string', param_type: 'input_optional', in: 'query' },
      { name: 'per_page', type: 'integer', param_type: 'input_optional', in: 'query' },
      { name: 'page', type: 'integer', param_type: 'input_optional', in: 'query' },
    ]);
    expect(m.rows.slice(6)).toEqual(
      orgVersions.fields.map((f) => ({ name: f.name, type: f.type, param_type: 'output', in: 'response' })),
    );
  });

  it('EXTENDED adds descriptions; DESC METHOD and EXTENDED METHOD are the same statement', () => {
    const e = meta(`DESCRIBE METHOD EXTENDED ${listMethod}`);
    expect(e.columns).toEqual(['name', 'type', 'param_type', 'in', 'description']);
    expect(e.rows[0]).toEqual({
      name: 'org',
      type: 'string',
      param_type: 'input_required',
      in: 'path',
      description: orgVersions.params.org?.description,
    });
    expect(meta(`desc method extended ${listMethod};`)).toEqual(e);
    expect(meta(`DESCRIBE EXTENDED METHOD ${listMethod}`)).toEqual(e);
  });

  it('a method with an empty response has inputs only', () => {
    const m = meta(`DESC METHOD ${T}.delete_package_version_for_org`);
    expect(m.rows.map((r) => r.param_type)).toEqual(Array(4).fill('input_required'));
  });

  it('body params say body', () => {
    const m = meta('DESCRIBE METHOD github.test.widgets.create_widget');
    expect(m.rows.filter((r) => r.param_type !== 'output').map((r) => [r.name, r.in])).toEqual([
      ['org', 'path'],
      ['name', 'body'],
      ['team', 'query'],
      ['description', 'body'],
      ['private', 'body'],
      ['size', 'body'],
    ]);
  });

  it.each(allResources().flatMap((r) => r.methods.map((m) => [`${r.id}.${m.name}`, r, m] as const)))(
    'answers for %s from the catalogue',
    (id, resource, method) => {
      const rows = meta(`DESCRIBE METHOD ${id}`).rows;
      const outputs = method.response === 'empty' ? 0 : resource.fields.length;
      expect(rows).toHaveLength(method.requiredParams.length + method.optionalParams.length + outputs);
    },
  );
});

describe('SHOW INSERT INTO', () => {
  const TEMPLATE = [
    'INSERT INTO github.test.widgets (',
    '  data__name,',
    '  data__description,',
    '  data__private,',
    '  data__size,',
    '  org,',
    '  team',
    ')',
    'SELECT',
    "  '{{ name }}' /* required */,",
    "  '{{ description }}',",
    '  {{ private }},',
    '  {{ size }},',
    "  '{{ org }}',",
    "  '{{ team }}'",
    ';',
  ].join('\n');

  it('prints the INSERT method’s template: body fields as data__, then required path and query params', () => {
    expect(insertTemplate(WIDGETS)).toBe(TEMPLATE);
    const m = meta('SHOW INSERT INTO github.test.widgets;');
    expect(m.columns).toEqual(['insert_statement']);
    expect(m.rows).toEqual([{ insert_statement: TEMPLATE }]);
    // The playground shows `text` as written, line breaks kept, instead of a one-line table cell.
    expect(m.text).toBe(TEMPLATE);
  });

  it('a resource with no INSERT method: an error naming its methods', () => {
    expect(insertTemplate(orgVersions)).toBeUndefined();
    const e = refusal(`SHOW INSERT INTO ${T}`);
    expect(e.code).toBe('unsupported-statement');
    expect(e.message).toContain(`${T} has no INSERT method`);
    for (const m of orgVersions.methods) expect(e.message).toContain(`${m.name} (${m.sqlVerb})`);
    expect(e.message).toContain(`SHOW METHODS IN ${T}`);
    expect(e.column).toBe(18);
  });
});

describe('REGISTRY', () => {
  it('LIST answers a table of the built-in provider', () => {
    const m = meta('REGISTRY LIST;');
    expect(m.columns).toEqual(['provider', 'version']);
    expect(m.rows).toEqual([{ provider: 'github', version: VERSION }]);
    expect(meta('registry list github')).toEqual(m);
    // Listings are tables: no `text`, so the playground shows its results table.
    for (const sql of [
      'REGISTRY LIST',
      'SHOW PROVIDERS',
      `SHOW METHODS IN ${T} LIKE '%'`,
      `DESCRIBE METHOD ${T}.delete_package_version_for_org`,
    ]) {
      expect(meta(sql).text).toBeUndefined();
    }
  });

  it('PULL of github answers that nothing needs pulling, at any or no version', () => {
    for (const sql of [
      'REGISTRY PULL github',
      `REGISTRY PULL github ${VERSION}`,
      `REGISTRY PULL GitHub '${VERSION}'`,
    ]) {
      const m = meta(sql);
      expect(m.columns).toEqual(['message']);
      expect(m.rows).toEqual([
        {
          message: `github ${VERSION} is built into this playground (the version these pages document): nothing needs pulling. Try SHOW SERVICES IN github.`,
        },
      ]);
      expect(m.text).toBe(m.rows[0]?.message);
      expect(describePlan(m)).toBe('Answered from the catalogue: no request.');
    }
    expect(meta('REGISTRY PULL github v23.01.00104').rows[0]?.message).toBe(
      `This playground has github ${VERSION} built in (the version these pages document) and cannot pull v23.01.00104: queries here run against ${VERSION}.`,
    );
  });

  it('another provider: only github is available here', () => {
    const e = refusal('REGISTRY PULL aws');
    expect(e.code).toBe('unknown-resource');
    expect(e.message).toBe(`This playground has only github ${VERSION} built in; aws is not available here.`);
    expect(refusal('REGISTRY PULL githb').message).toContain('Did you mean github?');
    expect(refusal('REGISTRY LIST okta').message).toContain(`only github ${VERSION}`);
  });
});

describe('malformed meta statements say what to write', () => {
  it.each([
    [
      `SHOW METHODS IN ${T} LIKE`,
      'syntax',
      "Expected a pattern in quotes after LIKE, e.g. SHOW METHODS … LIKE '%version%'",
    ],
    [`SHOW METHODS IN ${T} LIKE version`, 'syntax', 'Expected a pattern in quotes after LIKE'],
    [
      `SHOW METHODS IN ${T} LIKE 'a%' OR 'b%'`,
      'syntax',
      "Unexpected OR after the pattern: for more than one pattern, write WHERE MethodName LIKE 'a%' OR MethodName LIKE 'b%'",
    ],
    [
      `SHOW METHODS IN ${T} WHERE`,
      'syntax',
      "Expected a condition after WHERE, e.g. WHERE MethodName LIKE '%version%'",
    ],
    [
      `SHOW METHODS IN ${T} WHERE nam = 'x'`,
      'syntax',
      'Unknown column nam in the condition. Did you mean name? SHOW METHODS has the columns MethodName, RequiredParams, SQLVerb.',
    ],
    [
      "SHOW RESOURCES IN github.packages WHERE verb = 'x'",
      'syntax',
      'SHOW RESOURCES has the columns name, id, description.',
    ],
    [`SHOW METHODS IN ${T} WHERE SQLVerb = "EXEC"`, 'syntax', "write text in single quotes, 'EXEC'"],
    [
      `SHOW METHODS IN ${T} WHERE SQLVerb`,
      'syntax',
      'Expected a comparison after SQLVerb: =, !=, <>, LIKE, NOT LIKE, IN (…) or NOT IN (…)',
    ],
    [`SHOW METHODS IN ${T} WHERE SQLVerb > 'A'`, 'syntax', '> is not supported in a SHOW filter'],
    [`SHOW METHODS IN ${T} WHERE SQLVerb IS NULL`, 'syntax', 'IS is not supported in a SHOW filter'],
    [
      `SHOW METHODS IN ${T} WHERE SQLVerb =`,
      'syntax',
      'The condition ends early: expected a column (MethodName, RequiredParams, SQLVerb)',
    ],
    [
      `SHOW METHODS IN ${T} WHERE AND`,
      'syntax',
      "Expected a column (MethodName, RequiredParams, SQLVerb), a 'quoted string' or a number here, not AND",
    ],
    [`SHOW METHODS IN ${T} WHERE (SQLVerb = 'EXEC'`, 'syntax', 'Expected ) to close the bracket.'],
    [`SHOW METHODS IN ${T} WHERE SQLVerb IN 'EXEC'`, 'syntax', 'Expected ( after IN'],
    [`SHOW METHODS IN ${T} WHERE SQLVerb IN ('EXEC' 'DELETE')`, 'syntax', 'Expected , or ) in the IN list.'],
    [
      `SHOW METHODS IN ${T} WHERE SQLVerb = 'EXEC' 'x'`,
      'syntax',
      "Unexpected 'x' after the condition: join conditions with AND or OR",
    ],
    [`SHOW METHODS IN ${T} WHERE name LIKE 'a!%' ESCAPE '!'`, 'syntax', 'ESCAPE is not supported'],
    [`SHOW METHODS IN ${T} WHERE ${'NOT '.repeat(70)}name = 'x'`, 'too-complex', 'nests more than 64 levels'],
    [
      `SHOW METHODS IN ${T} WHERE ${'('.repeat(70)}name = 'x'${')'.repeat(70)}`,
      'too-complex',
      'nests more than 64 levels',
    ],
    [
      `SHOW METHODS IN ${T} ORDER BY MethodName`,
      'syntax',
      "Expected LIKE '<pattern>', WHERE <condition> or the end of the statement here",
    ],
    ['SHOW PROVIDERS IN github', 'syntax', "Expected LIKE '<pattern>', WHERE <condition>"],
    [
      `SHOW METHODS ${T}`,
      'syntax',
      'Expected IN after SHOW METHODS: SHOW METHODS IN github.<service>.<resource>.',
    ],
    ['SHOW SERVICES', 'syntax', 'Expected IN after SHOW SERVICES: SHOW SERVICES IN github.'],
    ['SHOW RESOURCES IN', 'syntax', 'Expected a name after IN: SHOW RESOURCES IN github.<service>.'],
    [
      'SHOW RESOURCES IN github.pakages',
      'unknown-resource',
      'Unknown service github.pakages. Did you mean github.packages?',
    ],
    ['SHOW SERVICES IN githb', 'unknown-resource', 'Unknown provider githb. Did you mean github?'],
    ['SHOW VIEWS', 'unsupported-statement', 'SHOW supports SHOW PROVIDERS, SHOW SERVICES IN github'],
    [`SHOW INSERT ${T}`, 'syntax', 'Expected SHOW INSERT INTO github.<service>.<resource>.'],
    ['SHOW INSERT INTO github.packages', 'syntax', 'Expected SHOW INSERT INTO github.<service>.<resource>.'],
    [`SHOW INSERT INTO ${T} LIKE 'x'`, 'syntax', 'Expected SHOW INSERT INTO'],
    ['SHOW INSERT INTO github.packages.org_version', 'unknown-resource', `Did you mean ${T}?`],
    [
      'DESCRIBE METHOD',
      'syntax',
      'Expected DESCRIBE METHOD [EXTENDED] github.<service>.<resource>.<method>.',
    ],
    [
      `DESCRIBE METHOD ${T}`,
      'syntax',
      `${T} has the methods get_all_package_versions_for_package_owned_by_org (SELECT)`,
    ],
    [
      `DESCRIBE METHOD ${T}.delete_package_version_for_orgg`,
      'unknown-method',
      'has no method delete_package_version_for_orgg. Did you mean delete_package_version_for_org?',
    ],
    [
      'DESCRIBE METHOD github.packages.nope.list',
      'unknown-resource',
      'Unknown resource github.packages.nope.',
    ],
    [`DESCRIBE METHOD ${T}.delete_package_version_for_org now`, 'syntax', 'Expected DESCRIBE METHOD'],
    ['REGISTRY', 'syntax', 'Expected REGISTRY LIST [github] or REGISTRY PULL github [<version>].'],
    [
      'REGISTRY PUSH github',
      'syntax',
      'Expected REGISTRY LIST [github] or REGISTRY PULL github [<version>].',
    ],
    ['REGISTRY PULL', 'syntax', 'Expected a provider name, e.g. REGISTRY PULL github.'],
    [
      'REGISTRY PULL github latest',
      'syntax',
      'Expected a version such as v24.04.00227, or nothing, after the provider',
    ],
    [`REGISTRY PULL github ${VERSION} now`, 'syntax', 'Expected a version such as v24.04.00227'],
    [
      'REGISTRY LIST github v24.04.00227',
      'syntax',
      'REGISTRY LIST takes a provider name only: REGISTRY LIST github.',
    ],
  ])('%s → %s', (sql, code, message) => {
    const e = refusal(sql);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it('underlines the offending token', () => {
    const sql = `SHOW METHODS IN ${T} WHERE nam = 'x'`;
    const e = refusal(sql);
    const at = sql.indexOf('nam =');
    expect([e.line, e.column, e.endColumn]).toEqual([1, at + 1, at + 4]);
    const like = `SHOW METHODS IN ${T} LIKE`;
    expect(refusal(like).column).toBe(like.indexOf('LIKE') + 1);
  });
});
