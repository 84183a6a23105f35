import { buildRequest, requestText, type ApiCall } from '../resources/calls';
import { findResource, getResource, findMethod, memberFor } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { checkSelect } from './check';
import { knownColumns } from './columns';
import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { INSERT_USAGE, readInsertRows, readSetList, UPDATE_USAGE } from './mutationArgs';
import { unknownResource } from './metaTable';
import { buildCalls, MAX_FAN_OUT, paramNames, pickMethod, type ParamTerm } from './params';
import { readDottedName, spanOf, type DottedName, type Statement } from './statement';
import { isKeyword } from './tokenize';
import type { MutationPlan } from './types';
import { whereParams } from './where';

type MutationVerb = MutationPlan['verb'];

/**
 * Plans INSERT, UPDATE or REPLACE as StackQL writes them: `INSERT INTO github.s.r (data__name, org)
 * SELECT 'x', 'acme'` (or `VALUES (…), (…)`, a request per row), and `UPDATE github.s.r SET data__x =
 * 'v' WHERE owner = 'a' AND repo = 'b'` (REPLACE alike). The method is picked from the params given,
 * as for SELECT and DELETE; `data__<property>` params go in the JSON body, the others in the path and
 * query. Pure: nothing is sent (see `refuseMutation`).
 */
export function planMutation(st: Statement, verb: MutationVerb): Result<MutationPlan> {
  const { tokens, source } = st;
  const insert = verb === 'INSERT';
  if (insert && !isKeyword(tokens[1], 'INTO'))
    return fail(sqlError('syntax', `Write ${INSERT_USAGE}.`, source, spanOf(tokens.slice(0, 2))));
  const name = readDottedName(tokens, insert ? 2 : 1);
  const usage = insert ? INSERT_USAGE : UPDATE_USAGE.replace('<verb>', verb);
  if (name?.parts.length !== 3)
    return fail(sqlError('syntax', `Write ${usage}.`, source, name?.span ?? spanOf(tokens.slice(0, 2))));
  const named = findResource(name.parts.join('.'));
  if (!named) return unknownResource(st, name.span, name.parts.join('.').toLowerCase());
  const hasVerb = named.methods.some((m) => m.sqlVerb === verb);
  if (!hasVerb) {
    const verbs = [...new Set(named.methods.map((m) => m.sqlVerb))].join(', ');
    return fail(
      sqlError(
        'unsupported-statement',
        `${named.id} has no ${verb} method (it has ${verbs}); SHOW METHODS IN ${named.id} lists them.`,
        source,
        name.span,
      ),
    );
  }
  const rows = insert ? readInsertRows(tokens, name.next, source) : readUpdate(st, named, name, verb);
  if (!rows.ok) return rows;
  if (rows.value.length > MAX_FAN_OUT) {
    return fail(
      sqlError(
        'fan-out',
        `This ${verb} would make ${rows.value.length} requests; the limit is ${MAX_FAN_OUT}.`,
        source,
        name.span,
      ),
    );
  }
  const calls: ApiCall[] = [];
  let picked: string | undefined;
  for (const terms of rows.value) {
    const known = checkNames(named, verb, terms, source);
    if (known) return fail(known);
    const method = pickMethod(named, verb, new Set(terms.map((t) => t.name)), source, name.span);
    if (!method.ok) return method;
    const resource = memberFor(named, method.value.name);
    const built = buildCalls(resource, method.value, terms, source);
    if (!built.ok) return built;
    calls.push(...built.value);
    picked ??= method.value.name;
  }
  if (calls.length > MAX_FAN_OUT) {
    return fail(
      sqlError('fan-out', `This ${verb} would make ${calls.length} requests; the limit is ${MAX_FAN_OUT}.`),
    );
  }
  const first = calls[0];
  return ok({
    kind: 'mutation',
    verb,
    resource: first?.resource ?? named.id,
    method: first?.method ?? picked ?? '',
    calls,
  });
}

/** A name given that no method of this verb takes, as the error that says which names it takes. */
function checkNames(
  resource: ResourceDef,
  verb: MutationVerb,
  terms: readonly ParamTerm[],
  source: string,
): SqlError | undefined {
  const names = paramNames(resource, verb);
  const stray = terms.find((t) => !names.has(t.name));
  if (!stray) return undefined;
  return sqlError(
    'invalid-param',
    `${stray.name} is not a param of ${resource.id}'s ${verb} methods; they take ${[...names].join(', ')}.`,
    source,
    stray.span,
  );
}

/**
 * UPDATE/REPLACE: the SET list's terms and the WHERE's, as one request's params. The WHERE is read as
 * a SELECT's (the same allow-list and param reading), and, as DELETE's, may only give params joined
 * with AND: the statement names exactly what it changes.
 */
function readUpdate(
  st: Statement,
  resource: ResourceDef,
  name: DottedName,
  verb: MutationVerb,
): Result<ParamTerm[][]> {
  const { tokens, source } = st;
  if (!isKeyword(tokens[name.next], 'SET')) {
    const usage = UPDATE_USAGE.replace('<verb>', verb);
    return fail(sqlError('syntax', `Expected SET after the resource. Write ${usage}.`, source, name.span));
  }
  const set = readSetList(tokens, name.next + 1, source, verb);
  if (!set.ok) return set;
  const where = tokens[set.value.next];
  if (!where) return ok([set.value.terms]);
  // `SELECT*FROM <table>` over the resource's name (always long enough), the rest up to WHERE blanked,
  // so positions in the WHERE stay the reader's.
  const head = `SELECT*FROM ${resource.name}`.padEnd(name.span.end - name.span.start);
  const before = st.blanked.slice(0, where.start).replace(/[^\n]/g, ' ');
  const text =
    before.slice(0, name.span.start) + head + before.slice(name.span.end) + st.blanked.slice(where.start);
  const checked = checkSelect(text, [{ table: resource.name, columns: knownColumns(resource) }]);
  if (!checked.ok) return checked;
  const names = paramNames(resource, verb);
  const read = whereParams(checked.value.where, names, new Set([resource.name]), text);
  if (read.localTerms > 0 || checked.value.limit !== undefined || checked.value.reshapes) {
    return fail(
      sqlError(
        'not-allowed',
        `${verb} takes only its method's params in WHERE, joined with AND (${[...names].join(', ')}): it changes exactly what it names.`,
        source,
        where,
      ),
    );
  }
  const twice = read.terms.find((t) => set.value.terms.some((s) => s.name === t.name));
  if (twice)
    return fail(sqlError('syntax', `${twice.name} is given in both SET and WHERE.`, source, twice.span));
  return ok([[...set.value.terms, ...read.terms]]);
}

/**
 * The refusal of a planned INSERT, UPDATE or REPLACE: running them is not supported yet, so the error
 * says so and shows the exact requests it would make (method, URL relative to the API base URL, JSON
 * body), which it also carries as `requests`.
 */
export function refuseMutation(
  plan: MutationPlan,
  source: string,
  span: { start: number; end: number },
): SqlError {
  const requests = plan.calls.map((call) => {
    const resource = getResource(call.resource);
    const method = findMethod(resource, call.method);
    if (!method) throw new Error(`No method ${call.method} of ${call.resource}`);
    return buildRequest(resource, method, call.params);
  });
  const which =
    requests.length === 1 ? 'this request' : `these ${String(requests.length)} requests, one after another`;
  const list = requests.map(requestText).join('; ');
  const message = `Running ${plan.verb} is not supported yet, so the playground sends nothing. ${plan.resource}.${plan.method} would make ${which} (URL relative to the API base URL): ${list}.`;
  return { ...sqlError('unsupported-statement', message, source, span), requests };
}
