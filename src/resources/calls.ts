import type { HttpMethod, MethodDef, ParamDef, ResourceDef } from './types';

/** A param value as it reaches the API: strings for names, integers for ids and paging. */
export type ParamValue = string | number;

/** One planned API call: the method of a resource and its params, before any request is made. */
export interface ApiCall {
  /** Fully qualified resource id, `github.packages.org_versions`. */
  readonly resource: string;
  /** StackQL method name, `get_all_package_versions_for_package_owned_by_org`. */
  readonly method: string;
  /** Required and optional params by name; path params are encoded by `buildPath`, not here. */
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * The request path of a method with its path params filled in and URL-encoded. Container names can
 * contain `/`, which must reach GitHub as `%2F`, so each param is encoded with encodeURIComponent.
 * Throws when a path param is missing: the planner checks required params before this is called.
 */
export function buildPath(method: MethodDef, params: Readonly<Record<string, ParamValue>>): string {
  return method.http.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path param ${name} for ${method.name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * The query-string params of a call, required then optional, in a stable order: the method's params
 * that are not in its path template. A param's location is per method (`package_type` is in the path
 * of `get_package_for_organization` but in the query of `list_packages_for_organization`), so the
 * template decides, not the resource-level `ParamDef.in`; body params never go in the query.
 */
export function queryParams(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  return methodParams(
    method,
    params,
    (name) => !method.http.path.includes(`{${name}}`) && resource.params[name]?.in !== 'body',
  );
}

/**
 * The params of `params` that `method` takes (and `keep` keeps), required then optional, in the
 * method's order.
 */
export function methodParams(
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
  keep: (name: string) => boolean = () => true,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const name of [...method.requiredParams, ...method.optionalParams]) {
    const value = params[name];
    if (value !== undefined && keep(name)) out[name] = value;
  }
  return out;
}

/** A stable key for a call, for caches: the API base URL, the method and its params sorted by name. */
export function callKey(apiBaseUrl: string, call: ApiCall): string {
  const sorted = Object.keys(call.params)
    .sort()
    .map((k) => [k, call.params[k]]);
  return JSON.stringify([apiBaseUrl.replace(/\/+$/, ''), call.resource, call.method, sorted]);
}

/**
 * The request-body params of a call, by param name (`data__title`), as the statement gave them: the
 * method's params the resource puts in the body (an EXEC's `@@json` keys, INSERT's `data__` columns).
 * `requestBody` makes the JSON body of them.
 */
export function bodyParams(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  return methodParams(method, params, (name) => resource.params[name]?.in === 'body');
}

/** A JSON request body: the body params of a call, by the property each sets, typed as the API takes them. */
export type RequestBody = Readonly<Record<string, unknown>>;

/**
 * The JSON request body of a call, or undefined when the method takes no body param or none is given.
 * Each body param sets its `property` (`data__title` sets `title`); its value, held as SQL gave it, is
 * typed by its definition: integers and numbers as numbers, booleans from `true`/`false`, arrays and
 * objects from their JSON text (checked by the planner), strings as they are.
 */
export function requestBody(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
): RequestBody | undefined {
  const given = bodyParams(resource, method, params);
  const names = Object.keys(given);
  if (names.length === 0) return undefined;
  const body: Record<string, unknown> = {};
  for (const name of names) {
    const def = resource.params[name];
    body[def?.property ?? name] = jsonValue(def?.type, given[name] ?? '');
  }
  return body;
}

/** A param value as the JSON body holds it, by the param's type. */
function jsonValue(type: ParamDef['type'] | undefined, value: ParamValue): unknown {
  if (typeof value === 'number') return type === 'string' ? String(value) : value;
  switch (type) {
    case 'integer':
    case 'number':
      return /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
    case 'object':
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    default:
      return value;
  }
}

/** One HTTP request a call makes, as the client sends it and the playground shows it. */
export interface PlannedRequest {
  readonly method: HttpMethod;
  /** The base URL, the path with its params filled in and URL-encoded, then the query string. */
  readonly url: string;
  /** The JSON request body, for methods with body params. */
  readonly body?: RequestBody;
}

/**
 * The request of a call: method, URL (`baseUrl` + path + query) and JSON body. With `baseUrl` empty, the
 * URL is the path and query alone (`/repos/acme/hello/issues?state=open`), as GitHub's docs write it.
 */
export function buildRequest(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
  baseUrl = '',
): PlannedRequest {
  const query = queryString(queryParams(resource, method, params));
  const body = requestBody(resource, method, params);
  return {
    method: method.http.method,
    url: `${baseUrl}${buildPath(method, params)}${query}`,
    ...(body ? { body } : {}),
  };
}

/** `?a=1&b=x`, or '' for no params. */
export function queryString(query: Readonly<Record<string, ParamValue>>): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `?${search}` : '';
}

/** `POST /orgs/acme/repos with the JSON body {"name":"x"}`: a request in one line of text. */
export function requestText(request: PlannedRequest): string {
  const body = request.body ? ` with the JSON body ${JSON.stringify(request.body)}` : '';
  return `${request.method} ${request.url}${body}`;
}

/**
 * What one row of a resource is, in words, for messages (`package version`, `workflow run`): its row
 * schema's name when it is one (`package-version`), else its resource name in the singular.
 */
export function rowNoun(resource: Pick<ResourceDef, 'name' | 'rowSchema'>): string {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(resource.rowSchema)) return resource.rowSchema.replaceAll('-', ' ');
  const words = resource.name.split('_');
  return [...words.slice(0, -1), singular(words[words.length - 1] ?? '')].join(' ');
}

/**
 * `runs` → `run`, `repositories` → `repository`, `branches` → `branch`, `caches` → `cache`, `analyses`
 * → `analysis`; other words as they are.
 */
export function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('yses')) return `${word.slice(0, -4)}ysis`;
  if (/(?:ss|[^a]ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** `version` → `versions`, `repository` → `repositories`, `branch` → `branches`. */
export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|ch|sh|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
