import type { ParamDef, ParamLocation } from '../types';
import type { SpecOperation, SpecParam, SpecSchema } from './openApi';

/**
 * Params from the OpenAPI operation: its path and query params, and its JSON body's properties as
 * StackQL's `data__<property>` columns.
 */

export const PAGING = ['per_page', 'page'];
/** StackQL's prefix for a column that is a property of the request body. */
export const BODY_PREFIX = 'data__';

const SCALAR_TYPES: readonly string[] = ['string', 'integer', 'number', 'boolean'];
const BODY_TYPES: readonly string[] = [...SCALAR_TYPES, 'array', 'object'];
const LOCATIONS: readonly string[] = ['path', 'query'] satisfies ParamLocation[];

/** The body property a `data__x` param name sets, or undefined for a path or query param's name. */
export function bodyProperty(name: string): string | undefined {
  return name.startsWith(BODY_PREFIX) ? name.slice(BODY_PREFIX.length) : undefined;
}

/** Ranges and defaults of a param's schema, with the positives GitHub leaves implicit. */
function limits(name: string, schema: SpecSchema, description: string) {
  const positive = schema.type === 'integer' && (name.endsWith('_id') || PAGING.includes(name));
  const minimum = schema.minimum ?? (positive ? 1 : undefined);
  const max = /\(max (\d+)\)/.exec(description)?.[1];
  const maximum = schema.maximum ?? (max === undefined ? undefined : Number(max));
  const def = schema.default;
  return {
    ...(schema.enum ? { enum: schema.enum } : {}),
    ...(def !== undefined && (typeof def === 'string' || typeof def === 'number') ? { default: def } : {}),
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

/**
 * A path or query param's definition. The spec gives no ranges for GitHub's ids and pages; they are
 * positive integers (`*_id`, `page`, `per_page`), and `per_page`'s maximum is in its description,
 * "(max 100)". An array query param (`exclude`) becomes one value of its items' type and enum.
 */
export function paramDef(p: SpecParam): ParamDef | string {
  const array = p.schema.type === 'array' ? p.schema.items : undefined;
  const schema = array ? { ...array, description: p.schema.description } : p.schema;
  const type = schema.type ?? '';
  if (!SCALAR_TYPES.includes(type))
    return `param ${p.name} has type ${type || 'none'}, not one of ${SCALAR_TYPES.join(', ')}`;
  if (!LOCATIONS.includes(p.in)) return `param ${p.name} is in ${p.in}, not path or query`;
  const description = p.description ?? '';
  return {
    name: p.name,
    type: type as ParamDef['type'],
    in: p.in as ParamLocation,
    description,
    ...limits(p.name, schema, description),
  };
}

/** The `data__<property>` param of a request body's property. */
export function bodyParamDef(property: string, schema: SpecSchema): ParamDef | string {
  const name = `${BODY_PREFIX}${property}`;
  const type = schema.$ref ? 'object' : (schema.type ?? '');
  if (!BODY_TYPES.includes(type)) return `body param ${name} has type ${type || 'none'}`;
  const description = schema.description ?? '';
  return {
    name,
    type: type as ParamDef['type'],
    in: 'body',
    property,
    description,
    ...limits(name, schema, description),
  };
}

/** The definition of one of an operation's params by its catalogue name (`data__x` for the body). */
export function operationParam(op: SpecOperation, name: string): ParamDef | string | undefined {
  const property = bodyProperty(name);
  if (property === undefined) {
    const p = op.parameters.find((s) => s.name === name);
    return p && paramDef(p);
  }
  const schema = op.requestBody?.properties?.[property];
  return schema && bodyParamDef(property, schema);
}

/** The names of an operation's params as the catalogue names them, required ones and the others. */
export function operationParamNames(op: SpecOperation): { required: string[]; optional: string[] } {
  const body = op.requestBody;
  const bodyNames = Object.keys(body?.properties ?? {});
  const required = [
    ...op.parameters.filter((p) => p.required === true).map((p) => p.name),
    ...bodyNames.filter((n) => body?.required?.includes(n)).map((n) => `${BODY_PREFIX}${n}`),
  ];
  const names = [
    ...op.parameters.filter((p) => p.required !== true).map((p) => p.name),
    ...bodyNames.filter((n) => !body?.required?.includes(n)).map((n) => `${BODY_PREFIX}${n}`),
  ];
  // Paging last (`state, per_page, page`), as StackQL shows them.
  const optional = [...names.filter((n) => !PAGING.includes(n)), ...PAGING.filter((n) => names.includes(n))];
  return { required, optional };
}
