import Papa from 'papaparse';
import type { ResultRow } from '@site/src/sql/types';

/** A cell as text for exports: objects and arrays as compact JSON, null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects were handled above
  return String(value);
}

/**
 * CSV with a header row, RFC 4180 quoting, and cells starting with `= + - @` (or tab/CR) prefixed
 * with `'` so spreadsheets do not run them as formulas (papaparse's `escapeFormulae`).
 */
export function toCsv(columns: readonly string[], rows: readonly ResultRow[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((c) => cellText(row[c]))) },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/**
 * The rows as a pretty-printed JSON array (as `JSON.stringify(…, null, 2)` prints it), keys in column
 * order. Written member by member because a plain object would put integer-like keys (`SELECT name, 1`)
 * first, whatever the SELECT order.
 */
export function toJson(columns: readonly string[], rows: readonly ResultRow[]): string {
  if (rows.length === 0) return '[]';
  const objects = rows.map((row) => {
    if (columns.length === 0) return '  {}';
    const members = columns.map((c) => {
      const value = JSON.stringify(row[c] ?? null, null, 2).replace(/\n/g, '\n    ');
      return `    ${JSON.stringify(c)}: ${value}`;
    });
    return `  {\n${members.join(',\n')}\n  }`;
  });
  return `[\n${objects.join(',\n')}\n]`;
}

/**
 * A cell as Markdown table text. Any line break (CR too) would end the row, a pipe would start a column,
 * and Markdown renders inline HTML, so `& < >` become entities: package data stays text wherever the
 * table is pasted.
 */
function markdownCell(value: unknown): string {
  return cellText(value)
    .replaceAll('\\', '\\\\')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table; pipes, line breaks and HTML inside cells are escaped. */
export function toMarkdown(columns: readonly string[], rows: readonly ResultRow[]): string {
  const header = `| ${columns.map(markdownCell).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${columns.map((c) => markdownCell(row[c])).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
