import type {
  FieldDef,
  FieldType,
  HttpMethod,
  MethodDef,
  ParamDef,
  ParamLocation,
  ResponseShape,
  SqlVerb,
} from '../types';
import type { PageField, PageMethod } from './parsePage';
import { refName, type LocatedOperation, type SpecParam, type SpecSchema } from './openApi';

/**
 * Turns one method row of a provider page and its OpenAPI operation into a MethodDef, and a page's
 * fields and the row schema into FieldDefs. The page wins where the two differ: its method
 * description (StackQL's, older than the spec's), its field types (timestamps are `string`) and order.
 */

const PAGING = ['per_page', 'page'];
const VERBS: readonly string[] = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'REPLACE',
  'DELETE',
  'EXEC',
] satisfies SqlVerb[];
const HTTP: readonly string[] = ['GET', 'DELETE', 'POST'] satisfies HttpMethod[];
const FIELD_TYPES: readonly string[] = [
  'integer',
  'number',
  'string',
  'object',
  'boolean',
  'array',
] satisfies FieldType[];
const PARAM_TYPES: readonly string[] = [
  'string',
  'integer',
  'number',
  'boolean',
] satisfies ParamDef['type'][];
const LOCATIONS: readonly string[] = ['path', 'query', 'body'] satisfies ParamLocation[];

/** A MethodDef, or why the row and the operation do not make one. */
export type MethodResult =
  { readonly ok: true; readonly method: MethodDef } | { readonly ok: false; readonly why: string };

/**
 * Classic token scopes named in a description: backticked `read:packages`, `delete:packages`,
 * `admin:org`. A bare `repo` is left out: in GitHub's text it is only needed for some registries.
 */
export function scopesIn(...descriptions: readonly string[]): string[] {
  const found = descriptions.flatMap((d) => [...d.matchAll(/`([a-z_]+:[a-z_]+)`/g)].map((m) => m[1] ?? ''));
  return [...new Set(found)];
}

/** The 2xx response's shape and the schema name of one row, if it returns rows. */
function responseOf(op: LocatedOperation): { shape: ResponseShape; rowSchema?: string } | undefined {
  const code = Object.keys(op.operation.responses).find((c) => c.startsWith('2'));
  if (code === undefined) return undefined;
  const schema = op.operation.responses[code]?.schema;
  if (!schema) return { shape: 'empty' };
  if (schema.type === 'array') {
    const ref = schema.items?.$ref;
    return ref === undefined ? { shape: 'list' } : { shape: 'list', rowSchema: refName(ref) };
  }
  return schema.$ref === undefined ? { shape: 'item' } : { shape: 'item', rowSchema: refName(schema.$ref) };
}

/**
 * A param's definition. The spec gives no ranges for GitHub's ids and pages; they are positive
 * integers (`*_id`, `page`, `per_page`), and `per_page`'s maximum is in its description, "(max 100)".
 */
export function paramDef(p: SpecParam): ParamDef | string {
  const type = p.schema.type ?? '';
  if (!PARAM_TYPES.includes(type))
    return `param ${p.name} has type ${type || 'none'}, not one of ${PARAM_TYPES.join(', ')}`;
  if (!LOCATIONS.includes(p.in)) return `param ${p.name} is in ${p.in}, not path, query or body`;
  const positive = type === 'integer' && (p.name.endsWith('_id') || PAGING.includes(p.name));
  const minimum = p.schema.minimum ?? (positive ? 1 : undefined);
  const max = /\(max (\d+)\)/.exec(p.description ?? '')?.[1];
  const maximum = p.schema.maximum ?? (max === undefined ? undefined : Number(max));
  const def = p.schema.default;
  return {
    name: p.name,
    type: type as ParamDef['type'],
    in: p.in as ParamLocation,
    description: p.description ?? '',
    ...(p.schema.enum ? { enum: p.schema.enum } : {}),
    ...(def !== undefined && typeof def !== 'boolean' ? { default: def } : {}),
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

/** Optional params in the spec's order, paging last (`state, per_page, page`), as StackQL shows them. */
function optionalParams(params: readonly SpecParam[]): string[] {
  const names = params.filter((p) => p.required !== true).map((p) => p.name);
  return [...names.filter((n) => !PAGING.includes(n)), ...PAGING.filter((n) => names.includes(n))];
}

/** The MethodDef of a page row and its operation; the page's required params must be the spec's. */
export function buildMethod(row: PageMethod, op: LocatedOperation): MethodResult {
  if (!VERBS.includes(row.sqlVerb))
    return { ok: false, why: `SQL verb ${row.sqlVerb} is not SELECT, DELETE or EXEC` };
  if (!HTTP.includes(op.method))
    return { ok: false, why: `HTTP method ${op.method} is not GET, DELETE or POST` };
  const response = responseOf(op);
  if (!response) return { ok: false, why: `${op.operation.operationId} has no 2xx response` };
  const params = op.operation.parameters;
  const specRequired = params.filter((p) => p.required === true).map((p) => p.name);
  if ([...specRequired].sort().join() !== [...row.requiredParams].sort().join()) {
    return {
      ok: false,
      why: `the page's required params (${row.requiredParams.join(', ')}) are not the spec's (${specRequired.join(', ')})`,
    };
  }
  return {
    ok: true,
    method: {
      name: row.name,
      sqlVerb: row.sqlVerb as SqlVerb,
      requiredParams: row.requiredParams,
      optionalParams: optionalParams(params),
      http: { method: op.method as HttpMethod, path: op.path, operationId: op.operation.operationId },
      response: response.shape,
      paginated: params.some((p) => p.name === 'page'),
      scopes: scopesIn(op.operation.description ?? '', row.description),
      description: row.description,
    },
  };
}

/** The schema name of the rows an operation returns, if any. */
export function rowSchemaOf(op: LocatedOperation): string | undefined {
  return responseOf(op)?.rowSchema;
}

/**
 * FieldDefs in the page's order with its types and descriptions; `format`, `required` and `enum`
 * from the row schema. Returns the problems for page fields the schema lacks or types it cannot show.
 */
export function buildFields(
  fields: readonly PageField[],
  schema: SpecSchema | undefined,
): { fields: FieldDef[]; problems: string[] } {
  const problems: string[] = [];
  const out = fields.map((f): FieldDef => {
    const prop = schema?.properties?.[f.name];
    if (schema && !prop) problems.push(`field ${f.name} is not a property of the row schema`);
    if (!FIELD_TYPES.includes(f.type)) problems.push(`field ${f.name} has datatype ${f.type || 'none'}`);
    return {
      name: f.name,
      type: (FIELD_TYPES.includes(f.type) ? f.type : 'string') as FieldType,
      description: f.description,
      ...(prop?.format ? { format: prop.format } : {}),
      required: schema?.required?.includes(f.name) ?? false,
      ...(prop?.enum ? { enum: prop.enum } : {}),
    };
  });
  return { fields: out, problems };
}
