import { describe, expect, it } from 'vitest';

import { safeLink } from '../../../src/components/Playground/results/safeLink';

const API = 'https://api.github.com';
const GHES = 'https://ghe.example.com/api/v3';

describe('safeLink', () => {
  it.each([
    'https://github.com/orgs/acme/packages/container/package/web%2Ffrontend',
    'https://github.com',
    'https://api.github.com/orgs/acme/packages/container/web%2Ffrontend/versions/1',
    'https://docs.github.com/rest',
    'https://HTTPS.GITHUB.COM/x',
  ])('links %s', (url) => {
    expect(safeLink(url, API)).toBe(new URL(url).href);
  });

  it('links the configured API host (GitHub Enterprise Server), and only with that configuration', () => {
    const url = 'https://ghe.example.com/orgs/acme/packages';
    expect(safeLink(url, GHES)).toBe(url);
    expect(safeLink(url, API)).toBeUndefined();
  });

  it('returns the parsed href, not the raw text', () => {
    expect(safeLink('HTTPS://GitHub.com/a b', API)).toBe('https://github.com/a%20b');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript: with a leading space', ' JaVaScRiPt:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(document.cookie)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http: on github.com', 'http://github.com/acme'],
    ['a look-alike host', 'https://github.com.evil.example/acme'],
    ['a look-alike suffix', 'https://evilgithub.com/acme'],
    ['credentials before the host', 'https://github.com@evil.example/'],
    ['a user and password', 'https://user:pass@github.com/acme'],
    ['a leading space', ' https://github.com/acme'],
    ['a trailing space', 'https://github.com/acme '],
    ['a trailing newline', 'https://github.com/acme\n'],
    ['a relative URL', '/orgs/acme'],
    ['a protocol-relative URL', '//github.com/acme'],
    ['plain text', 'latest'],
    ['an empty string', ''],
    ['a ftp: URL', 'ftp://github.com/x'],
    ['a vbscript: URL', 'vbscript:msgbox(1)'],
    ['another https host', 'https://evil.example/github.com'],
    ['a blob: URL', 'blob:https://github.com/uuid'],
  ])('keeps %s as text', (_, value) => {
    expect(safeLink(value, API)).toBeUndefined();
  });

  it.each([[42], [null], [undefined], [{ href: 'https://github.com' }], [['https://github.com']]])(
    'keeps a non-string (%j) as text',
    (value) => {
      expect(safeLink(value, API)).toBeUndefined();
    },
  );

  it('allows no extra host when the API base URL is not a URL', () => {
    expect(safeLink('https://ghe.example.com/x', 'not a url')).toBeUndefined();
    expect(safeLink('https://github.com/x', 'not a url')).toBe('https://github.com/x');
  });
});
