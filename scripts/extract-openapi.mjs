#!/usr/bin/env node
/**
 * Regenerates src/resources/spec/<service>.openapi.json for every service listed in
 * src/resources/catalogue/github/services.json, from GitHub's official OpenAPI description as
 * `@octokit/openapi` publishes it, trimmed to what the catalogue reads:
 *
 * - the operations whose id starts with `<service>/` (`code_scanning` → `code-scanning/`), with their
 *   params (dereferenced), their `application/json` request body and their responses;
 * - for a method a provider page names that no such operation has (StackQL's method name is the
 *   operation id in snake_case): the operations of any other service with that name (the catalogue
 *   checks their params before it takes one), else the operation of that id in the provider-era spec
 *   (the second argument), marked with `x-spec-version`: GitHub has since removed it (classic
 *   Projects, team discussions, tag protection), so the current description cannot document it;
 * - the schemas those responses return, flattened: `allOf`/`anyOf`/`oneOf` merged into one set of
 *   properties, each property cut to its type, format, enum and description; a schema a property refers
 *   to keeps only its title, description, type and nullability (the catalogue shows it as one
 *   `object`), except the rows a list response wraps (`{ total_count, workflow_runs: [...] }`), kept
 *   whole. The error responses' schemas (`basic-error`) are kept whole, for the fake API's answers;
 * - each 2xx response's example (one row of a list, long strings and deep values cut), the seed of the
 *   sample data.
 *
 * `@octokit/openapi` unpacks to ~400 MB, so it is not a dependency: for a version (not a path) this
 * script fetches the tarball with `npm pack` into a temporary folder and reads
 * `generated/api.github.com.json`.
 *
 *   node scripts/extract-openapi.mjs [version | path/to/api.github.com.json] [provider-era version | path]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const specDir = join(here, '../src/resources/spec');
const pagesDir = join(here, '../tests/fixtures/provider/services');
const { services } = JSON.parse(
  readFileSync(join(here, '../src/resources/catalogue/github/services.json'), 'utf8'),
);
/** The spec the extracts come from, and the one of the provider's time (v24.04) for removed operations. */
const [currentArg = '23.0.2', olderArg = '14.0.0'] = process.argv.slice(2);

function loadSpec(arg) {
  if (existsSync(arg)) return JSON.parse(readFileSync(arg, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'octokit-openapi-'));
  try {
    execFileSync('npm', ['pack', `@octokit/openapi@${arg}`, '--silent'], { cwd: dir, stdio: 'pipe' });
    execFileSync('tar', ['xzf', `octokit-openapi-${arg}.tgz`, 'package/generated/api.github.com.json'], {
      cwd: dir,
    });
    return JSON.parse(readFileSync(join(dir, 'package/generated/api.github.com.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const refName = (ref) => ref.split('/').pop();
const snake = (operationId) => operationId.slice(operationId.indexOf('/') + 1).replaceAll('-', '_');
const schemaRef = (name) => `#/components/schemas/${name}`;

/**
 * The methods of a service's resource pages: name → the Required Params cell's names (the first and
 * third cells of each Methods row).
 */
function pageMethods(service) {
  const dir = join(pagesDir, service);
  const methods = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const page = readFileSync(join(dir, entry.name, 'index.md'), 'utf8');
    const rows = page.slice(page.indexOf('\n## Methods\n'));
    for (const m of rows.matchAll(
      /^\| <CopyableCode code="([a-z0-9_]+)" \/> \| [^|]* \| <CopyableCode code="([^"]*)"/gm,
    ))
      methods.set(
        m[1],
        m[2]
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      );
  }
  return methods;
}

/**
 * Whether a foreign operation can be the page's method: the page names every param it requires, and
 * it takes every non-body param the page requires.
 */
function fits(pageRequired, op) {
  const names = (op.parameters ?? []).map((p) => p.name);
  return (
    (op.parameters ?? []).every((p) => !p.required || pageRequired.includes(p.name)) &&
    pageRequired.filter((p) => !p.startsWith('data__')).every((p) => names.includes(p))
  );
}

/** The required path and query params of an operation, sorted, as one string. */
function routeParams(spec, op) {
  return dereffed(spec, op)
    .parameters.filter((p) => p.required)
    .map((p) => p.name)
    .sort()
    .join();
}

/** The page's required params that are not body properties, sorted, as one string. */
function pageRouteParams(required) {
  return required
    .filter((p) => !p.startsWith('data__'))
    .sort()
    .join();
}

/** An operation with its `$ref` params read, for `fits`. */
function dereffed(spec, op) {
  const parameters = (op.parameters ?? []).map((p) =>
    p.$ref ? spec.components.parameters[refName(p.$ref)] : p,
  );
  return { ...op, parameters };
}

/** Every operation of a spec with its path and verb. */
function allOperations(spec) {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => typeof op?.operationId === 'string')
      .map(([verb, op]) => ({ path, verb, op })),
  );
}

/** Scalar keys a trimmed schema keeps. */
const KEEP = ['title', 'description', 'type', 'format', 'enum', 'nullable', 'default', 'minimum', 'maximum'];
const pick = (schema) =>
  Object.fromEntries(KEEP.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));

/** Reads a schema's alternatives and parts into one: properties merged, `required` of every part. */
function merged(spec, schema) {
  const s = schema.$ref ? spec.components.schemas[refName(schema.$ref)] : schema;
  const parts = s.allOf ?? s.anyOf ?? s.oneOf;
  if (!parts) return s;
  const all = parts.map((p) => merged(spec, p));
  const kind = s.allOf ? 'allOf' : 'anyOf';
  const required =
    kind === 'allOf'
      ? [...new Set(all.flatMap((p) => p.required ?? []))]
      : (all[0]?.required ?? []).filter((r) => all.every((p) => p.required?.includes(r)));
  const properties = Object.assign({}, ...all.map((p) => p.properties ?? {}), s.properties ?? {});
  const types = [...new Set(all.map((p) => p.type).filter(Boolean))];
  const arrays = all.filter((p) => p.type === 'array' && p.items);
  // StackQL names the columns of a named alternative after it (`public-user_login`): keep which
  // properties each one has.
  const alternatives = Object.fromEntries(
    kind === 'allOf'
      ? []
      : parts.flatMap((p, i) =>
          p.$ref && all[i]?.properties ? [[refName(p.$ref), Object.keys(all[i].properties)]] : [],
        ),
  );
  return {
    ...pick(Object.assign({}, ...all.map(pick), pick(s))),
    type: s.type ?? (types.includes('object') ? 'object' : types.includes('string') ? 'string' : types[0]),
    ...(Object.keys(properties).length ? { properties } : {}),
    ...(required.length ? { required } : {}),
    ...(arrays.length && !types.includes('object') ? { items: { anyOf: arrays.map((a) => a.items) } } : {}),
    ...(Object.keys(alternatives).length ? { 'x-alternatives': alternatives } : {}),
  };
}

/**
 * One extract. `full` holds the schema names kept whole (row schemas), `stubs` the ones a property
 * names; `summary` turns a property into its type, format, enum and description.
 */
function createExtract(spec) {
  const full = {};
  const stubs = new Set();

  /** A property as the catalogue reads it; a named object schema becomes a `$ref` to its stub. */
  function summary(schema) {
    // A named scalar (an enum of states, an id) is read in place, as if written inline.
    const target = schema.$ref ? merged(spec, schema) : undefined;
    if (target && !target.properties && target.type !== 'object' && target.type !== 'array')
      return pick(target);
    if (schema.$ref && !schema.allOf) {
      stubs.add(refName(schema.$ref));
      return { $ref: schema.$ref };
    }
    const s = merged(spec, schema);
    const out = pick(s);
    if (s.type === 'array' && s.items) {
      const items = s.items.$ref ? s.items : merged(spec, s.items);
      out.items = items.$ref ? summary(items) : pick(items);
    }
    return out;
  }

  /** A row schema kept whole, by name, its properties summarised. */
  function keepFull(name, schema = spec.components.schemas[name]) {
    if (full[name]) return;
    full[name] = {};
    const s = merged(spec, schema);
    full[name] = {
      ...pick(s),
      ...(s.required ? { required: s.required } : {}),
      properties: Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, summary(v)])),
      ...(s['x-alternatives'] ? { 'x-alternatives': s['x-alternatives'] } : {}),
    };
  }

  /**
   * A response schema: the rows it returns kept whole and named (`$ref`); an inline row schema is kept
   * under the operation id. An object's array properties of objects are kept whole too: they may be
   * the rows a list wraps.
   */
  function responseSchema(schema, inlineName) {
    if (schema.$ref) {
      const name = refName(schema.$ref);
      const target = merged(spec, schema);
      if (target.type === 'array') return responseSchema(target, inlineName);
      keepFull(name);
      wrappedRows(target, name);
      return { $ref: schema.$ref };
    }
    const s = merged(spec, schema);
    if (s.type === 'array') {
      const items = s.items?.anyOf ? { anyOf: s.items.anyOf } : s.items;
      return { type: 'array', items: items ? responseSchema(items, inlineName) : {} };
    }
    if (!s.properties) return pick(s);
    keepFull(inlineName, s);
    wrappedRows(s, inlineName);
    return { $ref: schemaRef(inlineName) };
  }

  /** Keeps whole the object items of an object's array properties (`workflow_runs: [workflow-run]`). */
  function wrappedRows(s, inlineName) {
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const items = prop.type === 'array' ? prop.items : undefined;
      if (!items) continue;
      if (items.$ref) keepFull(refName(items.$ref));
      else if (merged(spec, items).properties) keepFull(`${inlineName}#${key}`, items);
      else continue;
      full[inlineName].properties[key] = {
        ...full[inlineName].properties[key],
        items: items.$ref ? { $ref: items.$ref } : { $ref: schemaRef(`${inlineName}#${key}`) },
      };
    }
  }

  /** A request body's properties and required names, alternatives merged. */
  function requestBody(body) {
    const content = body?.content?.['application/json'];
    if (!content?.schema) return undefined;
    const s = merged(spec, content.schema);
    return {
      ...pick(s),
      ...(s.required ? { required: s.required } : {}),
      properties: Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, summary(v)])),
    };
  }

  function param(p) {
    const def = p.$ref ? spec.components.parameters[refName(p.$ref)] : p;
    const raw = def.schema?.$ref ? spec.components.schemas[refName(def.schema.$ref)] : (def.schema ?? {});
    const s = merged(spec, raw);
    // A param of several types (`workflow_id`: an id or a file name) takes a string.
    const types = (raw.oneOf ?? raw.anyOf ?? []).map((a) => merged(spec, a).type);
    const type = types.length > 0 ? (types.includes('string') ? 'string' : types[0]) : s.type;
    const schema = { ...pick(s), type };
    if (s.type === 'array' && s.items) schema.items = pick(merged(spec, s.items));
    const { name, in: where, required, description } = def;
    return { name, in: where, ...(required ? { required } : {}), description, schema };
  }

  function operation(verb, op, extra) {
    const responses = {};
    for (const [code, r] of Object.entries(op.responses)) {
      if (r.$ref) {
        responses[code] = { $ref: r.$ref };
        const schema = spec.components.responses[refName(r.$ref)]?.content?.['application/json']?.schema;
        if (schema?.$ref) keepFull(refName(schema.$ref));
        continue;
      }
      const content = r.content?.['application/json'];
      const out = { description: r.description };
      // Only reads return rows: a write's response needs only its shape.
      const reads = verb === 'get';
      if (content?.schema)
        out.schema = reads
          ? responseSchema(content.schema, op.operationId)
          : { type: merged(spec, content.schema).type ?? 'object' };
      const example = reads && code.startsWith('2') ? exampleOf(spec, content) : undefined;
      if (example !== undefined) out.example = example;
      if (code.startsWith('3') && r.headers?.Location) out.headers = ['Location'];
      responses[code] = out;
    }
    const body = requestBody(op.requestBody);
    return {
      operationId: op.operationId,
      ...extra,
      summary: op.summary,
      description: op.description,
      ...(op.deprecated ? { deprecated: true } : {}),
      parameters: (op.parameters ?? []).map(param),
      ...(body ? { requestBody: body } : {}),
      responses,
      externalDocs: op.externalDocs,
    };
  }

  function schemas() {
    const out = { ...full };
    for (const name of stubs) {
      if (out[name]) continue;
      const { title, description, type, nullable } = merged(spec, { $ref: schemaRef(name) });
      out[name] = { title, description, type: type ?? 'object', nullable };
    }
    return Object.fromEntries(
      Object.keys(out)
        .sort()
        .map((k) => [k, out[k]]),
    );
  }

  return { operation, schemas };
}

/**
 * Cuts an example value to a sample row's worth: strings to 120 characters, arrays to their first item,
 * and objects nested in objects three deep (a row's `owner.plan`, or `items[0].owner` of a wrapped list)
 * to their scalar members.
 */
function trimExample(value, depth = 0) {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 1).map((v) => trimExample(v, depth));
  const entries = Object.entries(value).filter(([, v]) => depth < 2 || v === null || typeof v !== 'object');
  return Object.fromEntries(entries.map(([k, v]) => [k, trimExample(v, depth + 1)]));
}

/** The 2xx example of a response: its `default` (or first) named example, or the inline one. */
function exampleOf(spec, content) {
  if (!content) return undefined;
  const named = content.examples
    ? (content.examples.default ?? Object.values(content.examples)[0])
    : undefined;
  const value = named?.$ref
    ? spec.components.examples[refName(named.$ref)]?.value
    : (named?.value ?? content.example);
  return value === undefined ? undefined : trimExample(value);
}

function extractService(current, older, service) {
  const prefix = `${service.replaceAll('_', '-')}/`;
  const currentOps = allOperations(current);
  let own = currentOps.filter((o) => o.op.operationId.startsWith(prefix));
  const methods = pageMethods(service);
  // An operation GitHub moved to a route without the page's params: the provider-era route is kept.
  const olderById = new Map(allOperations(older).map((o) => [o.op.operationId, o]));
  const moved = own.flatMap((o) => {
    const page = methods.get(snake(o.op.operationId));
    const then = olderById.get(o.op.operationId);
    if (!page || !then || routeParams(current, o.op) === pageRouteParams(page)) return [];
    if (routeParams(older, then.op) !== pageRouteParams(page)) return [];
    return [{ ...then, currentRoute: `${o.verb.toUpperCase()} ${o.path}` }];
  });
  own = own.filter((o) => !moved.some((m) => m.op.operationId === o.op.operationId));
  const named = new Set([...own, ...moved].map((o) => snake(o.op.operationId)));
  const missing = [...methods.keys()].filter((n) => !named.has(n));
  // The provider-era operation of a missing name: renamed since (an operation of the current spec has
  // its path and verb, and is marked with the former id) or removed (taken from the older spec).
  const formerIds = new Map();
  const removed = [];
  for (const o of allOperations(older)) {
    if (!o.op.operationId.startsWith(prefix) || !missing.includes(snake(o.op.operationId))) continue;
    const now = currentOps.find((c) => c.path === o.path && c.verb === o.verb);
    if (now) formerIds.set(now, o.op.operationId);
    else removed.push(o);
  }
  const olderNames = [...formerIds.values(), ...removed.map((o) => o.op.operationId)].map(snake);
  const elsewhere = currentOps.filter((o) => {
    const name = snake(o.op.operationId);
    if (own.includes(o)) return false;
    if (formerIds.has(o)) return true;
    return (
      missing.includes(name) &&
      !olderNames.includes(name) &&
      fits(methods.get(name) ?? [], dereffed(current, o.op))
    );
  });
  const paths = {};
  const fromCurrent = createExtract(current);
  for (const o of [...own, ...elsewhere]) {
    const former = formerIds.get(o);
    (paths[o.path] ??= {})[o.verb] = fromCurrent.operation(
      o.verb,
      o.op,
      former ? { 'x-former-id': former } : {},
    );
  }
  const fromOlder = createExtract(older);
  for (const { path, verb, op } of removed)
    (paths[path] ??= {})[verb] = fromOlder.operation(verb, op, { 'x-spec-version': older.info.version });
  for (const { path, verb, op, currentRoute } of moved)
    (paths[path] ??= {})[verb] = fromOlder.operation(verb, op, {
      'x-spec-version': older.info.version,
      'x-current-route': currentRoute,
    });
  const schemas = { ...fromOlder.schemas(), ...fromCurrent.schemas() };
  return {
    $comment: 'Generated by scripts/extract-openapi.mjs from @octokit/openapi; do not edit by hand.',
    source: {
      package: '@octokit/openapi',
      version: current.info.version,
      file: 'generated/api.github.com.json',
    },
    service,
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.keys(schemas)
          .sort()
          .map((k) => [k, schemas[k]]),
      ),
    },
  };
}

const current = loadSpec(currentArg);
const older = loadSpec(olderArg);
for (const service of services) {
  const out = join(specDir, `${service}.openapi.json`);
  const extract = extractService(current, older, service);
  writeFileSync(out, `${JSON.stringify(extract, null, 2)}\n`);
  const count = Object.values(extract.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
  console.log(`wrote ${out}: ${count} operations from @octokit/openapi ${current.info.version}`);
}
