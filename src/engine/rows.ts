import type { ApiCall, ParamValue } from '../resources/calls';
import type { ResourceDef } from '../resources/types';
import { isPagingParam } from '../sql/params';

/** A row as GitHub returns it: a JSON object. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Rows of one call as the engine stores them. Each row has the resource's fields as its own
 * enumerable properties, in definition order (missing ones as null, as StackQL shows them), so
 * `SELECT *` returns exactly the documented columns in the documented order. The call's params (org,
 * package_name, …, and the defaults of optional params the call left out, like state = 'active') sit
 * on a shared prototype as non-enumerable properties: alasql's `SELECT *` copies with `for…in`, which
 * skips them, while `WHERE org = 'acme'` and `SELECT org` read them. One prototype per call keeps this
 * to one object per dataset rather than four properties per row.
 */
export function decorateRows(
  fields: readonly string[],
  values: Readonly<Record<string, ParamValue>>,
  rows: readonly Row[],
): Row[] {
  const proto: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    // A param that is also a field (`package_type` of a package) is the row's own value.
    if (fields.includes(name)) continue;
    Object.defineProperty(proto, name, { value, enumerable: false, writable: false });
  }
  return rows.map((row) => {
    const out = Object.create(proto) as Record<string, unknown>;
    for (const f of fields) out[f] = Object.prototype.hasOwnProperty.call(row, f) ? row[f] : null;
    return out;
  });
}

/**
 * The param columns every row of a call carries: the call's params, and the defaults of the optional
 * params it left out (paging aside), since GitHub applied those defaults to the rows it returned.
 */
export function rowParams(resource: ResourceDef, call: ApiCall): Record<string, ParamValue> {
  const method = resource.methods.find((m) => m.name === call.method);
  const out: Record<string, ParamValue> = {};
  for (const name of method?.optionalParams ?? []) {
    const def = resource.params[name]?.default;
    if (def !== undefined && !isPagingParam(name)) out[name] = def;
  }
  // The call's own values win over defaults (a call with state = 'deleted').
  return { ...out, ...call.params };
}
