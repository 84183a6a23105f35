/**
 * "Copy as Markdown" keeps data as literal text wherever it is pasted: every cell and header, rendered
 * by a GFM renderer (micromark with its GFM extensions, the parser remark-gfm and Docusaurus use; raw
 * HTML allowed, as GitHub allows a subset), shows exactly the original text and makes no link, image,
 * HTML element, emphasis, strikethrough, code span or math.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';

import { cellText, toMarkdown } from '../../../src/components/Playground/results/exporters';
import { hostileVersions } from '../../../src/github/fake/hostile';

/** GFM → HTML, with raw HTML passed through as GitHub passes (most of) it. */
function render(md: string): string {
  return micromark(md, {
    allowDangerousHtml: true,
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

/** The text of each `<th>`/`<td>` of the rendered table, line breaks as `\n`. */
function cells(html: string): string[] {
  return [...html.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    (m[1] ?? '')
      .replaceAll('<br>', '\n')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&'),
  );
}

/** Elements a cell may render: the table's own and the `<br>` a line break becomes. */
function strayElements(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)]
    .map((m) => (m[1] ?? '').toLowerCase())
    .filter((tag) => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'br'].includes(tag));
}

/** Renders a one-column table with `value` as header and as cell, and checks both stay literal text. */
function expectLiteral(value: string): void {
  const md = toMarkdown([value], [{ [value]: value }]);
  const html = render(md);
  expect(strayElements(html), `${md}\n→ ${html}`).toEqual([]);
  const expected = value.replace(/\r\n|\r/g, '\n').trim();
  expect(
    cells(html).map((c) => c.trim()),
    md,
  ).toEqual([expected, expected]);
}

const LINKS = [
  '[click me](https://evil.example/phish)',
  '![tracker](https://evil.example/pixel.png)',
  '[ref]',
  '[text][ref]',
  '[^1]',
  '<https://evil.example>',
  '<mailto:me@evil.example>',
  '<me@evil.example>',
  'https://evil.example/x?y=1',
  'HTTPS://EVIL.EXAMPLE',
  'see http://evil.example.',
  'www.evil.example/path',
  'WWW.EVIL.EXAMPLE',
  '(www.evil.example)',
  'me@evil.example',
  'mailto:me@evil.example',
  'xmpp:me@evil.example/res',
  'javascript:alert(1)',
  '[x]: https://evil.example "title"',
];

const HTML = [
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">x</a>',
  '<script>alert(1)</script>',
  '<!-- hidden -->',
  '<![CDATA[x]]>',
  '<?php echo 1; ?>',
  '<details open><summary>s</summary>x</details>',
  '&lt;img src=x&gt;',
  '&#x3C;img src=x&#x3E;',
  '&amp; &copy; &#169;',
];

const EMPHASIS = [
  '**bold** __bold__',
  '*em* _em_',
  '~~struck~~ ~single~',
  '`code` ``co`de``',
  '$x^2$ and $$y$$',
  '\\*not em\\*',
  'trailing backslash\\',
  'a|b\\|c',
  '# not a heading',
  '> not a quote',
  '- not a list',
  ':smile: :+1: :1st_place_medal:',
];

describe('toMarkdown keeps hostile text literal when rendered', () => {
  it.each([...LINKS, ...HTML, ...EMPHASIS])('%s', (value) => {
    expectLiteral(value);
  });

  it('for every field of the fake API hostile rows', () => {
    const rows = hostileVersions('acme', 'container', 'web/frontend');
    for (const row of rows) {
      for (const value of Object.values(row)) expectLiteral(cellText(value));
    }
  });

  it('keeps line breaks as <br> and nothing else as HTML', () => {
    const html = render(toMarkdown(['v'], [{ v: '[a](b)\n<img src=x>\r\n**c**' }]));
    expect(strayElements(html)).toEqual([]);
    expect(cells(html)[1]).toBe('[a](b)\n<img src=x>\n**c**');
  });

  it('for any mix of Markdown syntax (property)', () => {
    const pieces = [
      ...Array.from('abw hxtps.:/@[]()<>!*_`~|\\#&$;-+=^"\'{}0'),
      'http://',
      'https://',
      'www.',
      '](',
      '![',
      '&amp;',
      '&#60;',
      '<a href="x">',
      '</a>',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        expectLiteral(parts.join(''));
      }),
      { numRuns: 500 },
    );
  });
});
