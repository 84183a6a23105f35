import { sqlText } from '../sql/text';
import { chargeText } from './budget';

/**
 * SQLite's `json_object(label, value, …)` and `json_array(value, …)`. SQLite returns JSON text marked
 * with a JSON subtype, so that a JSON function around it nests it as JSON where any other text (a
 * JSON column included: StackQL stores it as text) becomes a JSON string. Here they return the JSON
 * value itself, remembered by identity as built JSON (`isBuiltJson`): a call around it, or
 * json_group_array/json_group_object, nests it; the page shows it as JSON, and text functions read
 * its JSON text. Each result is charged to the run's text budget by the size of its JSON text.
 */

const BUILT = new WeakMap<object, number>();

/** Whether `v` is JSON a JSON function built in this engine (and so nests as JSON). */
export function isBuiltJson(v: unknown): v is object {
  return typeof v === 'object' && v !== null && BUILT.has(v);
}

/** An argument as a JSON value, and the length of its JSON text. */
function member(v: unknown): readonly [unknown, number] {
  if (v === null || v === undefined) return [null, 4];
  if (typeof v === 'number') return Number.isFinite(v) ? [v, String(v).length] : [null, 4];
  if (typeof v === 'boolean') return [v ? 1 : 0, 1];
  if (typeof v === 'bigint') return [Number(v), String(v).length];
  if (isBuiltJson(v)) return [v, BUILT.get(v) ?? 0];
  // Text, and a JSON column, which is text in SQLite: a JSON string.
  const text = sqlText(v);
  return [text, text.length + 2];
}

function built<T extends object>(value: T, size: number): T {
  chargeText(size);
  BUILT.set(value, size);
  return value;
}

/** SQLite `json_object(label1, value1, …)`: labels must be text. */
export function jsonObject(...args: unknown[]): object {
  if (args.length % 2 !== 0) throw new Error('json_object() requires an even number of arguments');
  const out: Record<string, unknown> = {};
  let size = 2;
  for (let i = 0; i < args.length; i += 2) {
    const label = args[i];
    if (typeof label !== 'string') throw new Error('json_object() labels must be TEXT');
    const [value, length] = member(args[i + 1]);
    // Defined, not assigned: a label `__proto__` is a member, as in JSON.
    Object.defineProperty(out, label, { value, enumerable: true, writable: true, configurable: true });
    size += label.length + 4 + length;
  }
  return built(out, size);
}

/** SQLite `json_array(value1, …)`. */
export function jsonArray(...args: unknown[]): unknown[] {
  let size = 2;
  const out = args.map((a) => {
    const [value, length] = member(a);
    size += length + 1;
    return value;
  });
  return built(out, size);
}
