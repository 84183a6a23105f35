import type { ApiCall } from '../resources/calls';
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
export function decorateRows(resource: ResourceDef, call: ApiCall, rows: readonly Row[]): Row[] {
  const proto: Record<string, unknown> = {};
  const method = resource.methods.find((m) => m.name === call.method);
  const defaults = (method?.optionalParams ?? []).flatMap((name) => {
    const def = resource.params[name];
    return def?.default !== undefined && !isPagingParam(name) ? [[name, def.default] as const] : [];
  });
  // The call's own values win over defaults (a call with state = 'deleted').
  for (const [name, value] of new Map([...defaults, ...Object.entries(call.params)])) {
    Object.defineProperty(proto, name, { value, enumerable: false, writable: false });
  }
  const fields = resource.fields.map((f) => f.name);
  return rows.map((row) => {
    const out = Object.create(proto) as Record<string, unknown>;
    for (const f of fields) out[f] = Object.prototype.hasOwnProperty.call(row, f) ? row[f] : null;
    return out;
  });
}
