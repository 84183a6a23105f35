import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findInlineScripts, inlineScriptHashes, scriptHash } from '../../../src/plugins/csp/inlineScripts';

const sha = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('scriptHash', () => {
  it('is the CSP sha256 source of the exact UTF-8 text', () => {
    // The value from the CSP 3 spec's own example, so this pins the format, not our own helper.
    expect(scriptHash("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
    expect(scriptHash('é')).toBe(sha('é'));
  });
});

describe('findInlineScripts', () => {
  it('finds inline scripts in order and skips those with src', () => {
    const html =
      '<head><script src="/a.js" defer></script><script>one()</script>' +
      '<SCRIPT data-src="x">two()</SCRIPT ></head><body><script>three()</script></body>';
    expect(findInlineScripts(html).map((s) => s.text)).toEqual(['one()', 'two()', 'three()']);
  });

  it('marks data blocks as not executable and JavaScript types, modules and import maps as executable', () => {
    const html = [
      '<script type="application/ld+json">{"a":1}</script>',
      "<script type='text/javascript'>a()</script>",
      '<script type=module>b()</script>',
      '<script type="importmap">{}</script>',
      '<script type="">c()</script>',
      '<script data-type="x">d()</script>',
    ].join('');
    expect(findInlineScripts(html).map((s) => s.executable)).toEqual([false, true, true, true, true, true]);
  });

  it('ends a script at the first </script, as the HTML tokenizer does', () => {
    const html = '<script>var s = "<script>x"; </script><script>y()</script>';
    expect(findInlineScripts(html).map((s) => s.text)).toEqual(['var s = "<script>x"; ', 'y()']);
  });

  it('normalizes CRLF and CR to LF, as the browser does before hashing', () => {
    expect(findInlineScripts('<script>a()\r\nb()\rc()</script>')[0]?.text).toBe('a()\nb()\nc()');
  });
});

describe('inlineScriptHashes', () => {
  it('hashes each executable inline script once', () => {
    const html =
      '<script>a()</script><script>a()</script><script type="application/ld+json">{}</script>' +
      '<script src="/x.js"></script><script>b()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('gives no hashes to a page without inline scripts', () => {
    expect(inlineScriptHashes('<html><head></head><body></body></html>')).toEqual([]);
  });
});
