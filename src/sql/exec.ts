import type { ParamValue } from '../resources/calls';
import { findMethod, findResource, RESOURCES } from '../resources/registry';
import type { MethodDef, ResourceDef } from '../resources/types';
import { fail, ok, sqlError, type Result } from './errors';
import { nearest } from './nearest';
import { buildCalls, pickMethod, type ParamTerm } from './params';
import { readDottedName, spanOf, type Statement } from './statement';
import type { Token } from './tokenize';
import type { ExecPlan } from './types';

const USAGE =
  "EXEC github.<service>.<resource>.<method> @param='value', … (SHOW METHODS IN a resource lists its EXEC methods)";

/**
 * `EXEC provider.service.resource.method @name=value, …`: the call it would make. Only methods whose SQL
 * verb is EXEC in the definition; values are string or number literals; each param once; every
 * required param of the method must be given.
 */
export function planExec(st: Statement): Result<ExecPlan> {
  const { tokens, source } = st;
  const name = readDottedName(tokens, 1);
  const syntax = (message: string, at?: readonly Token[]) =>
    fail<ExecPlan>(sqlError('syntax', message, source, spanOf(at ?? tokens)));
  if (name?.parts.length !== 4) return syntax(`Expected ${USAGE}.`);
  const resourceId = name.parts.slice(0, 3).join('.').toLowerCase();
  const resource = findResource(resourceId);
  if (!resource) {
    const hint = nearest(
      resourceId,
      RESOURCES.map((r) => r.id),
    );
    return fail(
      sqlError(
        'unknown-resource',
        `Unknown resource ${resourceId}.${hint ? ` Did you mean ${hint}?` : ''} SHOW RESOURCES IN github.<service> lists a service's resources.`,
        source,
        name.span,
      ),
    );
  }
  const methodName = name.parts[3] ?? '';
  const method = findMethod(resource, methodName);
  if (!method) {
    const names = resource.methods.map((m) => m.name).join(', ');
    return fail(
      sqlError(
        'unknown-method',
        `${resource.id} has no method ${methodName}. Its methods: ${names}.`,
        source,
        name.span,
      ),
    );
  }
  const args = readArgs(st, name.next, resource);
  if (method.sqlVerb !== 'EXEC') {
    // Checked before the params: EXEC must never send a DELETE (or a GET) under a restore's name.
    return fail(
      sqlError(
        'unsupported-statement',
        wrongVerbMessage(resource, method, args.ok ? args.value : []),
        source,
        name.span,
      ),
    );
  }
  if (!args.ok) return args;
  const terms = args.value;
  const given = new Set(terms.map((t) => t.name));
  const missing = method.requiredParams.filter((p) => !given.has(p));
  if (missing.length > 0) {
    // Only this method: pickMethod's message names what it needs.
    const picked = pickMethod({ ...resource, methods: [method] }, 'EXEC', given, source, name.span);
    if (!picked.ok) return picked;
  }
  const calls = buildCalls(resource, method, terms, source);
  if (!calls.ok) return calls;
  return ok({ kind: 'exec', resource: resource.id, method: method.name, calls: calls.value });
}

/** The `@name=value, …` arguments from token `start` on; each param once. */
function readArgs(st: Statement, start: number, resource: ResourceDef): Result<ParamTerm[]> {
  const { tokens, source } = st;
  const syntax = (message: string, at: readonly Token[]) =>
    fail<ParamTerm[]>(sqlError('syntax', message, source, spanOf(at)));
  const terms: ParamTerm[] = [];
  let i = start;
  while (i < tokens.length) {
    const at = tokens[i];
    const eq = tokens[i + 1];
    if (at?.kind !== 'variable' || !at.text.startsWith('@') || eq?.text !== '=') {
      return syntax(`Expected @name=value. ${USAGE}.`, tokens.slice(i, i + 1));
    }
    const value = readValue(tokens, i + 2);
    if (!value)
      return syntax(`Expected a quoted string or a number after @${at.value}=.`, tokens.slice(i, i + 3));
    if (terms.some((t) => t.name === at.value)) return syntax(`@${at.value} is given twice.`, [at]);
    // EXEC runs nothing locally, so a quoted id ('42') can safely become the number the API takes.
    const integer = resource.params[at.value]?.type === 'integer';
    const v =
      integer && typeof value.value === 'string' && /^\d+$/.test(value.value)
        ? Number(value.value)
        : value.value;
    terms.push({
      name: at.value,
      values: [v],
      span: { start: at.start, end: tokens[value.next - 1]?.end ?? at.end },
    });
    i = value.next;
    if (i < tokens.length) {
      if (tokens[i]?.text !== ',')
        return syntax('Separate the @name=value params with commas.', tokens.slice(i, i + 1));
      i++;
    }
  }
  return ok(terms);
}

/** `<method> is a DELETE method: write DELETE FROM … WHERE …`, with the values given (placeholders else). */
function wrongVerbMessage(resource: ResourceDef, method: MethodDef, terms: readonly ParamTerm[]): string {
  const where = method.requiredParams
    .map((p) => `${p} = ${literal(terms.find((t) => t.name === p)?.values[0], resource.params[p]?.type)}`)
    .join(' AND ');
  const statement =
    method.sqlVerb === 'DELETE' ? `DELETE FROM ${resource.id}` : `SELECT * FROM ${resource.id}`;
  return `${method.name} is a ${method.sqlVerb} method: write ${statement} WHERE ${where}.`;
}

/** A value as SQL text; `…` (quoted unless the param is an integer) when it was not given. */
function literal(value: ParamValue | undefined, type: string | undefined): string {
  if (value === undefined) return type === 'integer' ? '…' : "'…'";
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

function readValue(tokens: readonly Token[], i: number): { value: ParamValue; next: number } | undefined {
  const t = tokens[i];
  if (t?.kind === 'string') return { value: t.value, next: i + 1 };
  if (t?.kind === 'number') return { value: Number(t.text), next: i + 1 };
  const n = tokens[i + 1];
  if (t?.text === '-' && n?.kind === 'number') return { value: -Number(n.text), next: i + 2 };
  return undefined;
}
