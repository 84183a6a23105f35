/**
 * The shape of a StackQL resource as this site sees it. One value of `ResourceDef` feeds the docs
 * tables, the SQL planner, editor completions, the sample data and the fake GitHub API, so nothing
 * repeats a field or param list by hand.
 */

/** Datatype of a column as the docs show it (StackQL's names for the OpenAPI types). */
export type FieldType = 'integer' | 'string' | 'object' | 'boolean' | 'array';

/** A column of a resource, as the docs and the SQL engine see it. */
export interface FieldDef {
  /** Column name, the property name in GitHub's JSON. */
  readonly name: string;
  /** Datatype as shown in the docs: `integer`, `string`, `object`. */
  readonly type: FieldType;
  /** One-line description; empty where the provider's page shows none. */
  readonly description: string;
  /** OpenAPI `format`, where the spec gives one (`date-time` for timestamps). */
  readonly format?: 'date-time';
  /** Whether GitHub's `package-version` schema lists the property as required. */
  readonly required: boolean;
}

/** Where a param goes in the HTTP request. */
export type ParamLocation = 'path' | 'query';

/** A param of one or more methods: a WHERE column for SELECT/DELETE, an `@name=` for EXEC. */
export interface ParamDef {
  readonly name: string;
  readonly type: 'string' | 'integer';
  readonly in: ParamLocation;
  /** GitHub's description of the param, in Markdown. */
  readonly description: string;
  /** Allowed values, when the API restricts them (`package_type`, `state`). */
  readonly enum?: readonly string[];
  /** The API's default when the param is left out. */
  readonly default?: string | number;
  /** Smallest allowed value for integers (ids are positive, `per_page` at least 1). */
  readonly minimum?: number;
  /** Largest allowed value for integers (`per_page` ≤ 100). */
  readonly maximum?: number;
}

/** The SQL verb a method is reached by, as in StackQL's `SHOW METHODS` (`SQLVerb` column). */
export type SqlVerb = 'SELECT' | 'DELETE' | 'EXEC';

export type HttpMethod = 'GET' | 'DELETE' | 'POST';

/** What a method's successful response holds. */
export type ResponseShape = 'list' | 'item' | 'empty';

/** A GitHub REST operation a StackQL statement maps to. */
export interface MethodDef {
  /** StackQL's method name: the operation id in snake_case. */
  readonly name: string;
  readonly sqlVerb: SqlVerb;
  /** Params the statement must give; the planner refuses a statement that lacks one. */
  readonly requiredParams: readonly string[];
  /** Params the statement may give (list filters and paging). */
  readonly optionalParams: readonly string[];
  readonly http: {
    readonly method: HttpMethod;
    /** OpenAPI path template, `{name}` for each path param. */
    readonly path: string;
    /** GitHub's operation id (`packages/get-package-version-for-organization`). */
    readonly operationId: string;
  };
  /** What the 2xx response holds: an array of rows, one row, or nothing (204). */
  readonly response: ResponseShape;
  /** Whether the response is paginated with `page`/`per_page` and a `Link` header. */
  readonly paginated: boolean;
  /**
   * Classic personal-access-token scopes the method needs. GitHub Packages accepts classic tokens only.
   * Registries that only support repository-scoped permissions also need `repo`.
   */
  readonly scopes: readonly string[];
  /** Description as the provider's page shows it: Markdown with `<br />` line breaks. */
  readonly description: string;
}

/** A StackQL resource: `provider.service.resource`. */
export interface ResourceDef {
  readonly provider: string;
  readonly service: string;
  readonly name: string;
  /** Fully qualified name, `github.packages.org_versions`. */
  readonly id: string;
  /** StackQL's resource type, shown in the Overview table. */
  readonly type: 'Resource';
  /** One sentence for the service page and completions. */
  readonly summary: string;
  /** Columns in the order the provider's page lists them. */
  readonly fields: readonly FieldDef[];
  /** Methods in the order the provider's page lists them. */
  readonly methods: readonly MethodDef[];
  /** Every param any method takes, by name. */
  readonly params: Readonly<Record<string, ParamDef>>;
  /** The OpenAPI schema name of one row (`package-version`). */
  readonly rowSchema: string;
}
