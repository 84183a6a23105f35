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

/** The rows as a pretty-printed JSON array, keys in column order. */
export function toJson(columns: readonly string[], rows: readonly ResultRow[]): string {
  return JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))),
    null,
    2,
  );
}

function markdownCell(value: unknown): string {
  return cellText(value).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped. */
export function toMarkdown(columns: readonly string[], rows: readonly ResultRow[]): string {
  const header = `| ${columns.map(markdownCell).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${columns.map((c) => markdownCell(row[c])).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
