import type { ParamValue } from '../resources/calls';
import { findMethod, findResource } from '../resources/registry';
import { fail, ok, sqlError, type Result } from './errors';
import { buildCalls, pickMethod, type ParamTerm } from './params';
import { readDottedName, spanOf, type Statement } from './statement';
import type { Token } from './tokenize';
import type { ExecPlan } from './types';

const USAGE =
  "EXEC github.packages.org_versions.<method> @org='…', @package_name='…', @package_type='…', @package_version_id=…";

/**
 * `EXEC provider.service.resource.method @name=value, …`: the call it would make. Values are string or
 * number literals; each param once; every required param of the method must be given.
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
    return fail(
      sqlError(
        'unknown-resource',
        `Unknown resource ${resourceId}. This playground knows github.packages.org_versions.`,
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
  const terms: ParamTerm[] = [];
  let i = name.next;
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
  const given = new Set(terms.map((t) => t.name));
  const missing = method.requiredParams.filter((p) => !given.has(p));
  if (missing.length > 0) {
    const verbOnly = { ...resource, methods: [{ ...method, sqlVerb: 'EXEC' as const }] };
    const picked = pickMethod(verbOnly, 'EXEC', given, source, name.span);
    if (!picked.ok) return picked;
  }
  const calls = buildCalls(resource, method, terms, source);
  if (!calls.ok) return calls;
  return ok({ kind: 'exec', resource: resource.id, method: method.name, calls: calls.value });
}

function readValue(tokens: readonly Token[], i: number): { value: ParamValue; next: number } | undefined {
  const t = tokens[i];
  if (t?.kind === 'string') return { value: t.value, next: i + 1 };
  if (t?.kind === 'number') return { value: Number(t.text), next: i + 1 };
  const n = tokens[i + 1];
  if (t?.text === '-' && n?.kind === 'number') return { value: -Number(n.text), next: i + 2 };
  return undefined;
}
