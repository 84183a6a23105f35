import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/components/ResourceDocs/richText';
import { allResources } from '../../../src/resources/registry';
import { readSeedPage } from '../../support/seedPage';
import { readServiceSources } from '../../../src/resources/catalogue/loadSources';
import type { ServiceSamples } from '../../../src/resources/catalogue/samples';

const samplesByService = new Map<string, ServiceSamples>();
/** A service's samples file, read once. */
function samples(service: string): ServiceSamples {
  const found = samplesByService.get(service) ?? readServiceSources('github', service).samples;
  samplesByService.set(service, found);
  return found;
}

/** Each definition against its original provider page, read by the tests' own reader. */
describe.each(allResources().map((r) => [r.id, r] as const))(
  '%s against its provider page',
  (_, resource) => {
    const seed = readSeedPage(resource.name, resource.service);

    it('has the Overview facts', () => {
      expect(seed.overview).toEqual({ Name: resource.name, Type: resource.type, Id: resource.id });
    });

    it('lists the fields in the page order with their datatypes and descriptions', () => {
      // Where the page shows no usable datatype (empty, `text`), the catalogue takes the spec's and
      // reports it (REPORT.md, field-type).
      const types: readonly string[] = ['integer', 'number', 'string', 'object', 'boolean', 'array'];
      expect(
        resource.fields.map((f, i) => [
          f.name,
          types.includes(seed.fields[i]?.[1] ?? '') ? f.type : seed.fields[i]?.[1],
          plainText(f.description).replace(/\s+/g, ' ').trim(),
        ]),
      ).toEqual(seed.fields);
    });

    it('lists the methods in the page order with verb, required params and the exact description', () => {
      // Then the methods the page leaves out, which the samples file adds (REPORT.md, page).
      const unlisted = (samples(resource.service).resources?.[resource.name]?.unlistedMethods ?? []).map(
        (m) => m.name,
      );
      const listed = resource.methods.filter((m) => !unlisted.includes(m.name));
      expect(resource.methods.slice(listed.length).map((m) => m.name)).toEqual(unlisted);
      expect(
        listed.map((m) => [
          m.name,
          m.sqlVerb,
          m.requiredParams.join(', '),
          plainText(m.description).replace(/\s+/g, ' ').trim(),
        ]),
      ).toEqual(seed.methods.map(([n, v, p, d]) => [n, v, p, d]));
      expect(listed.map((m) => m.description)).toEqual(seed.rawMethodDescriptions);
    });

    it('keeps every link of the method descriptions', () => {
      const text = resource.methods.map((m) => m.description).join('\n');
      for (const link of seed.links) expect(text).toContain(`[${link.text}](${link.href})`);
    });

    it('defines every required param of every method', () => {
      for (const m of resource.methods)
        for (const p of m.requiredParams) expect(resource.params[p], p).toBeDefined();
    });
  },
);
