/**
 * The rows a fake API serves for every resource the `packages` dataset does not cover: generated the
 * first time a request needs them (a page that reads one service never generates another's), then
 * kept for the life of the fake, so reads agree with each other and a delete stays deleted.
 */
import type { FieldDef, ResourceDef } from '../../resources/types';
import type { Row } from '../types';
import { hashOf } from './fieldValues';
import { generateRow, generateRows } from './generateRows';

/** Generated rows by resource, with the writes made to them. */
export interface SampleRows {
  /** The live rows of a resource, generated on first use. */
  rows(resource: ResourceDef): readonly Row[];
  /**
   * The row whose `field` is `value`: a live row, else one generated for that value (any name or id
   * reads as a row of the sample); undefined once that row was deleted.
   */
  find(resource: ResourceDef, field: FieldDef, value: string): Row | undefined;
  /** Deletes the row whose `field` is `value`; false when it was deleted before. */
  remove(resource: ResourceDef, field: FieldDef, value: string): boolean;
  /** Forgets every generated row and every delete. */
  reset(): void;
}

interface Rows {
  readonly live: Row[];
  /** `field=value` of each deleted row. */
  readonly deleted: Set<string>;
}

/** An empty store: nothing is generated until asked for. */
export function createSampleRows(): SampleRows {
  const byResource = new Map<string, Rows>();
  const of = (resource: ResourceDef): Rows => {
    let rows = byResource.get(resource.id);
    if (!rows) {
      rows = { live: generateRows(resource), deleted: new Set() };
      byResource.set(resource.id, rows);
    }
    return rows;
  };
  const indexOf = (rows: Rows, field: FieldDef, value: string): number =>
    rows.live.findIndex((r) => String(r[field.name]) === value);

  return {
    rows: (resource) => of(resource).live,
    find(resource, field, value) {
      const rows = of(resource);
      const found = rows.live[indexOf(rows, field, value)];
      if (found) return found;
      if (rows.deleted.has(`${field.name}=${value}`)) return undefined;
      // Past the generated rows, so it is a row of its own; the same value gives the same row.
      const row = generateRow(resource, rows.live.length + (hashOf(value) % 100_000));
      return { ...row, [field.name]: typed(field, value) };
    },
    remove(resource, field, value) {
      const rows = of(resource);
      const key = `${field.name}=${value}`;
      if (rows.deleted.has(key)) return false;
      rows.deleted.add(key);
      const index = indexOf(rows, field, value);
      if (index >= 0) rows.live.splice(index, 1);
      return true;
    },
    reset() {
      byResource.clear();
    },
  };
}

/** A path value as the column holds it: a number for integer columns. */
export function typed(field: FieldDef, value: string): string | number {
  return field.type === 'integer' || field.type === 'number' ? Number(value) : value;
}
