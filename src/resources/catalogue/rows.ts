import type { ResponseShape } from '../types';
import { refName, type LocatedOperation, type SpecResponse, type SpecSchema } from './openApi';

/**
 * Where a method's rows are in its response, decided by data: the response's schema, and the page's
 * fields (StackQL's columns) to choose between an object and the rows it wraps.
 */

/** One way to read rows from a response: the object itself, its array, or an array it wraps. */
export interface RowSource {
  readonly shape: ResponseShape;
  /** The schema name of one row (see `ResourceDef.rowSchema`); '' when the response names none. */
  readonly schemaName: string;
  readonly schema?: SpecSchema;
  /** The property of the response object that holds the rows (`workflow_runs`). */
  readonly rowsKey?: string;
}

type Schemas = Readonly<Record<string, SpecSchema>>;

/** The operation's success response: its first 2xx, else a redirect (3xx). */
export function successResponse(op: LocatedOperation): { code: string; response: SpecResponse } | undefined {
  const codes = Object.keys(op.operation.responses);
  const code = codes.find((c) => c.startsWith('2')) ?? codes.find((c) => c.startsWith('3'));
  const response = code === undefined ? undefined : op.operation.responses[code];
  return code === undefined || !response ? undefined : { code, response };
}

function named(schema: SpecSchema | undefined, schemas: Schemas): { name: string; schema?: SpecSchema } {
  if (schema?.$ref === undefined) return { name: '', ...(schema ? { schema } : {}) };
  const name = refName(schema.$ref);
  const target = schemas[name];
  return { name, ...(target ? { schema: target } : {}) };
}

/**
 * The ways an operation's response can be read as rows: an array's items; an object as one row, or
 * the items of each of its arrays of objects (`{ total_count, workflow_runs: [...] }`). Undefined when
 * it has no success response.
 */
export function rowSources(op: LocatedOperation, schemas: Schemas): RowSource[] | undefined {
  const success = successResponse(op);
  if (!success) return undefined;
  if (success.code.startsWith('3')) return [{ shape: 'redirect', schemaName: '' }];
  const schema = success.response.schema;
  if (!schema) return [{ shape: 'empty', schemaName: '' }];
  if (schema.type === 'array') {
    const items = named(schema.items, schemas);
    return [{ shape: 'list', schemaName: items.name, ...(items.schema ? { schema: items.schema } : {}) }];
  }
  const object = named(schema, schemas);
  const item: RowSource = {
    shape: 'item',
    schemaName: object.name,
    ...(object.schema ? { schema: object.schema } : {}),
  };
  const wrapped = Object.entries(object.schema?.properties ?? {}).flatMap(([key, prop]): RowSource[] => {
    const rows = prop.type === 'array' ? named(prop.items, schemas) : undefined;
    if (!rows?.schema?.properties) return [];
    return [{ shape: 'list', schemaName: rows.name, schema: rows.schema, rowsKey: key }];
  });
  return [item, ...wrapped];
}

/** How many of the page's fields a row source's schema has. */
export function coverage(source: RowSource, fields: readonly string[]): number {
  const props = source.schema?.properties ?? {};
  return fields.filter((f) => f in props).length;
}

/**
 * The row source that holds the page's fields: the one with most of them, the object itself on a tie
 * (a wrapper that shares the rows' fields is still one row).
 */
export function bestRowSource(
  sources: readonly RowSource[],
  fields: readonly string[],
): RowSource | undefined {
  let best: RowSource | undefined;
  for (const s of sources) if (!best || coverage(s, fields) > coverage(best, fields)) best = s;
  return best;
}

/** The rows of an example response as the source reads them; the first row only. */
export function exampleRow(source: RowSource, example: unknown): Record<string, unknown> | undefined {
  const holder: unknown =
    source.rowsKey === undefined ? example : (example as Record<string, unknown> | null)?.[source.rowsKey];
  const row: unknown = source.shape === 'list' ? (Array.isArray(holder) ? holder[0] : undefined) : holder;
  return row !== null && typeof row === 'object' && !Array.isArray(row)
    ? (row as Record<string, unknown>)
    : undefined;
}

/** A nested member a sample row keeps: a scalar that is not one of GitHub's API links (`*_url`). */
const keptMember = ([key, value]: [string, unknown]): boolean =>
  (value === null || typeof value !== 'object') && !/(^|_)url$/.test(key);

/**
 * A field's example value cut to what a sample row needs: a nested object keeps its scalar members
 * but the links (an `owner` is its `login`, `id`, `type`, not its eight API URLs), an array its first
 * item.
 */
function lean(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 1).map(lean);
  return Object.fromEntries(Object.entries(value).filter(keptMember));
}

/** An example row cut to the resource's fields, in field order, for `ResourceDef.sampleRow`. */
export function sampleRowOf(
  row: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, lean(row[f])]));
}
