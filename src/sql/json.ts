/**
 * SQLite's JSON functions for the `metadata` column. StackQL runs on SQLite, so its users write
 * `json_extract(metadata, '$.container.tags')`; these give the same values SQLite does: arrays and
 * objects come back as minified JSON text, strings and numbers as values, true/false as 1/0, JSON null
 * and missing paths as NULL. Arguments may be JSON text (as in SQLite) or the parsed object a fetched
 * row holds. A malformed path or document throws, as SQLite reports an error.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = { readonly key: string } | { readonly index: number; readonly fromEnd: boolean };

const MISSING = Symbol('missing');

/** SQLite `json_extract(X, P1, P2, …)`. */
export function jsonExtract(doc: unknown, ...paths: unknown[]): unknown {
  return extractPaths(doc, paths);
}

/**
 * `json_extract` over `paths`, telling `onText` the length of each piece of JSON text as it builds it
 * (with several paths, each may select the whole document): the engine charges its text budget there,
 * so a throw stops the build before the next piece.
 */
export function extractPaths(
  doc: unknown,
  paths: readonly unknown[],
  onText?: (chars: number) => void,
): unknown {
  const root = toJson(doc);
  if (root === MISSING) return null;
  if (paths.length === 1) return toSql(select(root, paths[0]));
  const parts = paths.map((p) => {
    const v = select(root, p);
    const text = JSON.stringify(v === MISSING ? null : v);
    onText?.(text.length);
    return text;
  });
  return `[${parts.join(',')}]`;
}

/** SQLite `json_array_length(X [, P])`: the array's length, 0 for any other JSON value. */
export function jsonArrayLength(doc: unknown, path?: unknown): number | null {
  const root = toJson(doc);
  if (root === MISSING) return null;
  const value = path === undefined ? root : select(root, path);
  if (value === MISSING) return null;
  return Array.isArray(value) ? value.length : 0;
}

/** SQLite `json_type(X [, P])`: 'object', 'array', 'integer', 'real', 'text', 'true', 'false', 'null'. */
export function jsonType(doc: unknown, path?: unknown): string | null {
  const root = toJson(doc);
  if (root === MISSING) return null;
  const v = path === undefined ? root : select(root, path);
  return v === MISSING ? null : typeName(v);
}

/** The SQLite JSON type name of a JSON value. */
function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'real';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'object';
}

/** The JSON value of an argument: SQL NULL is missing, text is parsed, objects are taken as they are. */
function toJson(value: unknown): Json | typeof MISSING {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Json;
    } catch {
      throw new Error('malformed JSON');
    }
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return value as Json;
}

function toSql(value: Json | typeof MISSING): unknown {
  if (value === MISSING || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Parsed paths by text: a query calls these once per row with the same few paths. */
const PATHS = new Map<string, readonly Step[]>();

function select(root: Json, path: unknown): Json | typeof MISSING {
  let steps = typeof path === 'string' ? PATHS.get(path) : undefined;
  if (!steps) {
    steps = parsePath(path);
    if (PATHS.size > 256) PATHS.clear();
    PATHS.set(path as string, steps);
  }
  let current: Json | typeof MISSING = root;
  for (const step of steps) {
    if (current === MISSING) return MISSING;
    current = stepInto(current, step);
  }
  return current;
}

function stepInto(value: Json, step: Step): Json | typeof MISSING {
  if ('key' in step) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISSING;
    // Own properties only: `$.constructor` must not reach Object.prototype.
    return Object.prototype.hasOwnProperty.call(value, step.key) ? (value[step.key] ?? null) : MISSING;
  }
  if (!Array.isArray(value)) return MISSING;
  const i = step.fromEnd ? value.length - step.index : step.index;
  return i >= 0 && i < value.length ? (value[i] ?? null) : MISSING;
}

const PATH_STEP = /^(?:\.(?:"((?:[^"\\]|\\.)*)"|([^.[\]"]+))|\[(?:(\d+)|#-(\d+))\])/;

/** `$.a."b c"[0][#-1]` → steps; anything else is SQLite's "JSON path error". */
function parsePath(path: unknown): Step[] {
  if (typeof path !== 'string' || !path.startsWith('$')) throw pathError(path);
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = PATH_STEP.exec(rest);
    if (!m) throw pathError(rest);
    const [whole, quoted, bare, index, back] = m;
    if (quoted !== undefined) steps.push({ key: quoted.replace(/\\(.)/g, '$1') });
    else if (bare !== undefined) steps.push({ key: bare });
    else if (index !== undefined) steps.push({ index: Number(index), fromEnd: false });
    else steps.push({ index: Number(back), fromEnd: true });
    rest = rest.slice(whole.length);
  }
  return steps;
}

function pathError(near: unknown): Error {
  return new Error(`JSON path error near '${String(near)}': write paths like '$.container.tags' or '$.a[0]'`);
}

/** One row of SQLite's `json_each`: a member of the array or object (or the scalar) at the path. */
export interface JsonEachRow {
  readonly key: string | number | null;
  readonly value: unknown;
  readonly type: string;
  readonly atom: unknown;
  readonly id: number;
  readonly parent: null;
  readonly fullkey: string;
  readonly path: string;
}

/** The columns of `json_each`, in SQLite's order. */
export const JSON_EACH_COLUMNS = ['key', 'value', 'type', 'atom', 'id', 'parent', 'fullkey', 'path'] as const;

/**
 * SQLite's `json_each(X [, P])`: a row per element of the array (key: its index) or member of the
 * object (key: its name) at P, or one row for a scalar (key NULL); none for NULL or a missing path.
 * Values as json_extract gives them (arrays and objects as JSON text); `atom` is NULL for those.
 */
export function jsonEach(doc: unknown, path?: unknown): JsonEachRow[] {
  const root = toJson(doc);
  if (root === MISSING) return [];
  const at = path ?? '$';
  const target = at === '$' ? root : select(root, at);
  if (target === MISSING) return [];
  // select() accepts only a text path, so `at` is text here.
  const base = typeof at === 'string' ? at : '$';
  const row = (key: string | number | null, v: Json, fullkey: string, id: number): JsonEachRow => {
    const container = typeof v === 'object' && v !== null;
    return {
      key,
      value: toSql(v),
      type: typeName(v),
      atom: container ? null : toSql(v),
      id,
      parent: null,
      fullkey,
      path: base,
    };
  };
  if (Array.isArray(target)) return target.map((v, i) => row(i, v, `${base}[${String(i)}]`, i + 1));
  if (typeof target === 'object' && target !== null) {
    return Object.keys(target).map((k, i) => row(k, target[k] ?? null, `${base}.${pathKey(k)}`, i + 1));
  }
  return [row(null, target, base, 0)];
}

/** A member name as SQLite writes it in a path: bare when letters and digits only, else quoted. */
function pathKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : `"${key.replace(/["\\]/g, '\\$&')}"`;
}
