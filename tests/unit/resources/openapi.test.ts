import { describe, expect, it } from 'vitest';
import extractJson from '../../../src/resources/spec/packages.openapi.json';
import {
  asOpenApiExtract,
  operations,
  refName,
  type SpecParam,
} from '../../../src/resources/catalogue/openApi';
import { findService } from '../../../src/resources/registry';
import type { ResourceDef } from '../../../src/resources/types';

const extract = asOpenApiExtract(extractJson);
const service = findService('packages');
const resources: readonly ResourceDef[] = service?.resources ?? [];
const methods = resources.flatMap((r) => r.methods.map((m) => [`${r.name}.${m.name}`, r, m] as const));

describe('the packages extract', () => {
  it('notes the spec version it came from and holds every packages operation', () => {
    expect(extract.source).toEqual({
      package: '@octokit/openapi',
      version: '23.0.2',
      file: 'generated/api.github.com.json',
    });
    const ids = operations(extract).map((o) => o.operation.operationId);
    expect(ids).toHaveLength(27);
    expect(ids.every((id) => id.startsWith('packages/'))).toBe(true);
    // Each operation is one method of the catalogue, and the other way round.
    expect(methods.map(([, , m]) => m.http.operationId).sort()).toEqual([...ids].sort());
  });
});

describe.each(methods)('%s matches its operation', (_, resource, method) => {
  const op = extract.paths[method.http.path]?.[method.http.method.toLowerCase()];
  const params: readonly SpecParam[] = op?.parameters ?? [];

  it('by path, HTTP method, operation id and name', () => {
    expect(op?.operationId).toBe(method.http.operationId);
    expect(method.name).toBe(method.http.operationId.split('/')[1]?.replaceAll('-', '_'));
  });

  it('has the required and optional params of the operation, each with its location, type and enum', () => {
    const required = params.filter((p) => p.required === true).map((p) => p.name);
    const optional = params.filter((p) => p.required !== true).map((p) => p.name);
    expect([...method.requiredParams].sort()).toEqual([...required].sort());
    expect([...method.optionalParams].sort()).toEqual([...optional].sort());
    for (const p of params) {
      const def = resource.params[p.name];
      // The method's path template decides where a param goes; `in` is the resource's first use.
      const where = method.http.path.includes(`{${p.name}}`) ? 'path' : 'query';
      expect(where, p.name).toBe(p.in);
      expect(def?.type, p.name).toBe(p.schema.type);
      expect(def?.enum, p.name).toEqual(p.schema.enum);
      expect(def?.default, p.name).toEqual(p.schema.default);
      expect(def?.description, p.name).toBe(p.description);
    }
  });

  it('has the response shape, pagination and scopes of the operation', () => {
    const code = Object.keys(op?.responses ?? {}).find((c) => c.startsWith('2'));
    const schema = code === undefined ? undefined : op?.responses[code]?.schema;
    const shape = !schema ? 'empty' : schema.type === 'array' ? 'list' : 'item';
    expect(method.response).toBe(shape);
    expect(code).toBe(shape === 'empty' ? '204' : '200');
    const row = schema?.items?.$ref ?? schema?.$ref;
    if (row !== undefined) expect(resource.rowSchema).toBe(refName(row));
    expect(method.paginated).toBe(params.some((p) => p.name === 'page'));
    const scopes = [...(op?.description ?? '').matchAll(/`(read|write|delete):packages`/g)].map((m) => m[0]);
    expect(method.scopes).toEqual([...new Set(scopes.map((s) => s.replaceAll('`', '')))]);
    expect(method.scopes).not.toContain('repo');
  });
});

describe.each(resources.map((r) => [r.name, r] as const))(
  '%s fields against the row schema',
  (_, resource) => {
    const schema = extract.components.schemas[resource.rowSchema];

    it('has exactly the properties of the schema, each with its format, required flag and enum', () => {
      expect(resource.fields.map((f) => f.name).sort()).toEqual(Object.keys(schema?.properties ?? {}).sort());
      for (const f of resource.fields) {
        const prop = schema?.properties?.[f.name];
        expect(f.format, f.name).toBe(prop?.format);
        expect(f.required, f.name).toBe(schema?.required?.includes(f.name) ?? false);
        expect(f.enum, f.name).toEqual(prop?.enum);
        // The page wins on types; it shows a referenced schema (owner, repository) as `object`.
        expect(f.type, f.name).toBe(prop?.$ref ? 'object' : prop?.type);
      }
    });
  },
);
