import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sidebars from '../../../sidebars';
import { DOCS_DIR } from '../../../scripts/generate-docs.mjs';
import { originalServices, readOriginalServicePage } from './originals';

interface Category {
  readonly label: string;
  readonly link?: { readonly id: string };
  readonly items: readonly (string | Category)[];
}

// The sidebar's shape as sidebars.ts writes it (the config type allows many more).
const [home, services] = sidebars.provider as unknown as readonly [string, Category];

describe('the sidebar', () => {
  it('has the provider home, then every service of the originals in their order', () => {
    expect(home).toBe('index');
    expect(services.items.map((s) => (typeof s === 'string' ? s : s.label))).toEqual(originalServices());
  });

  it.each(originalServices())('groups the resources of %s under its service page, in order', (service) => {
    const category = services.items.find((s): s is Category => typeof s !== 'string' && s.label === service);
    expect(category?.link?.id).toBe(`services/${service}/index`);
    expect(category?.items).toEqual(
      readOriginalServicePage(service).resources.map((r) => `services/${service}/${r.text}`),
    );
    const ids = [category?.link?.id ?? '', ...(category?.items ?? [])].filter((i) => typeof i === 'string');
    for (const id of ids) expect(existsSync(join(DOCS_DIR, `${id}.mdx`)), id).toBe(true);
  });
});
