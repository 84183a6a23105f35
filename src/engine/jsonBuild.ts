import { sqlText } from '../sql/text';
import { chargeText } from './budget';

/**
 * SQLite's `json_object(label, value, …)` and `json_array(value, …)`. They return JSON text, as
 * SQLite's do; and as in SQLite, an argument that another JSON function just built (json_object,
 * json_array, an array or object from json_extract) nests as JSON, where any other text (a JSON
 * column included: it is text in SQLite) becomes a JSON string. SQLite marks
 * such text with a subtype; here the text each call builds is remembered (the last few hundred), which
 * is what a nested call reads. Each result is charged to the run's text budget.
 */

const BUILT = new Set<string>();
const MAX_BUILT = 512;

/** Remembers `text` as JSON this run built, so a call around it nests it as JSON. */
export function builtJson(text: string): string {
  if (BUILT.size >= MAX_BUILT) BUILT.clear();
  BUILT.add(text);
  return text;
}

/** An argument as JSON text. */
function member(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return BUILT.has(v) ? v : JSON.stringify(v);
  // A JSON column is text in SQLite (StackQL stores it so), so it nests as a string there too.
  return JSON.stringify(JSON.stringify(v));
}

/** SQLite `json_object(label1, value1, …)`: labels must be text. */
export function jsonObject(...args: unknown[]): string {
  if (args.length % 2 !== 0) throw new Error('json_object() requires an even number of arguments');
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; i < args.length; i += 2) {
    const label = args[i];
    if (typeof label !== 'string') throw new Error('json_object() labels must be TEXT');
    const piece = `${JSON.stringify(sqlText(label))}:${member(args[i + 1])}`;
    size += piece.length + 1;
    chargeText(piece.length);
    parts.push(piece);
  }
  chargeText(size);
  return builtJson(`{${parts.join(',')}}`);
}

/** SQLite `json_array(value1, …)`. */
export function jsonArray(...args: unknown[]): string {
  const parts = args.map((a) => {
    const piece = member(a);
    chargeText(piece.length);
    return piece;
  });
  const text = `[${parts.join(',')}]`;
  chargeText(text.length);
  return builtJson(text);
}
