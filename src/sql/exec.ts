import type { ParamValue } from '../resources/calls';
import { findMethod, findResource, memberFor } from '../resources/registry';
import type { MethodDef, ResourceDef, SqlVerb } from '../resources/types';
import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { EXEC_USAGE, readExecArgs, type ExecArg } from './execArgs';
import { unknownResource } from './metaTable';
import { buildCalls, pickMethod, type ParamTerm } from './params';
import { readDottedName, spanOf, type Statement } from './statement';
import type { ExecPlan } from './types';

/**
 * `EXEC provider.service.resource.method @name=value …`: the call it would make. Only methods whose SQL
 * verb is EXEC in the definition; values are string or number literals (digits in quotes for an integer
 * param), or the keys of an `@@json` body; each param once; every required param of the method must be
 * given. An alias (`github.packages.package_versions`) calls the member that has the method.
 */
export function planExec(st: Statement): Result<ExecPlan> {
  const { tokens, source } = st;
  const name = readDottedName(tokens, 1);
  if (name?.parts.length !== 4)
    return fail(sqlError('syntax', `Expected ${EXEC_USAGE}.`, source, spanOf(tokens)));
  const resourceId = name.parts.slice(0, 3).join('.').toLowerCase();
  const named = findResource(resourceId);
  if (!named) return unknownResource(st, name.span, resourceId);
  const methodName = name.parts[3] ?? '';
  const method = findMethod(named, methodName);
  if (!method) {
    const names = named.methods.map((m) => m.name).join(', ');
    return fail(
      sqlError(
        'unknown-method',
        `${named.id} has no method ${methodName}. Its methods: ${names}.`,
        source,
        name.span,
      ),
    );
  }
  const resource = memberFor(named, method.name);
  const args = readExecArgs(st, name.next);
  if (method.sqlVerb !== 'EXEC') {
    // Checked before the params: EXEC must never send a DELETE (or a GET) under a restore's name.
    return fail(
      sqlError(
        'unsupported-statement',
        wrongVerbMessage(named, method, args.ok ? args.value : []),
        source,
        name.span,
      ),
    );
  }
  if (!args.ok) return args;
  const terms = args.value.map((a) =>
    a.inJson ? { ...a, name: bodyParamName(resource, method, a.name) } : a,
  );
  const given = new Set(terms.map((t) => t.name));
  const missing = method.requiredParams.filter((p) => !given.has(p));
  if (missing.length > 0) {
    // Only this method: pickMethod's message names what it needs.
    const picked = pickMethod({ ...named, methods: [method] }, 'EXEC', given, source, name.span);
    if (!picked.ok) return picked;
  }
  const notBody = jsonArgError(resource, method, terms, source);
  if (notBody) return fail(notBody);
  const calls = buildCalls(resource, method, terms, source);
  if (!calls.ok) return calls;
  return ok({ kind: 'exec', resource: resource.id, method: method.name, calls: calls.value });
}

/**
 * The param an `@@json` key sets: the body param whose property it is (`title` → `data__title`, as the
 * catalogue names body params after StackQL's columns), else the key itself.
 */
function bodyParamName(resource: ResourceDef, method: MethodDef, key: string): string {
  const names = [...method.requiredParams, ...method.optionalParams];
  if (names.includes(key)) return key;
  return names.find((n) => resource.params[n]?.in === 'body' && resource.params[n].property === key) ?? key;
}

/**
 * `@@json` gives the request body: a key that is a path or query param of the method belongs outside
 * it, as `@name=`. (A key the method does not take at all is refused by `buildCalls`, as any param is.)
 */
export function jsonArgError(
  resource: ResourceDef,
  method: MethodDef,
  args: readonly ExecArg[],
  source: string,
): SqlError | undefined {
  const taken = new Set([...method.requiredParams, ...method.optionalParams]);
  const arg = args.find((a) => a.inJson && taken.has(a.name) && resource.params[a.name]?.in !== 'body');
  if (!arg) return undefined;
  return sqlError(
    'invalid-param',
    `${arg.name} is a ${resource.params[arg.name]?.in ?? 'path'} param of ${method.name}, not part of its request body: give it as @${arg.name}=…, outside @@json.`,
    source,
    arg.span,
  );
}

/** `<method> is a DELETE method: write DELETE FROM … WHERE …`, with the values given (placeholders else). */
function wrongVerbMessage(resource: ResourceDef, method: MethodDef, terms: readonly ParamTerm[]): string {
  const value = (p: string) => literal(terms.find((t) => t.name === p)?.values[0], resource.params[p]?.type);
  const params = method.requiredParams;
  const inBody = (p: string) => resource.params[p]?.in === 'body';
  const pairs = (names: readonly string[], by: string) => names.map((p) => `${p} = ${value(p)}`).join(by);
  const where = pairs(params, ' AND ');
  const keys = pairs(
    params.filter((p) => !inBody(p)),
    ' AND ',
  );
  const set = pairs(params.filter(inBody), ', ') || `data__… = '…'`;
  const statement: Readonly<Record<SqlVerb, string>> = {
    SELECT: `SELECT * FROM ${resource.id} WHERE ${where}`,
    DELETE: `DELETE FROM ${resource.id} WHERE ${where}`,
    INSERT: `INSERT INTO ${resource.id} (${params.join(', ')}) SELECT ${params.map(value).join(', ')}`,
    UPDATE: `UPDATE ${resource.id} SET ${set} WHERE ${keys}`,
    REPLACE: `REPLACE ${resource.id} SET ${set} WHERE ${keys}`,
    EXEC: `EXEC ${resource.id}.${method.name}`,
  };
  return `${method.name} is a ${method.sqlVerb} method: write ${statement[method.sqlVerb]}.`;
}

/** A value as SQL text; `…` (quoted unless the param is an integer) when it was not given. */
function literal(value: ParamValue | undefined, type: string | undefined): string {
  if (value === undefined) return type === 'integer' ? '…' : "'…'";
  if (typeof value === 'number' || (type === 'integer' && /^\d+$/.test(value))) return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}
