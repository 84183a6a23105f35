import { describe, expect, it } from 'vitest';
import { apiOrigins, buildPolicy } from '../../../src/plugins/csp/policy';
import { parsePolicy as parse } from '../../support/policy';

describe('apiOrigins', () => {
  it('keeps only the origin of each base URL, once', () => {
    expect(
      apiOrigins([
        'https://api.github.com',
        'https://ghe.example.com/api/v3',
        'https://ghe.example.com/api/v3/',
        'http://127.0.0.1:45123',
      ]),
    ).toEqual(['https://api.github.com', 'https://ghe.example.com', 'http://127.0.0.1:45123']);
  });

  it.each([
    ['not a url'],
    ['javascript:alert(1)'],
    ['ftp://example.com'],
    ['data:,x'],
    ['http://[::1]:8080'],
  ])('refuses %s', (url) => {
    expect(() => apiOrigins([url])).toThrow(/CSP: the API base URL/);
  });
});

describe('buildPolicy', () => {
  const policy = buildPolicy({
    scriptHashes: ["'sha256-AAAA'", "'sha256-BBBB'"],
    connectOrigins: ['https://api.github.com', 'http://127.0.0.1:45123'],
  });
  const directives = parse(policy);

  it('has exactly the directives the site needs', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'sha256-AAAA'", "'sha256-BBBB'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'", 'https://api.github.com', 'http://127.0.0.1:45123'],
      'worker-src': ["'self'"],
      'frame-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
  });

  it('never allows inline script or eval on the page', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/\*|https?:(?!\/\/)/);
  });

  it('leaves out what a <meta> policy cannot carry', () => {
    expect(policy).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  });
});
