import { findResource, PROVIDER, SERVICE_OVERVIEW } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { fail, ok, sqlError, type Result } from './errors';
import { readFilter, type FilterTarget } from './metaFilter';
import { describeMethod, showInsert } from './metaMethod';
import { providers, table, unknownName, unknownResource } from './metaTable';
import { readDottedName, spanOf, type DottedName, type Statement } from './statement';
import { isKeyword } from './tokenize';
import type { MetaPlan } from './types';

const SHOW_FORMS =
  'SHOW PROVIDERS, SHOW SERVICES IN github, SHOW RESOURCES IN github.<service>, SHOW METHODS IN github.<service>.<resource> (each may end with LIKE or WHERE) and SHOW INSERT INTO github.<service>.<resource>';

/** A SHOW listing before its filter: what the filter may name, and the rows. */
interface Listing {
  readonly target: FilterTarget;
  readonly rows: readonly (readonly string[])[];
}

/**
 * SHOW PROVIDERS / SERVICES / RESOURCES / METHODS [LIKE | WHERE], SHOW INSERT INTO, DESCRIBE
 * [EXTENDED] and DESCRIBE METHOD, answered from the resource definition in StackQL's column shapes,
 * with no request.
 */
export function planMeta(st: Statement): Result<MetaPlan> {
  const verb = st.tokens[0]?.text.toUpperCase();
  return verb === 'DESCRIBE' || verb === 'DESC' ? planDescribe(st) : planShow(st);
}

function planDescribe(st: Statement): Result<MetaPlan> {
  const { tokens } = st;
  let i = 1;
  let extended = false;
  let method = false;
  // StackQL writes DESCRIBE [METHOD] [EXTENDED]; the other order is taken too.
  for (;;) {
    if (!extended && isKeyword(tokens[i], 'EXTENDED')) extended = true;
    else if (!method && isKeyword(tokens[i], 'METHOD')) method = true;
    else break;
    i++;
  }
  if (method) return describeMethod(st, i, extended);
  const name = readDottedName(tokens, i);
  if (!name || tokens[name.next]) {
    const usage =
      'DESCRIBE [EXTENDED] github.<service>.<resource>, or DESCRIBE METHOD github.<service>.<resource>.<method>';
    return fail(sqlError('syntax', `Expected ${usage}.`, st.source, spanOf(tokens)));
  }
  const id = name.parts.join('.').toLowerCase();
  const resource = findResource(id);
  return resource ? ok(describe(resource, extended)) : unknownResource(st, name.span, id);
}

function describe(resource: ResourceDef, extended: boolean): MetaPlan {
  const columns = extended ? ['name', 'type', 'description'] : ['name', 'type'];
  return table(
    columns,
    resource.fields.map((f) => (extended ? [f.name, f.type, f.description] : [f.name, f.type])),
  );
}

function planShow(st: Statement): Result<MetaPlan> {
  const { tokens, source } = st;
  // EXTENDED changes no column here: the listings already hold what StackQL's extended ones add.
  const i = isKeyword(tokens[1], 'EXTENDED') ? 2 : 1;
  const kindToken = tokens[i];
  const kind = kindToken?.kind === 'word' ? kindToken.text.toUpperCase() : '';
  if (kind === 'INSERT') return showInsert(st, i + 1);
  if (kind === 'PROVIDERS') return filtered(st, i + 1, providerListing());
  if (kind !== 'SERVICES' && kind !== 'RESOURCES' && kind !== 'METHODS') {
    return fail(sqlError('unsupported-statement', `SHOW supports ${SHOW_FORMS}.`, source, spanOf(tokens)));
  }
  const usage = `SHOW ${kind} IN ${placeholder(kind)}`;
  const inToken = tokens[i + 1];
  if (!isKeyword(inToken, 'IN') && !isKeyword(inToken, 'FROM')) {
    const span = inToken ? spanOf(tokens.slice(i + 1)) : spanOf(tokens);
    return fail(sqlError('syntax', `Expected IN after SHOW ${kind}: ${usage}.`, source, span));
  }
  const name = readDottedName(tokens, i + 2);
  if (!name) {
    const span = spanOf(tokens.slice(i + 1));
    return fail(
      sqlError('syntax', `Expected a name after ${inToken?.text ?? 'IN'}: ${usage}.`, source, span),
    );
  }
  const listing = listingIn(st, kind, name);
  return listing.ok ? filtered(st, name.next, listing.value) : listing;
}

/** The listing of SHOW SERVICES, RESOURCES or METHODS IN the named provider, service or resource. */
function listingIn(
  st: Statement,
  kind: 'SERVICES' | 'RESOURCES' | 'METHODS',
  name: DottedName,
): Result<Listing> {
  const id = name.parts.join('.').toLowerCase();
  // Services and their resources are listed from the overview: every service, loaded or not.
  if (kind === 'SERVICES') {
    if (id !== PROVIDER) {
      return unknownName(
        st,
        name.span,
        id,
        'provider',
        providers().map((p) => p.name),
      );
    }
    const rows = SERVICE_OVERVIEW.map((s) => [s.id, s.name, s.title]);
    return ok(listingOf('SHOW SERVICES', ['id', 'name', 'title'], 'name', rows));
  }
  if (kind === 'RESOURCES') {
    const serviceIds = SERVICE_OVERVIEW.map((s) => `${PROVIDER}.${s.name}`);
    const service = SERVICE_OVERVIEW[serviceIds.indexOf(id)];
    if (!service) return unknownName(st, name.span, id, 'service', serviceIds);
    const rows = service.resources.map((r) => [r.name, `${id}.${r.name}`, r.summary]);
    return ok(listingOf('SHOW RESOURCES', ['name', 'id', 'description'], 'name', rows));
  }
  const resource = findResource(id);
  return resource ? ok(methodListing(resource)) : unknownResource(st, name.span, id);
}

/** The rows of a listing that pass the LIKE or WHERE at token `at` (all of them when there is none). */
function filtered(st: Statement, at: number, listing: Listing): Result<MetaPlan> {
  const filter = readFilter(st, at, listing.target);
  if (!filter.ok) return filter;
  const all = table(listing.target.columns, listing.rows);
  return ok({ ...all, rows: all.rows.filter(filter.value) });
}

function listingOf(
  statement: string,
  columns: readonly string[],
  nameColumn: string,
  rows: readonly (readonly string[])[],
): Listing {
  return { target: { statement, columns, nameColumn }, rows };
}

function providerListing(): Listing {
  const rows = providers().map((p) => [p.name, p.version]);
  return listingOf('SHOW PROVIDERS', ['name', 'version'], 'name', rows);
}

function methodListing(resource: ResourceDef): Listing {
  const rows = resource.methods.map((m) => [m.name, m.requiredParams.join(', '), m.sqlVerb]);
  const listing = listingOf('SHOW METHODS', ['MethodName', 'RequiredParams', 'SQLVerb'], 'MethodName', rows);
  // `name` as in every other listing, so `WHERE name LIKE …` reads the same on each.
  return { ...listing, target: { ...listing.target, aliases: { name: 'MethodName' } } };
}

function placeholder(kind: 'SERVICES' | 'RESOURCES' | 'METHODS'): string {
  if (kind === 'SERVICES') return 'github';
  return kind === 'RESOURCES' ? 'github.<service>' : 'github.<service>.<resource>';
}
