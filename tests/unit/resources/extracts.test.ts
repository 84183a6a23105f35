import { describe, expect, it } from 'vitest';
import { buildService } from '../../../src/resources/catalogue/buildService';
import { readServiceList, readServiceSources } from '../../../src/resources/catalogue/loadSources';
import { refName, type SpecOperation } from '../../../src/resources/catalogue/openApi';
import { operationParamNames } from '../../../src/resources/catalogue/params';

/**
 * Every service's methods against their operations in the committed extracts (the packages service is
 * checked in more detail in openapi.test.ts): route, params, where each goes, and where the rows are.
 */
const { provider, services } = readServiceList();

describe.each(services)('the %s methods match their operations', (name) => {
  const sources = readServiceSources(provider, name);
  const { service } = buildService(sources);
  const schemas = sources.extract.components.schemas;
  const methods = service.resources.flatMap((r) => r.methods.map((m) => ({ resource: r, method: m })));

  it('by path, HTTP method and operation id; taken from an older spec only where GitHub changed it', () => {
    for (const { method } of methods) {
      const op: SpecOperation | undefined =
        sources.extract.paths[method.http.path]?.[method.http.method.toLowerCase()];
      expect(op?.operationId, method.name).toBe(method.http.operationId);
      expect(method.specVersion, method.name).toBe(op?.['x-spec-version']);
    }
  });

  it("with every param of the operation: the page's required ones, the rest optional", () => {
    for (const { resource, method } of methods) {
      const op = sources.extract.paths[method.http.path]?.[method.http.method.toLowerCase()];
      if (!op) continue;
      const names = operationParamNames(op);
      expect([...method.requiredParams, ...method.optionalParams].sort(), method.name).toEqual(
        [...new Set([...method.requiredParams, ...names.required, ...names.optional])].sort(),
      );
      for (const p of [...names.required, ...names.optional]) {
        const def = resource.params[p];
        if (p.startsWith('data__')) expect(def, `${method.name} ${p}`).toMatchObject({ in: 'body' });
        else
          expect(method.http.path.includes(`{${p}}`) ? 'path' : 'query').toBe(
            op.parameters.find((s) => s.name === p)?.in,
          );
      }
    }
  });

  it('reads rows where the response has them: an array, an object, or the array an object wraps', () => {
    for (const { method } of methods) {
      if (method.sqlVerb !== 'SELECT' || method.response !== 'list' || !method.rowsKey) continue;
      const op = sources.extract.paths[method.http.path]?.get;
      const code = Object.keys(op?.responses ?? {}).find((c) => c.startsWith('2')) ?? '';
      const ref = op?.responses[code]?.schema?.$ref ?? '';
      const wrapper = schemas[refName(ref)];
      expect(wrapper?.properties?.[method.rowsKey]?.type, method.name).toBe('array');
    }
  });
});
