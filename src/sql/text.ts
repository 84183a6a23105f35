/**
 * A value as SQLite would show it as text, for the engine's string functions and LIKE: text as it is,
 * numbers in JavaScript's shortest form, JSON objects and arrays (the `metadata` column) as minified
 * JSON text, as SQLite holds them, rather than JavaScript's `[object Object]`. NULL is the caller's
 * business; here it is the empty string, as is anything that is not a value (a function).
 */
export function sqlText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return '';
      return value instanceof Date ? value.toString() : JSON.stringify(value);
    default:
      return '';
  }
}
