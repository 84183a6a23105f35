/** A JSON value as `JSON.parse` gives it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One member of a JSON object, in the order written, with the offset of its key. */
export interface JsonEntry {
  readonly key: string;
  readonly value: JsonValue;
  readonly at: number;
}

/** The members of a JSON object (duplicate keys kept), or what is wrong and at which character. */
export type JsonObjectResult =
  | { readonly ok: true; readonly entries: readonly JsonEntry[] }
  | { readonly ok: false; readonly message: string; readonly at: number };

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Thrown inside the reader only, to leave the recursion at the first error. */
class Invalid extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON object, strictly as JSON.parse does, but says where it went wrong: browsers word and
 * place `JSON.parse` errors differently (Safari gives no position at all), and the EXEC `@@json` error
 * underlines the very character. Duplicate keys are kept, so the caller can refuse them.
 */
export function parseJsonObject(text: string): JsonObjectResult {
  let i = 0;
  const fail = (message: string): never => {
    throw new Invalid(message, i);
  };
  const space = () => {
    while (/[ \t\n\r]/.test(text.charAt(i))) i++;
  };
  const expect = (c: string, what: string) => {
    space();
    if (text.charAt(i) !== c) fail(`expected ${what}`);
    i++;
  };
  const string = (): string => {
    if (text.charAt(i) !== '"') fail('expected a "quoted" key');
    let out = '';
    for (i++; i < text.length; i++) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail('a line break or control character must be escaped in a string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text.charAt(++i);
      const hex = text.slice(i + 1, i + 5);
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else if (e in ESCAPES) out += ESCAPES[e] ?? '';
      else fail(`\\${e} is not an escape of JSON`);
    }
    return fail('the string has no closing "');
  };
  const value = (depth: number): JsonValue => {
    space();
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    const c = text.charAt(i);
    if (c === '{') return Object.fromEntries(members(depth + 1).map((e) => [e.key, e.value]));
    if (c === '[') return items(depth + 1);
    if (c === '"') return string();
    for (const [word, v] of [['true', true] as const, ['false', false] as const, ['null', null] as const]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (!n) return fail('expected a value: a "string", a number, true, false, null, [ … ] or { … }');
    i += n[0].length;
    return Number(n[0]);
  };
  /** Whether the next character (after spaces) is `c`, stepping over it if so. */
  const closes = (c: string): boolean => {
    space();
    if (text.charAt(i) !== c) return false;
    i++;
    return true;
  };
  const items = (depth: number): JsonValue[] => {
    const out: JsonValue[] = [];
    i++;
    if (closes(']')) return out;
    for (;;) {
      out.push(value(depth));
      if (closes(']')) return out;
      expect(',', "',' or ']' after a value");
    }
  };
  const members = (depth: number): JsonEntry[] => {
    const out: JsonEntry[] = [];
    i++;
    if (closes('}')) return out;
    for (;;) {
      space();
      const at = i;
      const key = string();
      expect(':', `':' after the key "${key}"`);
      out.push({ key, value: value(depth), at });
      if (closes('}')) return out;
      expect(',', "',' or '}' after a value");
    }
  };
  try {
    space();
    if (text.charAt(i) !== '{') fail('expected a JSON object: { "name": "value", … }');
    const entries = members(1);
    space();
    if (i < text.length) fail('unexpected text after the object');
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message, at: e.at };
    throw e;
  }
}
