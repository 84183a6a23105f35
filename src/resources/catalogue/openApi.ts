/**
 * The shape of a committed OpenAPI extract (`src/resources/spec/<service>.openapi.json`, written by
 * `scripts/extract-openapi.mjs`): the parts of GitHub's description the catalogue reads. JSON imports
 * are typed by their content, so the extract is narrowed to this once, in `asOpenApiExtract`.
 */

/** A JSON schema as far as the catalogue reads it. */
export interface SpecSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly string[];
  readonly default?: string | number | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: SpecSchema;
  readonly properties?: Readonly<Record<string, SpecSchema>>;
  readonly required?: readonly string[];
  /**
   * For a schema merged from named alternatives (`oneOf: [private-user, public-user]`): each one's
   * property names. StackQL names an alternative's columns after it: `public-user_login`.
   */
  readonly 'x-alternatives'?: Readonly<Record<string, readonly string[]>>;
}

export interface SpecParam {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly schema: SpecSchema;
}

export interface SpecResponse {
  readonly $ref?: string;
  readonly description?: string;
  /** A read's: the rows' schema; a write's: only its `type`. */
  readonly schema?: SpecSchema;
  /** A read's 2xx example (one row of a list), cut by the extract script. */
  readonly example?: unknown;
  /** A redirect's headers (`Location`). */
  readonly headers?: readonly string[];
}

export interface SpecOperation {
  readonly operationId: string;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters: readonly SpecParam[];
  /** The `application/json` body's schema, alternatives merged into one set of properties. */
  readonly requestBody?: SpecSchema;
  readonly responses: Readonly<Record<string, SpecResponse>>;
  /** Only for an operation taken from the provider-era spec: that spec's version. */
  readonly 'x-spec-version'?: string;
  /** Only for such an operation GitHub has moved: its current route, `GET /repos/{owner}/…`. */
  readonly 'x-current-route'?: string;
}

export interface OpenApiExtract {
  readonly source: { readonly package: string; readonly version: string; readonly file: string };
  readonly service: string;
  readonly paths: Readonly<Record<string, Readonly<Record<string, SpecOperation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, SpecSchema>> };
}

/** An operation with the path and HTTP method it sits under. */
export interface LocatedOperation {
  readonly path: string;
  /** Upper case, `GET`. */
  readonly method: string;
  readonly operation: SpecOperation;
}

/**
 * Checks the few things the catalogue relies on (paths of operations with ids and params, schemas)
 * and returns the value typed; throws a TypeError naming what is missing.
 */
export function asOpenApiExtract(value: unknown): OpenApiExtract {
  const v = value as Partial<OpenApiExtract> | null;
  if (!v || typeof v !== 'object' || !v.paths || !v.components?.schemas || !v.source || !v.service) {
    throw new TypeError('Not an OpenAPI extract: expected source, service, paths and components.schemas.');
  }
  for (const [path, ops] of Object.entries(v.paths)) {
    for (const [verb, op] of Object.entries(ops)) {
      if (typeof op.operationId !== 'string' || !Array.isArray(op.parameters)) {
        throw new TypeError(
          `Not an OpenAPI extract: ${verb.toUpperCase()} ${path} lacks operationId or parameters.`,
        );
      }
    }
  }
  return v as OpenApiExtract;
}

/** Every operation of the extract, in the extract's order. */
export function operations(extract: OpenApiExtract): LocatedOperation[] {
  return Object.entries(extract.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([verb, operation]) => ({ path, method: verb.toUpperCase(), operation })),
  );
}

/**
 * The schema name a `$ref` points at: `#/components/schemas/package` → `package`. The extract names an
 * inline row schema by its operation id, slash included (`actions/list-jobs-for-workflow-run`).
 */
export function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : ref.slice(ref.lastIndexOf('/') + 1);
}

/** StackQL's method name for an operation: the operation id after `service/`, in snake_case. */
export function stackqlMethodName(operationId: string): string {
  return operationId.slice(operationId.indexOf('/') + 1).replaceAll('-', '_');
}
