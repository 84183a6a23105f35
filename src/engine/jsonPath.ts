import { extractPaths, jsonArrayLength } from '../sql/json';
import { chargeText } from './budget';
import { FAST_PATHS } from './fastPaths';

/**
 * `json_extract` and `json_array_length` as the engine registers them: the same answers as
 * src/sql/json.ts (SQLite's), with a path read as steps parsed once per path text, and applied to a
 * row's parsed JSON by a loop of plain property reads, instead of parsed and dispatched on every call.
 *
 * Only what can be seen to mean the same is taken: a document that is a JSON object or array (not
 * text to parse, not a number) and a path of `.name` steps (letters, digits and `_`) and `[n]` steps
 * (digits). Anything else, including every path the general parser rejects, goes to the general
 * functions, which answer or throw as before. The steps read own members only, as the general ones
 * do, so `$.constructor` or `$.__proto__` never reach a prototype. (A member is read before it is
 * known to be the object's own, where the general functions check first: the same for data, which
 * has no getters; an object with a getter on its prototype would see it run.)
 */

/** A step: a member name, or an array index. */
type Step = string | number;

/** A path the fast path takes, parsed. */
export interface Path {
  readonly steps: readonly Step[];
  /**
   * For each step, whether it is a member name that no plain object inherits (not a property of the
   * frozen Object.prototype): a value other than `undefined` read under it from an object whose
   * prototype is Object.prototype is then the object's own, and no own-property check is needed.
   */
  readonly plain: readonly boolean[];
}

// Bound once: these run per row (see fastPaths.ts).
const state = FAST_PATHS;
const charge = chargeText;
const generalExtract = extractPaths;
const generalLength = jsonArrayLength;
const isArray = Array.isArray;
const OBJECT_PROTOTYPE: unknown = Object.prototype;

/** Parsed paths by text (`null`: not one the fast path takes); a query uses a few. */
const PATHS = new Map<string, Path | null>();
const MAX_PATHS = 256;
/** The last path each function read (a query reads the same few on every row). */
const last = {
  extract: { text: undefined as string | undefined, path: null as Path | null },
  length: { text: undefined as string | undefined, path: null as Path | null },
};

const STEP = /^(?:\.([A-Za-z0-9_]+)|\[([0-9]{1,9})\])/;

/** The steps of a path the fast path takes, or `null`. */
function stepsOf(path: string): Step[] | null {
  if (!path.startsWith('$')) return null;
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return null;
    const [whole, key, index] = m;
    steps.push(key ?? Number(index));
    rest = rest.slice(whole.length);
  }
  return steps;
}

/** A path the fast path takes, parsed; `null` for any other. */
export function parseFastPath(text: string): Path | null {
  const steps = stepsOf(text);
  if (!steps) return null;
  // Only once Object.prototype can no longer change (the engine's realm is frozen before it runs).
  const frozen = Object.isFrozen(Object.prototype);
  return { steps, plain: steps.map((s) => frozen && typeof s === 'string' && !(s in Object.prototype)) };
}

function pathOf(text: unknown, memo: { text: string | undefined; path: Path | null }): Path | null {
  if (typeof text !== 'string') return null;
  if (text === memo.text) return memo.path;
  let path = PATHS.get(text);
  if (path === undefined) {
    path = parseFastPath(text);
    if (PATHS.size >= MAX_PATHS) PATHS.clear();
    PATHS.set(text, path);
  }
  memo.text = text;
  memo.path = path;
  return path;
}

/** A sentinel for a path that leads nowhere (the general functions' MISSING). */
const MISSING: unknown = Symbol('missing');

/**
 * A member step, once `value` (`c[key]`, already read) is not plainly `c`'s own: `c`'s own member, or
 * MISSING if `c` is an array or has no such own member. JSON null (and an undefined member) is null.
 */
function member(c: object, key: string, value: unknown): unknown {
  return isArray(c) || !Object.hasOwn(c, key) ? MISSING : (value ?? null);
}

/** An index step: the element, or MISSING if `c` is not an array or is too short. */
function element(c: unknown, index: number): unknown {
  return isArray(c) && index < c.length ? ((c as unknown[])[index] ?? null) : MISSING;
}

/**
 * The value at `path` in `root`, or MISSING; JSON null (and an undefined member) is null: what the
 * general functions' `select` gives. The first four steps are written out, each at its own place in
 * the code, so that each member read sees one name on every row (a query reads the same paths) and
 * stays a fast one; further steps loop.
 */
function follow(root: object, path: Path): unknown {
  const { steps, plain } = path;
  const n = steps.length;
  let c: unknown = root;
  let s: Step | undefined;
  let v: unknown;
  if (n === 0) return c;
  s = steps[0] ?? 0;
  if (typeof s === 'number') c = element(c, s);
  else if (typeof c !== 'object' || c === null) return MISSING;
  else {
    v = (c as Record<string, unknown>)[s];
    c =
      v !== undefined && plain[0] === true && Object.getPrototypeOf(c) === OBJECT_PROTOTYPE
        ? v
        : member(c, s, v);
  }
  if (n === 1 || c === MISSING) return c;
  s = steps[1] ?? 0;
  if (typeof s === 'number') c = element(c, s);
  else if (typeof c !== 'object' || c === null) return MISSING;
  else {
    v = (c as Record<string, unknown>)[s];
    c =
      v !== undefined && plain[1] === true && Object.getPrototypeOf(c) === OBJECT_PROTOTYPE
        ? v
        : member(c, s, v);
  }
  if (n === 2 || c === MISSING) return c;
  s = steps[2] ?? 0;
  if (typeof s === 'number') c = element(c, s);
  else if (typeof c !== 'object' || c === null) return MISSING;
  else {
    v = (c as Record<string, unknown>)[s];
    c =
      v !== undefined && plain[2] === true && Object.getPrototypeOf(c) === OBJECT_PROTOTYPE
        ? v
        : member(c, s, v);
  }
  if (n === 3 || c === MISSING) return c;
  s = steps[3] ?? 0;
  if (typeof s === 'number') c = element(c, s);
  else if (typeof c !== 'object' || c === null) return MISSING;
  else {
    v = (c as Record<string, unknown>)[s];
    c =
      v !== undefined && plain[3] === true && Object.getPrototypeOf(c) === OBJECT_PROTOTYPE
        ? v
        : member(c, s, v);
  }
  for (let i = 4; i < n && c !== MISSING; i++) {
    s = steps[i] ?? 0;
    if (typeof s === 'number') c = element(c, s);
    else if (typeof c !== 'object' || c === null) return MISSING;
    else c = member(c, s, (c as Record<string, unknown>)[s]);
  }
  return c;
}

/**
 * `json_extract(doc, path, …)`, charging the text it builds (as textFunctions.ts's did): objects and
 * arrays as JSON text, true/false as 1/0, JSON null and a missing path as NULL.
 */
export function jsonExtractEngine(doc: unknown, ...paths: unknown[]): unknown {
  const path = paths.length === 1 && state.on.json ? pathOf(paths[0], last.extract) : null;
  if (path === null || typeof doc !== 'object' || doc === null) {
    const value = generalExtract(doc, paths, charge);
    if (typeof value === 'string') charge(value.length);
    return value;
  }
  state.taken.json++;
  const found = follow(doc, path);
  if (found === MISSING || found === null) return null;
  if (typeof found === 'boolean') return found ? 1 : 0;
  if (typeof found === 'object') {
    const text = JSON.stringify(found);
    charge(text.length);
    return text;
  }
  if (typeof found === 'string') charge(found.length);
  return found;
}

/** `json_array_length(doc [, path])`: the array's length, 0 for another JSON value, NULL for none. */
export function jsonArrayLengthEngine(doc: unknown, path?: unknown): number | null {
  const parsed = path === undefined || !state.on.json ? null : pathOf(path, last.length);
  if (parsed === null || typeof doc !== 'object' || doc === null) return generalLength(doc, path);
  state.taken.json++;
  const found = follow(doc, parsed);
  if (found === MISSING) return null;
  return Array.isArray(found) ? found.length : 0;
}
