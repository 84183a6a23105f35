import { describe, expect, it } from 'vitest';
import spec from '../../src/resources/spec/packages-org-versions.openapi.json';
import { orgVersions, PACKAGE_TYPES } from '../../src/resources/orgVersions';
import { findMethod, findResource, getResource, SERVICES } from '../../src/resources/registry';
import { buildPath, callKey, queryParams } from '../../src/resources/calls';
import { readSeedPage } from '../support/seedPage';
import { plainText } from '../../src/components/ResourceDocs/richText';

interface SpecParam {
  name: string;
  in: string;
  required?: boolean;
  description: string;
  schema: { type: string; enum?: string[]; default?: unknown };
}
interface SpecOperation {
  operationId: string;
  parameters: SpecParam[];
  responses: Record<string, unknown>;
}
interface SpecSchema {
  properties: Record<string, { type: string; format?: string; description?: string }>;
  required: string[];
}

const paths = spec.paths as unknown as Record<string, Record<string, SpecOperation>>;
const rowSchema = spec.components.schemas['package-version'] as unknown as SpecSchema;

describe('org_versions definition against GitHub OpenAPI extract', () => {
  it('notes the spec version it came from', () => {
    expect(spec.source).toEqual({
      package: '@octokit/openapi',
      version: '23.0.2',
      file: 'generated/api.github.com.json',
    });
  });

  it('has exactly the properties of the package-version schema', () => {
    expect(orgVersions.fields.map((f) => f.name).sort()).toEqual(Object.keys(rowSchema.properties).sort());
  });

  it.each(orgVersions.fields.map((f) => [f.name, f] as const))(
    'field %s matches the schema',
    (name, field) => {
      const prop = rowSchema.properties[name];
      expect(prop).toBeDefined();
      expect(field.type).toBe(prop?.type);
      expect(field.format).toBe(prop?.format);
      expect(field.required).toBe(rowSchema.required.includes(name));
      if (prop?.description) expect(field.description).toBe(prop.description);
    },
  );

  it.each(orgVersions.methods.map((m) => [m.name, m] as const))(
    'method %s matches its operation',
    (_, method) => {
      const op = paths[method.http.path]?.[method.http.method.toLowerCase()];
      expect(op, `${method.http.method} ${method.http.path}`).toBeDefined();
      if (!op) return;
      expect(op.operationId).toBe(method.http.operationId);
      // StackQL's method name is the operation id in snake_case.
      expect(method.name).toBe(op.operationId.split('/')[1]?.replaceAll('-', '_'));
      const required = op.parameters.filter((p) => p.required).map((p) => p.name);
      const optional = op.parameters.filter((p) => !p.required).map((p) => p.name);
      expect([...method.requiredParams].sort()).toEqual(required.sort());
      expect([...method.optionalParams].sort()).toEqual(optional.sort());
      const success = Object.keys(op.responses).find((code) => code.startsWith('2'));
      expect(success).toBe(method.response === 'empty' ? '204' : '200');
    },
  );

  it('has every param of every operation with its type, location, enum, default and description', () => {
    const specParams = new Map<string, SpecParam>();
    for (const ops of Object.values(paths))
      for (const op of Object.values(ops)) for (const p of op.parameters) specParams.set(p.name, p);
    expect(Object.keys(orgVersions.params).sort()).toEqual([...specParams.keys()].sort());
    for (const [name, def] of Object.entries(orgVersions.params)) {
      const p = specParams.get(name);
      expect(def.type, name).toBe(p?.schema.type);
      expect(def.in, name).toBe(p?.in);
      expect(def.enum, name).toEqual(p?.schema.enum);
      expect(def.default, name).toEqual(p?.schema.default);
      expect(def.description, name).toBe(p?.description);
    }
    expect(orgVersions.params.package_type?.enum).toEqual(PACKAGE_TYPES);
  });
});

describe('org_versions definition against the provider page', () => {
  const seed = readSeedPage();

  it('has the Overview facts', () => {
    expect(seed.overview).toEqual({ Name: orgVersions.name, Type: orgVersions.type, Id: orgVersions.id });
  });

  it('lists the fields in the page order with their datatypes and descriptions', () => {
    expect(orgVersions.fields.map((f) => [f.name, f.type, f.description])).toEqual(seed.fields);
  });

  it('lists the methods with verb, required params and the exact description', () => {
    expect(
      orgVersions.methods.map((m) => [
        m.name,
        m.sqlVerb,
        m.requiredParams.join(', '),
        plainText(m.description).replace(/\s+/g, ' ').trim(),
      ]),
    ).toEqual(seed.methods.map(([n, v, p, d]) => [n, v, p, d]));
    expect(orgVersions.methods.map((m) => m.description)).toEqual(seed.rawMethodDescriptions);
  });
});

describe('registry and calls', () => {
  it('finds the resource and its methods in any case', () => {
    expect(findResource('GITHUB.Packages.ORG_VERSIONS')).toBe(orgVersions);
    expect(findResource('github.packages.nope')).toBeUndefined();
    expect(() => getResource('github.nope.x')).toThrow(/Unknown resource/);
    expect(findMethod(orgVersions, 'Delete_Package_Version_For_Org')?.sqlVerb).toBe('DELETE');
    expect(SERVICES.map((s) => [s.name, s.resources.map((r) => r.id)])).toEqual([
      ['packages', ['github.packages.org_versions']],
    ]);
  });

  it('URL-encodes path params, so a container name with / stays one segment', () => {
    const get = orgVersions.methods[1];
    if (!get) throw new Error('no get method');
    expect(
      buildPath(get, {
        org: 'acme',
        package_type: 'container',
        package_name: 'web/frontend',
        package_version_id: 7,
      }),
    ).toBe('/orgs/acme/packages/container/web%2Ffrontend/versions/7');
    expect(() => buildPath(get, { org: 'acme' })).toThrow(/Missing path param/);
  });

  it('keeps only declared query params and keys calls independent of param order', () => {
    const list = orgVersions.methods[0];
    if (!list) throw new Error('no list method');
    expect(queryParams(orgVersions, list, { org: 'a', state: 'deleted', bogus: 1 })).toEqual({
      state: 'deleted',
    });
    const a = { resource: orgVersions.id, method: list.name, params: { org: 'a', package_name: 'b' } };
    const b = { resource: orgVersions.id, method: list.name, params: { package_name: 'b', org: 'a' } };
    expect(callKey('https://api.github.com/', a)).toBe(callKey('https://api.github.com', b));
    expect(callKey('https://api.github.com', a)).not.toBe(callKey('https://ghe.example/api/v3', a));
  });
});
