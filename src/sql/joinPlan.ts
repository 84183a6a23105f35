import { plural, rowNoun, type ApiCall, type ParamValue } from '../resources/calls';
import type { MethodDef, ResourceDef } from '../resources/types';
import type { CheckedSelect } from './check';
import { fail, ok, sqlError, type Result } from './errors';
import { buildCalls, paramNames, pickMethod, validateParam } from './params';
import type { NamedResource } from './select';
import type { Statement } from './statement';
import type { Feed, JoinPlan, SelectPlan } from './types';
import { whereParams, type WhereParams } from './where';

/** StackQL's default cap on the calls one table may make per key of the table it depends on. */
export const MAX_DEPENDENT_CALLS = 50;

/** One table of a JOIN as the planner sees it: its WHERE params and the params ON could feed it. */
interface Side {
  readonly named: NamedResource;
  readonly where: WhereParams;
  readonly given: ReadonlySet<string>;
  readonly feeds: readonly Feed[];
}

/**
 * Plans a JOIN with StackQL's data flow. The table whose method WHERE alone satisfies drives; an ON
 * equality between a param of the other table and a column of the driving one feeds that param from
 * the driving rows (one call per distinct key, serially, capped). When WHERE satisfies both tables,
 * both are fetched from WHERE and the join is purely local. WHERE param terms are request params of
 * their table, never filters over the joined rows, so a LEFT JOIN keeps its unmatched rows.
 */
export function planJoin(
  st: Statement,
  text: string,
  c: CheckedSelect,
  resources: readonly NamedResource[],
): Result<SelectPlan> {
  const sides = c.sources.map((src) => {
    const named = resources.find((r) => r.resource.name === src.table);
    if (!named) throw new Error(`No resource for table ${src.table}`);
    const names = new Set([src.table, ...(src.alias ? [src.alias] : [])]);
    const params = paramNames(named.resource, 'SELECT');
    const where = whereParams(c.where, params, names, text);
    const feeds: Feed[] = [];
    for (const eq of c.join?.on ?? []) {
      for (const [mine, theirs] of [
        [eq.left, eq.right],
        [eq.right, eq.left],
      ] as const) {
        if (
          mine.table === src.table &&
          params.has(mine.column) &&
          !feeds.some((f) => f.param === mine.column)
        )
          feeds.push({ param: mine.column, column: theirs.column });
      }
    }
    return { named, where, given: new Set(where.terms.map((t) => t.name)), feeds } satisfies Side;
  });
  const [a, b] = sides;
  if (!a || !b) throw new Error('A JOIN has two tables');
  const alone = (s: Side) => pickMethod(s.named.resource, 'SELECT', s.given, st.source, s.named.span);
  const fromA = alone(a);
  const fromB = alone(b);
  if (!fromA.ok && !fromB.ok) return fromA;
  const [driver, dependent, driverMethod] = fromA.ok
    ? [a, b, fromA.value]
    : [b, a, fromB.ok ? fromB.value : undefined];
  if (!driverMethod) throw new Error('unreachable: one side plans alone');
  const fed = dependent.feeds.filter((f) => !dependent.given.has(f.param));
  const depMethod = pickMethod(
    dependent.named.resource,
    'SELECT',
    new Set([...dependent.given, ...fed.map((f) => f.param)]),
    st.source,
    dependent.named.span,
  );
  if (!depMethod.ok) {
    const hint = ` A JOIN's ON can feed them from the other table: ON ${dependent.named.resource.name}.param = other.column.`;
    return fail({ ...depMethod.error, message: depMethod.error.message + hint });
  }
  const feeds = fed.filter((f) => accepts(depMethod.value, f.param));
  const driverCalls = buildCalls(driver.named.resource, driverMethod, driver.where.terms, st.source);
  if (!driverCalls.ok) return driverCalls;
  const fixed = buildCalls(dependent.named.resource, depMethod.value, dependent.where.terms, st.source);
  if (!fixed.ok) return fixed;
  const dep = dependent.named.resource;
  const join: JoinPlan = {
    resource: dep.id,
    method: depMethod.value.name,
    table: dep.name,
    feeds,
    fixed: fixed.value.map((call) => call.params),
    maxCalls: MAX_DEPENDENT_CALLS,
    unit: rowNoun(driver.named.resource),
  };
  return ok({
    kind: 'select',
    resource: driver.named.resource.id,
    method: driverMethod.name,
    calls: driverCalls.value,
    query: text,
    table: driver.named.resource.name,
    streamable: false,
    join,
  });
}

function accepts(method: MethodDef, param: string): boolean {
  return method.requiredParams.includes(param) || method.optionalParams.includes(param);
}

/** The distinct driving columns the engine must give for a JOIN's keys (none when nothing is fed). */
export function keyColumns(join: JoinPlan): string[] {
  return [...new Set(join.feeds.map((f) => f.column))];
}

/**
 * The dependent calls for the keys the engine found: one per distinct key and WHERE combination, in
 * key order. A key with a NULL part matches nothing, so it makes no call. Values are checked as any
 * param is (type, enum), after the one conversion SQL would make between a number and its text.
 */
export function dependentCalls(
  join: JoinPlan,
  resource: ResourceDef,
  keys: readonly Readonly<Record<string, unknown>>[],
): Result<ApiCall[]> {
  if (join.feeds.length === 0) {
    return ok(join.fixed.map((params) => ({ resource: join.resource, method: join.method, params })));
  }
  const calls: ApiCall[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const fedParams: Record<string, ParamValue> = {};
    let skip = false;
    for (const f of join.feeds) {
      const value = coerce(key[f.column], resource.params[f.param]?.type);
      if (value === undefined) {
        skip = true;
        break;
      }
      const checked = validateParam(resource, f.param, value, '');
      if (!checked.ok) {
        return fail(
          sqlError(
            'invalid-param',
            `The JOIN feeds ${f.param} of ${resource.id} from ${f.column}, and one row gives ${JSON.stringify(value)}: ${checked.error.message}`,
          ),
        );
      }
      fedParams[f.param] = checked.value;
    }
    if (skip) continue;
    for (const fixed of join.fixed) {
      const params = { ...fixed, ...fedParams };
      const id = JSON.stringify(Object.entries(params).sort(([x], [y]) => x.localeCompare(y)));
      if (seen.has(id)) continue;
      seen.add(id);
      calls.push({ resource: join.resource, method: join.method, params });
    }
  }
  return ok(calls);
}

/** A driving cell as a param value: text for string params, a whole number for integer ones. */
function coerce(value: unknown, type: string | undefined): ParamValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (type === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'string' && typeof value === 'number') return String(value);
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
}

/** The error for a JOIN whose keys would make more calls than allowed, before any is made. */
export function tooManyCalls(
  join: JoinPlan,
  count: number,
  driverTable: string,
): ReturnType<typeof sqlError> {
  const columns = keyColumns(join).join(', ');
  return sqlError(
    'fan-out',
    `This JOIN would make ${count} calls to ${join.resource} (one per distinct ${columns} of ${driverTable}); the limit is ${join.maxCalls}. Narrow ${driverTable} in WHERE so fewer ${plural(join.unit)} remain (e.g. a LIKE on its name or an = on one of its columns).`,
  );
}
