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
 * Markdown syntax in data, escaped with a backslash: CommonMark renders `\` + any ASCII punctuation as
 * that character, whatever the context, so the escaped text can never become a link or image (`[ ] ( )
 * !`), an autolink or HTML (`< >`), an entity (`&`), emphasis, strikethrough or code (`* _ ~ \``), a
 * column (`|`), GitHub math (`$`), an email autolink (`@`), or a backslash escape of its own (`\`).
 * `#` only matters at the start of a line, never inside a cell; escaped anyway, it costs nothing.
 */
const SYNTAX = /[\\`*_[\]()<>!|~&#$@]/g;

/**
 * A cell as Markdown table text that renders as exactly that text. Besides `SYNTAX`: GFM turns bare
 * `http://…`, `https://…` and `www.…` into links (its "extended autolinks"), which need the literal
 * `://` or `www.`; escaping that `:` or `.` stops them (cmark-gfm, GitHub's renderer, and micromark
 * only see an unescaped one). The first `:` of an emoji shortcode (`:smile:`) is escaped too. A line
 * break (CR too) would end the row, so it becomes `<br>`: the one piece of HTML the export writes.
 */
function markdownCell(value: unknown): string {
  return cellText(value)
    .replace(SYNTAX, '\\$&')
    .replace(/:(?=\/\/|[\w+-]+:)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table whose cells and headers render as their literal text (`markdownCell`). */
export function toMarkdown(columns: readonly string[], rows: readonly ResultRow[]): string {
  const header = `| ${columns.map(markdownCell).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${columns.map((c) => markdownCell(row[c])).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
