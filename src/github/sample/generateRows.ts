/**
 * Sample rows for any resource of the catalogue, generated from what the catalogue holds: the example
 * row taken from GitHub's OpenAPI response example (`sampleRow`), and each column's type, format and
 * enum. Seeded by
 * the resource id, so every build and every page serves the same rows; nothing per resource is shipped
 * beyond the catalogue's JSON.
 */
import type { ResourceDef } from '../../resources/types';
import type { Row } from '../types';
import { fieldValue, hashOf, idValue, isIdField } from './fieldValues';
import type { RowSeed } from './fieldValues';
import { mulberry32 } from './versions';

const DAY = 86_400_000;

/**
 * How many rows a resource's lists serve: one for a resource read one object at a time, a handful for
 * an unpaginated list, and for paginated ones mostly under a page, but over 100 (two pages at
 * `per_page=100`) for about one in eight, so following `Link` is exercised across the catalogue.
 */
export function rowCount(resource: ResourceDef): number {
  const lists = resource.methods.filter((m) => m.sqlVerb === 'SELECT' && m.response === 'list');
  if (lists.length === 0) return 1;
  const h = hashOf(resource.id);
  if (!lists.some((m) => m.paginated)) return 2 + (h % 5);
  return h % 8 === 0 ? 101 + (h % 50) : 3 + (h % 28);
}

/** The `index`-th row of a resource (0 is the example row itself where there is one). */
export function generateRow(resource: ResourceDef, index: number): Row {
  const example = resource.sampleRow ?? {};
  const random = mulberry32(hashOf(resource.id) + index * 7919);
  const path = `${resource.service}/${resource.name}`;
  // Ids first: the row's URLs carry them.
  const ids: (readonly [string, string])[] = [];
  for (const f of resource.fields) {
    const before = example[f.name];
    if (f.type !== 'integer' || !isIdField(f.name) || typeof before !== 'number') continue;
    if (before >= 100 && index > 0)
      ids.push([String(before), String(idValue(f.name, before, { index, path }))]);
  }
  const shiftMs = index === 0 ? 0 : -(index % 730) * DAY + Math.floor(random() * 3_600_000);
  const seed: RowSeed = { index, random, shiftMs, ids, path };
  const row: Record<string, unknown> = {};
  for (const f of resource.fields) row[f.name] = fieldValue(f, example[f.name], seed);
  return row;
}

/** The first `rowCount(resource)` rows of a resource. */
export function generateRows(resource: ResourceDef, count = rowCount(resource)): Row[] {
  return Array.from({ length: count }, (_, i) => generateRow(resource, i));
}
