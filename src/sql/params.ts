import type { ApiCall, ParamValue } from '../resources/calls';
import type { MethodDef, ParamDef, ResourceDef, SqlVerb } from '../resources/types';
import { fail, ok, sqlError, type Result, type Span } from './errors';

/** The most API calls one statement may fan out to through IN lists. */
export const MAX_FAN_OUT = 20;

/**
 * Paging params: the GitHub client walks every page itself at the largest page size, unless the
 * statement gives them (as StackQL's docs examples do): `per_page = 30` is sent as it is, and
 * `page = 2` fetches that one page. Either way its rows carry the values, so the term also holds
 * over them.
 */
const PAGING = new Set(['page', 'per_page']);

/** Whether a param is one of the client's paging params (`page`, `per_page`). */
export function isPagingParam(name: string): boolean {
  return PAGING.has(name);
}

/** A param value as written in the statement, with where, for error underlines. */
export interface ParamTerm {
  readonly name: string;
  readonly values: readonly ParamValue[];
  readonly span?: Span;
}

/** Names a statement of this verb may give as params (WHERE columns or `@name`). */
export function paramNames(resource: ResourceDef, verb: SqlVerb): ReadonlySet<string> {
  const names = new Set<string>();
  for (const m of resource.methods) {
    if (m.sqlVerb !== verb) continue;
    for (const p of [...m.requiredParams, ...m.optionalParams]) names.add(p);
  }
  return names;
}

/** Where a statement of each verb gives its params, for the missing-params message. */
const HOW: Readonly<Record<SqlVerb, string>> = {
  SELECT: `Add them to WHERE as name = 'value'`,
  DELETE: `Add them to WHERE as name = 'value'`,
  EXEC: 'Add them as @name=value',
  INSERT: `Add them to the column list, with their values in the SELECT`,
  UPDATE: `Add them to WHERE as name = 'value' (request body params, data__…, to SET)`,
  REPLACE: `Add them to WHERE as name = 'value' (request body params, data__…, to SET)`,
};

/**
 * Picks the method for the given params: of the methods with this verb whose required params are all
 * given, the most specific (most required params). None → the missing params of each method.
 */
export function pickMethod(
  resource: ResourceDef,
  verb: SqlVerb,
  given: ReadonlySet<string>,
  source: string,
  span?: Span,
): Result<MethodDef> {
  const candidates = resource.methods.filter((m) => m.sqlVerb === verb);
  const satisfied = candidates
    .filter((m) => m.requiredParams.every((p) => given.has(p)))
    .sort((a, b) => b.requiredParams.length - a.requiredParams.length);
  const best = satisfied[0];
  if (best) return ok(best);
  const needs = candidates
    .map((m) => `${m.name} needs ${m.requiredParams.filter((p) => !given.has(p)).join(', ')}`)
    .join('; ');
  const how = HOW[verb];
  return fail(
    sqlError(
      'missing-params',
      `Missing required params for ${verb} on ${resource.id}: ${needs}. ${how}; SHOW METHODS IN ${resource.id} lists each method's required params.`,
      source,
      span,
    ),
  );
}

/** Checks one param value against its definition: type, enum, range. */
export function validateParam(
  resource: ResourceDef,
  name: string,
  value: ParamValue,
  source: string,
  span?: Span,
): Result<ParamValue> {
  const def = resource.params[name];
  const bad = (why: string) => fail<ParamValue>(sqlError('invalid-param', `${name} ${why}`, source, span));
  if (!def) return bad(`is not a param of ${resource.id}.`);
  if (def.type === 'integer') {
    const min = def.minimum ?? Number.MIN_SAFE_INTEGER;
    // StackQL's docs quote every value (`package_version_id = '42'`): digits in quotes are that number.
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
      const what = min === 1 ? 'a positive integer' : `an integer of at least ${min}`;
      const eg = Math.max(min, 1);
      return bad(`must be ${what}, e.g. ${name} = ${eg} or '${eg}'; got ${sqlLiteral(value)}.`);
    }
    if (def.maximum !== undefined && n > def.maximum) return bad(`must be at most ${def.maximum}; got ${n}.`);
    return ok(n);
  }
  const typed = validateTyped(def, value);
  if (typed) return typed.ok ? ok(typed.value) : bad(typed.why);
  if (typeof value !== 'string') return bad(`must be a string in quotes, e.g. ${name} = '${String(value)}'.`);
  if (def.enum && !def.enum.includes(value)) {
    return bad(`must be one of ${def.enum.join(', ')}; got '${value}'.`);
  }
  if (value.length === 0) return bad('must not be empty.');
  return ok(value);
}

/**
 * The calls for a method: validated values, one call per combination of IN-list values, in the order
 * the lists were written, capped at MAX_FAN_OUT.
 */
export function buildCalls(
  resource: ResourceDef,
  method: MethodDef,
  terms: readonly ParamTerm[],
  source: string,
): Result<ApiCall[]> {
  const accepted = new Set([...method.requiredParams, ...method.optionalParams]);
  const checked: { name: string; values: ParamValue[] }[] = [];
  for (const t of terms) {
    if (!accepted.has(t.name)) {
      return fail(
        sqlError(
          'invalid-param',
          `${t.name} is not a param of ${method.name}; remove it, or give the params of a method that takes it (SHOW METHODS IN ${resource.id}).`,
          source,
          t.span,
        ),
      );
    }
    const values: ParamValue[] = [];
    for (const v of t.values) {
      const valid = validateParam(resource, t.name, v, source, t.span);
      if (!valid.ok) return valid;
      values.push(valid.value);
    }
    checked.push({ name: t.name, values });
  }
  const count = terms.reduce((n, t) => n * t.values.length, 1);
  if (count > MAX_FAN_OUT) {
    return fail(
      sqlError(
        'fan-out',
        `These IN lists would make ${count} API calls; the limit is ${MAX_FAN_OUT}. Use fewer values per IN list, or run the query in parts.`,
        source,
        terms.find((t) => t.values.length > 1)?.span,
      ),
    );
  }
  let combos: Record<string, ParamValue>[] = [{}];
  for (const t of checked) combos = combos.flatMap((c) => t.values.map((v) => ({ ...c, [t.name]: v })));
  return ok(combos.map((params) => ({ resource: resource.id, method: method.name, params })));
}

/**
 * The check of a number, boolean, array or object param (body params mostly): undefined for the other
 * types. A boolean is `true` or `false` (bare or in quotes); an array or object is its JSON text in
 * quotes (`data__labels = '["bug"]'`), kept as that text for the request body (`requestBody`).
 */
function validateTyped(
  def: ParamDef,
  value: ParamValue,
): { ok: true; value: ParamValue } | { ok: false; why: string } | undefined {
  const eg = (example: string) => `, e.g. ${def.name} = ${example}; got ${sqlLiteral(value)}.`;
  switch (def.type) {
    case 'number': {
      const n = typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
      if (typeof n === 'number' && Number.isFinite(n)) return { ok: true, value: n };
      return { ok: false, why: `must be a number${eg('1.5')}` };
    }
    case 'boolean': {
      const text = String(value).toLowerCase();
      if (text === 'true' || text === 'false') return { ok: true, value: text };
      return { ok: false, why: `must be true or false${eg('true')}` };
    }
    case 'array':
    case 'object': {
      const parsed = typeof value === 'string' ? parseJson(value) : undefined;
      const isArray = Array.isArray(parsed);
      const fits = def.type === 'array' ? isArray : typeof parsed === 'object' && parsed !== null && !isArray;
      if (fits) return { ok: true, value };
      const example = def.type === 'array' ? `'["a", "b"]'` : `'{"key": "value"}'`;
      return { ok: false, why: `must be a JSON ${def.type} in quotes${eg(example)}` };
    }
    default:
      return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A value as SQL writes it: numbers bare, text in single quotes. */
function sqlLiteral(value: ParamValue): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}
