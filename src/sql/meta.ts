import { findResource, RESOURCES, SERVICES } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { fail, ok, sqlError, type Result } from './errors';
import { nearest } from './nearest';
import { readDottedName, spanOf, type Statement } from './statement';
import { isKeyword } from './tokenize';
import type { MetaPlan } from './types';

/**
 * SHOW SERVICES / SHOW RESOURCES / SHOW METHODS / DESCRIBE [EXTENDED], answered from the resource
 * definition in StackQL's column shapes, with no request.
 */
export function planMeta(st: Statement): Result<MetaPlan> {
  const { tokens, source } = st;
  let i = 1;
  const verb = tokens[0]?.text.toUpperCase();
  if (verb === 'DESCRIBE' || verb === 'DESC') {
    const extended = isKeyword(tokens[i], 'EXTENDED');
    if (extended) i++;
    const target = readResource(st, i, 'DESCRIBE [EXTENDED] github.<service>.<resource>');
    if (!target.ok) return target;
    return ok(describe(target.value, extended));
  }
  if (isKeyword(tokens[i], 'EXTENDED')) i++;
  const kind = tokens[i]?.text.toUpperCase();
  if (
    !isKeyword(tokens[i + 1], 'IN') ||
    (kind !== 'METHODS' && kind !== 'RESOURCES' && kind !== 'SERVICES')
  ) {
    return fail(
      sqlError(
        'unsupported-statement',
        'SHOW supports SHOW SERVICES IN github, SHOW RESOURCES IN github.<service> and SHOW METHODS IN github.<service>.<resource>.',
        source,
        spanOf(tokens),
      ),
    );
  }
  const name = readDottedName(tokens, i + 2);
  const extra = name ? tokens[name.next] : tokens[i + 2];
  if (!name || extra) {
    const span = extra ? spanOf(tokens.slice(tokens.indexOf(extra))) : spanOf(tokens);
    return fail(sqlError('syntax', `Expected a name after IN, then the end of the statement.`, source, span));
  }
  const id = name.parts.join('.').toLowerCase();
  if (kind === 'SERVICES') {
    const services = SERVICES.filter((s) => s.provider === id);
    if (services.length === 0) return unknown(st, name.span, id, 'provider', 'github');
    return ok(
      table(
        ['id', 'name', 'title'],
        services.map((s) => [s.id, s.name, s.title]),
      ),
    );
  }
  if (kind === 'RESOURCES') {
    const service = SERVICES.find((s) => `${s.provider}.${s.name}` === id);
    if (!service) {
      const known = SERVICES.map((sv) => `${sv.provider}.${sv.name}`);
      return unknown(st, name.span, id, 'service', known.join(', '));
    }
    return ok(
      table(
        ['name', 'id', 'description'],
        service.resources.map((r) => [r.name, r.id, r.summary]),
      ),
    );
  }
  const resource = findResource(id);
  if (!resource) return unknownResource(st, name.span, id);
  return ok(
    table(
      ['MethodName', 'RequiredParams', 'SQLVerb'],
      resource.methods.map((m) => [m.name, m.requiredParams.join(', '), m.sqlVerb]),
    ),
  );
}

function describe(resource: ResourceDef, extended: boolean): MetaPlan {
  const columns = extended ? ['name', 'type', 'description'] : ['name', 'type'];
  return table(
    columns,
    resource.fields.map((f) => (extended ? [f.name, f.type, f.description] : [f.name, f.type])),
  );
}

function readResource(st: Statement, i: number, usage: string): Result<ResourceDef> {
  const name = readDottedName(st.tokens, i);
  if (!name || st.tokens[name.next]) {
    return fail(sqlError('syntax', `Expected ${usage}.`, st.source, spanOf(st.tokens)));
  }
  const id = name.parts.join('.').toLowerCase();
  const resource = findResource(id);
  return resource ? ok(resource) : unknownResource(st, name.span, id);
}

/** An unknown resource, with the nearest known id when one is close, and where to find the rest. */
function unknownResource<T>(st: Statement, span: { start: number; end: number }, id: string) {
  const hint = nearest(
    id,
    RESOURCES.map((r) => r.id),
  );
  return fail<T>(
    sqlError(
      'unknown-resource',
      `Unknown resource ${id}.${hint ? ` Did you mean ${hint}?` : ''} SHOW RESOURCES IN github.<service> lists a service's resources.`,
      st.source,
      span,
    ),
  );
}

function unknown<T>(
  st: Statement,
  span: { start: number; end: number },
  id: string,
  what: string,
  known: string,
) {
  return fail<T>(
    sqlError('unknown-resource', `Unknown ${what} ${id}. This playground knows ${known}.`, st.source, span),
  );
}

function table(columns: readonly string[], values: readonly (readonly string[])[]): MetaPlan {
  const rows = values.map((v) => Object.fromEntries(columns.map((c, k) => [c, v[k] ?? null])));
  return { kind: 'meta', columns, rows };
}
