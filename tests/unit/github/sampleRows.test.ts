/**
 * The sample generator: rows from a resource's example row and its columns' types, formats and enums,
 * seeded so every run gives the same rows, for the synthetic `sampletest` service and the whole catalogue.
 */
import { describe, expect, it } from 'vitest';
import { generateRow, generateRows, rowCount } from '../../../src/github/sample/generateRows';
import { asServiceDef } from '../../../src/resources/catalogue/asServiceDef';
import { allResources } from '../../../src/resources/registry';
import type { FieldDef, ResourceDef } from '../../../src/resources/types';
import { SAMPLE_SERVICE } from './sampleService';

const [gears, levers] = asServiceDef(SAMPLE_SERVICE).resources as [ResourceDef, ResourceDef];

describe('rows from an example row', () => {
  const rows = generateRows(gears);

  it('serves the example as the first row, and two pages of rows for a paginated list', () => {
    expect(rows[0]).toEqual(gears.sampleRow);
    expect(rowCount(gears)).toBe(121);
    expect(rows).toHaveLength(121);
  });

  it('varies ids, names, enums and dates per row, and keeps what is the same for every row', () => {
    const [, second, third] = rows;
    expect(rows.map((r) => r.id).slice(0, 3)).toEqual([5000, 5001, 5002]);
    expect([second?.name, third?.name]).toEqual(['spur-2', 'spur-3']);
    expect(rows.map((r) => r.state).slice(0, 3)).toEqual(['closed', 'open', 'closed']);
    expect(second?.url).toBe('https://api.github.com/repos/octo/tools/gears/5001');
    expect(second?.closed_at).toBeNull();
    expect(second?.event).toBe('push');
    expect(second?.owner).toEqual({ login: 'octo' });
    expect(second?.sha).toMatch(/^[0-9a-f]{13}$/);
    expect(second?.sha).not.toBe(gears.sampleRow?.sha);
    const times = rows.map((r) => Date.parse(String(r.created_at)));
    expect(times.every((t, i) => i === 0 || t < (times[i - 1] ?? 0))).toBe(true);
  });

  it('is the same in every run: seeded by the resource, not by the clock or Math.random', () => {
    expect(generateRows(gears)).toEqual(rows);
    expect(generateRow(gears, 1)).toMatchObject({
      created_at: '2024-01-31T10:48:19Z',
      score: 2.67,
      private: false,
      sha: '415cda6891b17',
    });
  });
});

describe('rows from column types alone', () => {
  it('makes typed values named after the column for a resource with no example row', () => {
    expect(rowCount(levers)).toBe(3);
    const [first, second] = generateRows(levers);
    expect(first).toMatchObject({ title: 'title-1', org: 'org-1', updated_at: '2024-05-15T09:30:00Z' });
    expect(second?.title).toBe('title-2');
    expect(String(second?.html_url)).toMatch(/^https:\/\/api\.github\.com\/sampletest\/levers\/2$/);
    expect(second?.id).toBe(Number(first?.id) + 1);
  });
});

/** Whether a value is what the column declares (GitHub's `null` allowed). */
function fits(field: FieldDef, value: unknown): boolean {
  if (value === null) return true;
  if (field.type === 'integer') return Number.isInteger(value);
  if (field.type === 'array') return Array.isArray(value);
  if (field.type === 'object') return typeof value === 'object' && !Array.isArray(value);
  return typeof value === field.type;
}

describe('every resource of the catalogue', () => {
  const selectable = allResources().filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT'));

  it('has rows of its own columns, typed as the catalogue says, ids unique', () => {
    const problems: string[] = [];
    for (const resource of selectable) {
      const rows = generateRows(resource);
      const names = resource.fields.map((f) => f.name);
      for (const row of rows) {
        if (Object.keys(row).join() !== names.join()) problems.push(`${resource.id}: columns`);
        for (const f of resource.fields) {
          const value = row[f.name];
          // GitHub's example wins where it disagrees with the declared type (`insecure_ssl: "0"`).
          if (!fits(f, value) && value !== resource.sampleRow?.[f.name])
            problems.push(`${resource.id}.${f.name}: ${JSON.stringify(value)}`);
          const inEnum = typeof value === 'string' && f.enum?.includes(value);
          if (f.enum && value !== null && !inEnum && value !== resource.sampleRow?.[f.name])
            problems.push(`${resource.id}.${f.name}: ${JSON.stringify(value)} not in enum`);
        }
      }
      if (names.includes('id') && new Set(rows.map((r) => r.id)).size !== rows.length)
        problems.push(`${resource.id}: ids repeat`);
    }
    expect(problems).toEqual([]);
  });

  it('paginates some lists over two pages, most within one', () => {
    const counts = selectable.map(rowCount);
    expect(counts.filter((c) => c > 100).length).toBeGreaterThan(5);
    expect(counts.filter((c) => c <= 30).length).toBeGreaterThan(counts.length / 2);
  });
});
