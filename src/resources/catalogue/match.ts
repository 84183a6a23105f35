import type { PageMethod } from './parsePage';
import { operations, stackqlMethodName, type LocatedOperation, type OpenApiExtract } from './openApi';
import { bodyProperty, operationParamNames } from './params';

/**
 * Which operation each page method is. StackQL's method name is the operation id after `service/` in
 * snake_case; the extract holds the service's operations, any other service's operation of a name
 * the pages use (StackQL files some operations under another service), and the removed operations of
 * the provider's time. What no name finds, or finds with other path and query params than the page
 * requires, is matched by its params (GitHub or Octokit renamed the operation: the one unclaimed
 * operation of a compatible HTTP method whose required params are the page's), or reported.
 */

/** How a page method found its operation. */
export type MatchKind = 'name' | 'params';

export interface Match {
  readonly op: LocatedOperation;
  readonly kind: MatchKind;
}

/** The HTTP methods an SQL verb can be (EXEC any). */
const HTTP_OF: Readonly<Record<string, readonly string[]>> = {
  SELECT: ['GET'],
  DELETE: ['DELETE'],
  INSERT: ['POST', 'PUT'],
  UPDATE: ['PATCH', 'PUT'],
  REPLACE: ['PUT'],
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Whether an operation's required path and query params are the page's required non-body ones. */
function routeFits(row: PageMethod, op: LocatedOperation): boolean {
  const route = (names: readonly string[]) => names.filter((n) => bodyProperty(n) === undefined);
  return sameSet(route(operationParamNames(op.operation).required), route(row.requiredParams));
}

/** Whether an operation takes exactly the page's required params, and can be reached by its verb. */
function fitsByParams(row: PageMethod, op: LocatedOperation): boolean {
  const http = HTTP_OF[row.sqlVerb];
  if (http && !http.includes(op.method)) return false;
  return sameSet(operationParamNames(op.operation).required, row.requiredParams);
}

/** Each page method's operation, by method name; names with none are left out. */
export function matchOperations(extract: OpenApiExtract, methods: readonly PageMethod[]): Map<string, Match> {
  const all = operations(extract);
  const own = `${extract.service.replaceAll('_', '-')}/`;
  // The service's own operation first, where another service has one of the same name.
  const ordered = [...all.filter((o) => o.operation.operationId.startsWith(own)), ...all];
  const byName = new Map<string, Match>();
  const names = new Set(methods.map((m) => m.name));
  for (const op of ordered) {
    const name = stackqlMethodName(op.operation.operationId);
    if (names.has(name) && !byName.has(name)) byName.set(name, { op, kind: 'name' });
  }
  const claimed = new Set([...byName.values()].map((m) => m.op));
  for (const row of methods) {
    const named = byName.get(row.name);
    if (named && routeFits(row, named.op)) continue;
    const fits = all.filter(
      (op) =>
        !claimed.has(op) && !names.has(stackqlMethodName(op.operation.operationId)) && fitsByParams(row, op),
    );
    const [only] = fits;
    if (only && fits.length === 1) {
      byName.set(row.name, { op: only, kind: 'params' });
      claimed.add(only);
      if (named) claimed.delete(named.op);
    }
  }
  return byName;
}
