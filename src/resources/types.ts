/**
 * The shape of a StackQL resource as this site sees it. One value of `ResourceDef` feeds the docs
 * tables, the SQL planner, editor completions, the sample data and the fake GitHub API, so nothing
 * repeats a field or param list by hand.
 */

/** Datatype of a column as the docs show it (StackQL's names for the OpenAPI types). */
export type FieldType = 'integer' | 'number' | 'string' | 'object' | 'boolean' | 'array';

/** A column of a resource, as the docs and the SQL engine see it. */
export interface FieldDef {
  /** Column name, the property name in GitHub's JSON. */
  readonly name: string;
  /** Datatype as shown in the docs: `integer`, `string`, `object`. */
  readonly type: FieldType;
  /** One-line description; empty where the provider's page shows none. */
  readonly description: string;
  /** OpenAPI `format`, where the spec gives one (`date-time` for timestamps). */
  readonly format?: string;
  /** Whether the row schema (`package-version`) lists the property as required. */
  readonly required: boolean;
  /** Values the row schema allows (`package_type`, `visibility`), for completions. */
  readonly enum?: readonly string[];
}

/**
 * Where a param goes in the HTTP request. A param can be a path param of one method and a query param
 * of another (`package_type` of `org_packages`): `ParamDef.in` is where the resource's first method
 * that takes it puts it; for one method, a `{name}` in its path template decides (`calls.ts`).
 * `body`: a property of the JSON request body, named as StackQL names its column, `data__<property>`
 * (`data__title` sets `title`); see `ParamDef.property`. No packages method has a body.
 */
export type ParamLocation = 'path' | 'query' | 'body';

/**
 * A param of one or more methods: a WHERE column for SELECT/DELETE, an `@name=` for EXEC, a
 * `data__<property>` column for INSERT/UPDATE/REPLACE.
 */
export interface ParamDef {
  readonly name: string;
  /**
   * `array` and `object` are only body params (`data__labels`, `data__config`): their value is JSON
   * text. An array query param of GitHub's (`exclude`) is `string`: one value, sent once.
   */
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  readonly in: ParamLocation;
  /** For `in: 'body'`: the request body's property it sets (`title` for `data__title`). */
  readonly property?: string;
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

/**
 * The SQL verb a method is reached by, as in StackQL's `SHOW METHODS` (`SQLVerb` column). INSERT,
 * UPDATE and REPLACE are documented with examples; the playground refuses to run them and shows the
 * request it would make.
 */
export const SQL_VERBS = ['SELECT', 'INSERT', 'UPDATE', 'REPLACE', 'DELETE', 'EXEC'] as const;
export type SqlVerb = (typeof SQL_VERBS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a method's successful response holds: an array of rows (or rows wrapped in an object, see
 * `MethodDef.rowsKey`), one row, nothing (204), or a `302` redirect whose `Location` is a file to
 * download (logs, archives: GitHub documents no body), so no rows.
 */
export type ResponseShape = 'list' | 'item' | 'empty' | 'redirect';

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
  /** What the 2xx (or 302) response holds: an array of rows, one row, nothing, or a redirect. */
  readonly response: ResponseShape;
  /**
   * For a list whose 2xx body wraps its rows (`{ total_count, workflow_runs: [...] }`): the property that
   * holds the rows (`workflow_runs`). The client, the fake API and the sample data read it from here,
   * never from special cases in code. Absent when the body is the array itself.
   */
  readonly rowsKey?: string;
  /** Whether the response is paginated with `page`/`per_page` and a `Link` header. */
  readonly paginated: boolean;
  /**
   * Classic personal-access-token scopes GitHub's descriptions name for the method (the operation's
   * and the page's): `read:packages`, `repo`. Where the text offers a choice (`repo` or `public_repo`)
   * all are listed; a scope the text names only as also needed in some cases (`repo` for packages of
   * registries with repository-scoped permissions) is left out. Empty where GitHub documents none.
   */
  readonly scopes: readonly string[];
  /**
   * Set when the operation is taken from the spec of the provider's time, not the extracts' current
   * `@octokit/openapi`: its version. GitHub has since removed the operation (classic Projects, team
   * discussions, tag protection: calls to them fail), or moved it to a route whose params are not the
   * page's (`/repositories/{repository_id}/environments/…` → `/repos/{owner}/{repo}/environments/…`).
   */
  readonly specVersion?: string;
  /** Description as the provider's page shows it: Markdown with `<br />` line breaks. */
  readonly description: string;
  /**
   * For DELETE and EXEC: the SELECT method (of any resource of the service) whose GET path is this
   * method's path (without a trailing `/restore`), i.e. what reads the rows the write touches, so the
   * confirmation can show them. Absent for SELECTs and for writes with no such GET.
   */
  readonly lookup?: MethodLookup;
}

/** A SELECT method named by resource id and method name. */
export interface MethodLookup {
  /** Fully qualified resource id, `github.packages.org_packages`. */
  readonly resource: string;
  readonly method: string;
}

/** A ready-to-run StackQL statement, for the docs and the playground's example list. */
export interface ExampleQuery {
  /** Short heading, `List the versions of a package`. */
  readonly title: string;
  /** The method the statement reaches (for a JOIN, the left table's). */
  readonly method: string;
  readonly sql: string;
  /** `chart`: the answer is a picture (versions per month), so the playground opens it in the Chart view. */
  readonly view?: 'chart';
  /** The chart's settings where the proposal from the result's columns is not the one meant. */
  readonly chart?: ExampleChart;
}

/** A chart an example opens with: column names of its result, checked against the result when it runs. */
export interface ExampleChart {
  readonly kind?: 'bar' | 'line' | 'area' | 'dot';
  readonly x?: string;
  readonly y?: readonly string[];
  readonly group?: string;
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
  /**
   * The OpenAPI schema name of one row (`package-version`); for a row schema written inline in the
   * response, the operation id (`actions/get-workflow-usage`), with `#<property>` for the rows a
   * list wraps. Empty for a resource with no rows (only writes, or a response with no schema).
   */
  readonly rowSchema: string;
  /**
   * One row as GitHub's own response example shows it (the first SELECT method's with an example, of
   * the row schema), cut to the resource's fields: nested objects keep their scalar members, arrays
   * their first item. The seed of the sample data, with the field types. Absent where GitHub gives no
   * example.
   */
  readonly sampleRow?: Readonly<Record<string, unknown>>;
  /**
   * Statements that run on the sample data: one per method in method order (values from the
   * catalogue's samples file), then the resource's hand-written extras (JOINs).
   */
  readonly examples: readonly ExampleQuery[];
}

/** A StackQL service (`github.packages`) and its resources, as the service page and `SHOW` see it. */
export interface ServiceDef {
  readonly provider: string;
  /** Service name, `packages`. */
  readonly name: string;
  /** StackQL's versioned service id, `packages:v24.04.00227`. */
  readonly id: string;
  /** `GitHub V3 REST API - Packages`. */
  readonly title: string;
  /** One line, from the service page. */
  readonly description: string;
  /** The service page's summary; equal to what `resources` holds (the catalogue tests check). */
  readonly summary: ServiceSummary;
  /** Resources in the order the service page lists them. */
  readonly resources: readonly ResourceDef[];
}

/** The counts a service page's summary box shows. */
export interface ServiceSummary {
  readonly resources: number;
  /** Resources with at least one SELECT method. */
  readonly selectableResources: number;
  readonly methods: number;
}
