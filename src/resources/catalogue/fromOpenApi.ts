import {
  SQL_VERBS,
  type FieldDef,
  type FieldType,
  type HttpMethod,
  type MethodDef,
  type SqlVerb,
} from '../types';
import type { CatalogueProblemCode } from './errors';
import type { PageField, PageMethod } from './parsePage';
import type { LocatedOperation, SpecSchema } from './openApi';
import { BODY_PREFIX, bodyProperty, operationParamNames } from './params';
import type { RowSource } from './rows';
import { scopesIn } from './scopes';

/**
 * Turns one method row of a provider page and its OpenAPI operation into a MethodDef, and a page's
 * fields and the row schemas into FieldDefs. The page wins where the two differ: its method
 * description (StackQL's, older than the spec's), its required params, its field types (timestamps are
 * `string`) and order. Where they differ, the caller is told, to report it.
 */

export { scopesIn } from './scopes';

const VERBS: readonly string[] = SQL_VERBS;
const HTTP: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies HttpMethod[];
const FIELD_TYPES: readonly string[] = [
  'integer',
  'number',
  'string',
  'object',
  'boolean',
  'array',
] satisfies FieldType[];

/** A MethodDef and what in it disagrees with the spec, or why the row and the operation make none. */
export type MethodResult =
  | { readonly ok: true; readonly method: MethodDef; readonly disagreements: readonly Disagreement[] }
  | { readonly ok: false; readonly why: string };

/** Where a built method and its operation disagree, for the report. */
export interface Disagreement {
  readonly code: Extract<CatalogueProblemCode, 'required-params' | 'removed-operation' | 'changed-operation'>;
  readonly message: string;
}

/** Names in `a` that `b` lacks. */
const minus = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));

/**
 * Where the page's required params and the operation's differ. The page is StackQL's truth for what
 * a statement must give; the spec says where each param goes. Described by where each name goes.
 */
function requiredDisagreement(page: readonly string[], op: LocatedOperation): string | undefined {
  const { required, optional } = operationParamNames(op.operation);
  const onlyPage = minus(page, required);
  const onlySpec = minus(required, page);
  if (onlyPage.length === 0 && onlySpec.length === 0) return undefined;
  const where = (n: string): string =>
    bodyProperty(n) !== undefined ? 'body' : optional.includes(n) ? 'optional' : 'unknown';
  const parts = [
    onlyPage.length > 0 &&
      `the page requires ${onlyPage.map((n) => `${n} (${optional.includes(n) ? 'optional in the spec' : `not in the spec${where(n) === 'body' ? "'s body" : ''}`})`).join(', ')}`,
    onlySpec.length > 0 && `the spec requires ${onlySpec.join(', ')}, which the page does not`,
  ].filter(Boolean);
  return `${parts.join('; ')} (the page's list is kept)`;
}

/**
 * The MethodDef of a page row, its operation and the row source of its response (for a SELECT, the one
 * that holds the page's fields). Required params are the page's; optional ones every other param of
 * the operation, body properties as `data__<property>`.
 */
export function buildMethod(row: PageMethod, op: LocatedOperation, rows: RowSource): MethodResult {
  if (!VERBS.includes(row.sqlVerb))
    return { ok: false, why: `SQL verb ${row.sqlVerb || 'none'} is not one of ${VERBS.join(', ')}` };
  if (!HTTP.includes(op.method))
    return { ok: false, why: `HTTP method ${op.method} is not one of ${HTTP.join(', ')}` };
  const names = operationParamNames(op.operation);
  const disagreements: Disagreement[] = [];
  const required = requiredDisagreement(row.requiredParams, op);
  if (required !== undefined) disagreements.push({ code: 'required-params', message: required });
  const older = op.operation['x-spec-version'];
  const moved = op.operation['x-current-route'];
  if (older !== undefined)
    disagreements.push(
      moved === undefined
        ? {
            code: 'removed-operation',
            message: `${op.operation.operationId} is not in the current spec (GitHub removed it): taken from @octokit/openapi ${older}`,
          }
        : {
            code: 'changed-operation',
            message: `${op.operation.operationId} is ${moved} in the current spec, without the page's params: the route of @octokit/openapi ${older} is kept`,
          },
    );
  return {
    ok: true,
    disagreements,
    method: {
      name: row.name,
      sqlVerb: row.sqlVerb as SqlVerb,
      requiredParams: row.requiredParams,
      optionalParams: minus([...names.required, ...names.optional], row.requiredParams),
      http: { method: op.method as HttpMethod, path: op.path, operationId: op.operation.operationId },
      response: rows.shape,
      ...(rows.rowsKey === undefined ? {} : { rowsKey: rows.rowsKey }),
      paginated: op.operation.parameters.some((p) => p.name === 'page'),
      scopes: scopesIn(op.operation.description ?? '', row.description),
      description: row.description,
      ...(older === undefined ? {} : { specVersion: older }),
    },
  };
}

/** The body params a page requires that are not the body's, for the report. */
export function unknownBodyParams(row: PageMethod, op: LocatedOperation): string[] {
  const props = Object.keys(op.operation.requestBody?.properties ?? {});
  return row.requiredParams.filter(
    (p) => p.startsWith(BODY_PREFIX) && !props.includes(p.slice(BODY_PREFIX.length)),
  );
}

/**
 * A schema's property for a page field: by name, or for StackQL's `<alternative>_<property>` column
 * the alternative's property (`public-user_login` → `login` of `public-user`).
 */
function propertyOf(schema: SpecSchema, field: string): SpecSchema | undefined {
  const direct = schema.properties?.[field];
  if (direct) return direct;
  for (const [alt, names] of Object.entries(schema['x-alternatives'] ?? {})) {
    const rest = field.startsWith(`${alt}_`) ? field.slice(alt.length + 1) : undefined;
    if (rest !== undefined && names.includes(rest)) return schema.properties?.[rest];
  }
  return undefined;
}

/** A property's type as the docs show it: a referenced schema is one `object`. */
function specType(prop: SpecSchema | undefined): string {
  return prop?.$ref !== undefined ? 'object' : (prop?.type ?? '');
}

/**
 * FieldDefs in the page's order with its types and descriptions; `format`, `required` and `enum`
 * from the first row schema that has the property (the resource's own, then its other SELECT
 * methods'). Where the page shows no usable datatype (empty, `text`, `null`), the spec's type is used.
 * Returns the problems: page fields no schema has, datatypes taken from the spec.
 */
export function buildFields(
  fields: readonly PageField[],
  schemas: readonly SpecSchema[],
): { fields: FieldDef[]; problems: string[] } {
  const problems: string[] = [];
  const out = fields.map((f): FieldDef => {
    const schema = schemas.find((s) => propertyOf(s, f.name) !== undefined);
    const prop = schema && propertyOf(schema, f.name);
    if (schemas.length > 0 && !prop) problems.push(`field ${f.name} is not a property of the row schema`);
    let type = f.type;
    if (!FIELD_TYPES.includes(type)) {
      const fromSpec = specType(prop);
      type = FIELD_TYPES.includes(fromSpec) ? fromSpec : 'string';
      problems.push(`field ${f.name} has datatype ${f.type || 'none'} on the page; ${type} is used`);
    }
    return {
      name: f.name,
      type: type as FieldType,
      description: f.description,
      ...(prop?.format ? { format: prop.format } : {}),
      required: schema?.required?.includes(f.name) ?? false,
      ...(prop?.enum ? { enum: prop.enum } : {}),
    };
  });
  return { fields: out, problems };
}
