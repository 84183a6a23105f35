import type { MethodDef, ResourceDef } from './types';

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
 * The request-body params of a call, by name: the method's params the resource puts in the body (an
 * EXEC's `@@json` keys). Empty for every packages method, which take none; the confirmation dialog
 * shows them with the request.
 */
export function bodyParams(
  resource: ResourceDef,
  method: MethodDef,
  params: Readonly<Record<string, ParamValue>>,
): Record<string, ParamValue> {
  return methodParams(method, params, (name) => resource.params[name]?.in === 'body');
}
