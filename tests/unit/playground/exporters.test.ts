import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { cellText, toCsv, toJson, toMarkdown } from '../../../src/components/Playground/results/exporters';

/** Parses CSV back the way a spreadsheet import would, to check quoting round-trips. */
function parseCsv(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
}

describe('cellText', () => {
  it('shows null and undefined as empty, objects and arrays as compact JSON, the rest as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText({ container: { tags: ['latest', 'v1'] } })).toBe(
      '{"container":{"tags":["latest","v1"]}}',
    );
    expect(cellText(['a', 1])).toBe('["a",1]');
    expect(cellText(42)).toBe('42');
    expect(cellText(false)).toBe('false');
    expect(cellText('text')).toBe('text');
  });
});

describe('toCsv', () => {
  it('writes a header row in column order and CRLF line ends', () => {
    const csv = toCsv(
      ['name', 'id'],
      [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ],
    );
    expect(csv).toBe('name,id\r\na,1\r\nb,2');
  });

  it.each([
    ['=', '=HYPERLINK("https://evil.example","x")'],
    ['+', '+1+cmd|calc'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\t=1+1'],
    ['CR', '\r=1+1'],
  ])('escapes a cell starting with %s against formula injection', (_, value) => {
    const csv = toCsv(['v'], [{ v: value }]);
    const cell = parseCsv(csv)[1]?.[0];
    expect(cell).toBe(`'${value}`);
  });

  it('escapes formula-like column names too', () => {
    expect(parseCsv(toCsv(['=cmd'], []))[0]).toEqual([`'=cmd`]);
  });

  it('does not escape cells that only contain those characters later', () => {
    const csv = toCsv(['v'], [{ v: 'a=b+c-d@e' }]);
    expect(csv).toBe('v\r\na=b+c-d@e');
  });

  it('quotes cells with commas, quotes and line breaks so they round-trip', () => {
    const values = ['a,b', 'say "hi"', 'line1\nline2', 'cr\r\nlf'];
    const csv = toCsv(
      ['v'],
      values.map((v) => ({ v })),
    );
    expect(csv).toContain('"a,b"');
    expect(csv).toContain('"say ""hi"""');
    expect(
      parseCsv(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(values);
  });

  it('writes objects and arrays as JSON, and null/missing as empty', () => {
    const csv = toCsv(
      ['metadata', 'tags', 'gone', 'none'],
      [{ metadata: { package_type: 'container' }, tags: ['a', 'b'], none: null }],
    );
    expect(parseCsv(csv)[1]).toEqual(['{"package_type":"container"}', '["a","b"]', '', '']);
  });

  it('escapes a tag array whose JSON starts with a formula character only if the text does', () => {
    // JSON text starts with `[` or `{`, never with `=`: safe as it is.
    const csv = toCsv(['tags'], [{ tags: ['=cmd'] }]);
    expect(parseCsv(csv)[1]).toEqual(['["=cmd"]']);
  });
});

describe('toJson', () => {
  it('writes rows as pretty JSON with keys in column order, not row order', () => {
    const json = toJson(['name', 'id'], [{ id: 1, name: 'a', extra: 'not a column' }]);
    expect(json).toBe('[\n  {\n    "name": "a",\n    "id": 1\n  }\n]');
  });

  it('keeps column order even for column names that look like numbers', () => {
    // Plain objects put integer-like keys first; the export must follow the SELECT order.
    const json = toJson(['name', '2', '1'], [{ name: 'a', 1: 'one', 2: 'two' }]);
    expect(Object.keys((JSON.parse(json) as Record<string, unknown>[])[0] ?? {})).toEqual(['1', '2', 'name']);
    expect(json.indexOf('"name"')).toBeLessThan(json.indexOf('"2"'));
    expect(json.indexOf('"2"')).toBeLessThan(json.indexOf('"1"'));
  });

  it('keeps nested objects as JSON and missing values as null', () => {
    const json = toJson(['metadata', 'gone'], [{ metadata: { container: { tags: ['x'] } } }]);
    expect(JSON.parse(json)).toEqual([{ metadata: { container: { tags: ['x'] } }, gone: null }]);
  });

  it('prints exactly as JSON.stringify(…, null, 2) does for ordinary keys, nested values included', () => {
    const rows = [
      { id: 1, metadata: { package_type: 'container', container: { tags: ['latest', 'v1'] } }, tags: [] },
      { id: 2, metadata: null, tags: [{ a: [1, { b: 2 }] }] },
    ];
    expect(toJson(['id', 'metadata', 'tags'], rows)).toBe(JSON.stringify(rows, null, 2));
  });

  it('writes an empty array for no rows', () => {
    expect(JSON.parse(toJson(['a'], []))).toEqual([]);
  });

  it('keeps hostile text as a JSON string', () => {
    const name = '</script><img src=x onerror=alert(1)>"\\';
    expect(JSON.parse(toJson(['name'], [{ name }]))).toEqual([{ name }]);
  });
});

describe('toMarkdown', () => {
  it('writes a header, a rule and one line per row', () => {
    expect(
      toMarkdown(
        ['id', 'name'],
        [
          { id: 1, name: 'a' },
          { id: 2, name: null },
        ],
      ),
    ).toBe(['| id | name |', '| --- | --- |', '| 1 | a |', '| 2 |  |'].join('\n'));
  });

  it('escapes pipes and backslashes so a cell cannot add columns', () => {
    const md = toMarkdown(['v'], [{ v: 'a|b\\|c' }]);
    expect(md.split('\n')[2]).toBe('| a\\|b\\\\\\|c |');
  });

  it.each([
    ['LF', 'a\nb'],
    ['CRLF', 'a\r\nb'],
    ['a lone CR', 'a\rb'],
  ])('turns %s inside a cell into <br> so the row stays on one line', (_, v) => {
    const md = toMarkdown(['v'], [{ v }]);
    expect(md.split(/\r\n|\r|\n/)).toHaveLength(3);
    expect(md.split('\n')[2]).toBe('| a<br>b |');
  });

  it('escapes pipes in column names and writes objects as JSON', () => {
    const md = toMarkdown(['a|b', 'metadata'], [{ 'a|b': 1, metadata: { t: ['x'] } }]);
    expect(md.split('\n')[0]).toBe('| a\\|b | metadata |');
    expect(md.split('\n')[2]).toBe('| 1 | {"t":\\["x"\\]} |');
  });

  it('backslash-escapes HTML in data so it stays text when the Markdown is rendered', () => {
    const md = toMarkdown(['name'], [{ name: '<img src=x onerror=alert(1)>' }]);
    expect(md.split('\n')[2]).toBe('| \\<img src=x onerror=alert\\(1\\)\\> |');
  });

  it('escapes the ":" of a bare URL and the "." of www. so GFM does not autolink them', () => {
    const md = toMarkdown(['v'], [{ v: 'https://evil.example www.evil.example' }]);
    expect(md.split('\n')[2]).toBe('| https\\://evil.example www\\.evil.example |');
  });
});
