import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/components/ResourceDocs/richText';
import { RESOURCES } from '../../../src/resources/registry';
import { readSeedPage } from '../../support/seedPage';

/** Each definition against its original provider page, read by the tests' own reader. */
describe.each(RESOURCES.map((r) => [r.id, r] as const))('%s against its provider page', (_, resource) => {
  const seed = readSeedPage(resource.name, resource.service);

  it('has the Overview facts', () => {
    expect(seed.overview).toEqual({ Name: resource.name, Type: resource.type, Id: resource.id });
  });

  it('lists the fields in the page order with their datatypes and descriptions', () => {
    expect(resource.fields.map((f) => [f.name, f.type, f.description])).toEqual(seed.fields);
  });

  it('lists the methods in the page order with verb, required params and the exact description', () => {
    expect(
      resource.methods.map((m) => [
        m.name,
        m.sqlVerb,
        m.requiredParams.join(', '),
        plainText(m.description).replace(/\s+/g, ' ').trim(),
      ]),
    ).toEqual(seed.methods.map(([n, v, p, d]) => [n, v, p, d]));
    expect(resource.methods.map((m) => m.description)).toEqual(seed.rawMethodDescriptions);
  });

  it('keeps every link of the method descriptions', () => {
    const text = resource.methods.map((m) => m.description).join('\n');
    for (const link of seed.links) expect(text).toContain(`[${link.text}](${link.href})`);
  });

  it('defines every required param of every method', () => {
    for (const m of resource.methods)
      for (const p of m.requiredParams) expect(resource.params[p], p).toBeDefined();
  });
});
