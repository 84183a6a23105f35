import { PageFormatError } from './errors';

/**
 * Reads the provider's original pages (the StackQL provider's generated Markdown) into plain facts.
 * Line-based on purpose: the pages are one generator's output, with one table row a line, and a
 * Markdown parser would turn the `<CopyableCode />` cells into HTML nodes we would only undo.
 */

/** A row of a resource page's Fields table, cells as written. */
export interface PageField {
  readonly name: string;
  /** The Datatype cell without backticks, `string`. */
  readonly type: string;
  readonly description: string;
}

/** A row of a resource page's Methods table. */
export interface PageMethod {
  readonly name: string;
  /** The Accessible by cell, `SELECT`. */
  readonly sqlVerb: string;
  /** The Required Params cell, split at commas; empty when the cell is. */
  readonly requiredParams: readonly string[];
  /** The Description cell as written: Markdown with `<br />`. */
  readonly description: string;
}

/** A resource page (`services/<service>/<resource>/index.md`). */
export interface ResourcePage {
  readonly name: string;
  readonly type: string;
  readonly id: string;
  readonly fields: readonly PageField[];
  readonly methods: readonly PageMethod[];
}

/** A service page (`services/<service>/index.md`). */
export interface ServicePage {
  /** The Overview's Name, `github.packages`. */
  readonly name: string;
  readonly type: string;
  readonly title: string;
  readonly description: string;
  /** `packages:v24.04.00227`. */
  readonly id: string;
  readonly summary: {
    readonly resources: number;
    readonly selectableResources: number;
    readonly methods: number;
  };
  /** Resource names in the order of the Resources list. */
  readonly resources: readonly string[];
}

const COPYABLE = /^<CopyableCode code="([^"]*)" \/>$/;

/** The text of `<code>x</code>`, `<CopyableCode code="x" />` or plain text. */
function unwrap(cell: string): string {
  const trimmed = cell.trim();
  return (
    COPYABLE.exec(trimmed)?.[1] ??
    /^<code>(.*)<\/code>$/.exec(trimmed)?.[1] ??
    trimmed.replace(/^`(.*)`$/, '$1')
  );
}

/** The body of the section under `## heading`, up to the next `## ` (an empty section is ''). */
function section(markdown: string, heading: string): string {
  const marker = `\n## ${heading}\n`;
  const start = markdown.indexOf(marker);
  if (start < 0) throw new PageFormatError(`no "## ${heading}" section`);
  const rest = markdown.slice(start + marker.length - 1);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Rows of the Markdown table in a section whose first cell is a CopyableCode, as `cells` trimmed cells:
 * the row is split at its first `cells - 1` pipes only, so a description holding `|` stays whole, and
 * an empty cell written `||` is still a cell.
 */
function tableRows(body: string, cells: number): string[][] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('| <CopyableCode'))
    .map((line) => {
      const inner = line.replace(/^\|/, '').replace(/\|\s*$/, '');
      const out: string[] = [];
      let from = 0;
      for (let i = 1; i < cells; i++) {
        const bar = inner.indexOf('|', from);
        if (bar < 0) break;
        out.push(inner.slice(from, bar).trim());
        from = bar + 1;
      }
      out.push(inner.slice(from).trim());
      return out;
    });
}

/** The Overview table's rows: label → cell text. */
function overview(markdown: string): Record<string, string> {
  const rows = [
    ...section(markdown, 'Overview').matchAll(/<tr><td><b>(\w+)<\/b><\/td><td>(.*?)<\/td><\/tr>/g),
  ];
  return Object.fromEntries(rows.map((m) => [m[1] ?? '', unwrap(m[2] ?? '')]));
}

function required(record: Record<string, string>, key: string): string {
  const value = record[key];
  if (value === undefined) throw new PageFormatError(`the Overview has no ${key} row`);
  return value;
}

/** Reads a resource page; throws PageFormatError when a section or Overview row is missing. */
export function parseResourcePage(markdown: string): ResourcePage {
  const facts = overview(markdown);
  const fields = tableRows(section(markdown, 'Fields'), 3).map(
    ([name = '', type = '', description = '']) => ({
      name: unwrap(name),
      type: unwrap(type),
      description,
    }),
  );
  const methods = tableRows(section(markdown, 'Methods'), 4).map(
    ([name = '', verb = '', params = '', description = '']) => {
      const list = unwrap(params);
      return {
        name: unwrap(name),
        sqlVerb: unwrap(verb),
        requiredParams: list === '' ? [] : list.split(',').map((p) => p.trim()),
        description,
      };
    },
  );
  return {
    name: required(facts, 'Name'),
    type: required(facts, 'Type'),
    id: required(facts, 'Id'),
    fields,
    methods,
  };
}

function count(markdown: string, label: string): number {
  const m = new RegExp(`${label}:&nbsp;<b>(\\d+)</b>`).exec(markdown);
  if (!m) throw new PageFormatError(`the Service Summary has no "${label}"`);
  return Number(m[1]);
}

/** Reads a service page; throws PageFormatError when a section, count or Overview row is missing. */
export function parseServicePage(markdown: string): ServicePage {
  const facts = overview(markdown);
  const resources = [...section(markdown, 'Resources').matchAll(/<a href="[^"]*">([^<]+)<\/a>/g)].map(
    (m) => m[1] ?? '',
  );
  return {
    name: required(facts, 'Name'),
    type: required(facts, 'Type'),
    title: required(facts, 'Title'),
    description: required(facts, 'Description'),
    id: required(facts, 'Id'),
    summary: {
      resources: count(markdown, 'total resources'),
      selectableResources: count(markdown, 'total selectable resources'),
      methods: count(markdown, 'total methods'),
    },
    resources,
  };
}
