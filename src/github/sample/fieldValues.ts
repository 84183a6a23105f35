/**
 * One generated value of a column: the resource's example value, varied for the n-th row by what the
 * catalogue says of the column (type, format, enum, name). Row 0 is the example itself where there is
 * one, so the docs' example row and the sample's first row agree.
 */
import type { FieldDef } from '../../resources/types';
import { hex, iso } from './versions';

/** What every value of one row shares: its index, its random sequence, how far its dates move. */
export interface RowSeed {
  readonly index: number;
  readonly random: () => number;
  /** Milliseconds added to every timestamp of the row: rows are a day apart, newest first. */
  readonly shiftMs: number;
  /** Ids of the example and of this row (`['1296269', '1296270']`), to rewrite inside its URLs. */
  readonly ids: readonly (readonly [string, string])[];
  /** `service/resource`, for values made from nothing. */
  readonly path: string;
}

/** When a column has no example: timestamps count back from here. */
const BASE_TIME = Date.UTC(2024, 4, 15, 9, 30, 0);

/** `id`, `run_id`, `number`: values that identify a row, so each row has its own. */
export function isIdField(name: string): boolean {
  return name === 'id' || name === 'number' || name.endsWith('_id');
}

/** The value of `field` in the row `seed`, from the example's value (undefined when it has none). */
export function fieldValue(field: FieldDef, example: unknown, seed: RowSeed): unknown {
  const { index, random } = seed;
  if (example === null) return null; // GitHub's `null` (never closed, no parent) stays what it means
  if (field.enum && field.enum.length > 0) {
    const start = typeof example === 'string' ? Math.max(0, field.enum.indexOf(example)) : 0;
    return field.enum[(start + index) % field.enum.length];
  }
  if (example !== undefined && !fits(field, example)) return example;
  switch (field.type) {
    case 'integer':
      if (isIdField(field.name)) return idValue(field.name, example, seed);
      return index === 0 && typeof example === 'number'
        ? example
        : Math.floor(random() * (typeof example === 'number' ? 2 * example + 10 : 100));
    case 'number':
      return index === 0 && typeof example === 'number'
        ? example
        : Math.round(random() * (typeof example === 'number' ? 2 * example + 10 : 100) * 100) / 100;
    case 'boolean':
      return index === 0 && typeof example === 'boolean' ? example : random() < 0.5;
    case 'object':
      return example ?? {};
    case 'array':
      return example ?? [];
    case 'string':
      return stringValue(field, typeof example === 'string' ? example : undefined, seed);
  }
}

/** The value of an id column: the example's plus the row index, else a number stable per column. */
export function idValue(name: string, example: unknown, seed: Pick<RowSeed, 'index' | 'path'>): number {
  const base = typeof example === 'number' ? example : 1000 + (hashOf(`${seed.path}.${name}`) % 9_000_000);
  return base + seed.index;
}

function stringValue(field: FieldDef, example: string | undefined, seed: RowSeed): string {
  const { index, random } = seed;
  if (field.format === 'date-time') {
    const base = example === undefined ? BASE_TIME : Date.parse(example);
    return Number.isNaN(base) ? (example ?? '') : iso(base + seed.shiftMs);
  }
  if (example === undefined) {
    if (field.name === 'sha' || field.name.endsWith('_sha')) return hex(random, 40);
    if (field.format === 'uri' || field.name.endsWith('_url')) {
      return `https://api.github.com/${seed.path}/${String(index + 1)}`;
    }
    if (field.format === 'email') return `user${String(index + 1)}@example.com`;
    return `${field.name}-${String(index + 1)}`;
  }
  if (index === 0) return example;
  if (isIdField(field.name)) {
    return /^\d+$/.test(example) ? String(Number(example) + index) : `${example}-${String(index + 1)}`;
  }
  if (/^[0-9a-f]{7,64}$/.test(example)) return hex(random, example.length);
  if (field.format === 'email') return example.replace('@', `+${String(index + 1)}@`);
  // Names tell rows apart (`Hello-World-2`); other text (`push`, `main`) reads the same on every row.
  return NAME.test(field.name) ? `${example}-${String(index + 1)}` : rewriteIds(example, seed.ids);
}

/** Columns that name a row: each row gets its own value. */
const NAME = /^(?:name|title|display_title|login|slug|full_name|key)$|_name$/;

/** The example's ids in a URL or path replaced by the row's (`…/runs/30433642` → `…/runs/30433643`). */
function rewriteIds(text: string, ids: RowSeed['ids']): string {
  if (ids.length === 0) return text;
  return text.replace(/\/(\d+)(?=[/?#]|$)/g, (whole, id: string) => {
    const to = ids.find(([from]) => from === id)?.[1];
    return to === undefined ? whole : `/${to}`;
  });
}

/** Whether an example value has the type the column declares (examples are GitHub's, not checked). */
function fits(field: FieldDef, value: unknown): boolean {
  switch (field.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === field.type;
  }
}

/** FNV-1a of a text: the seed of a resource's rows, the same in every build. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
