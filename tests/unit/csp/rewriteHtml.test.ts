import { describe, expect, it } from 'vitest';
import { policyForPage } from '../../../src/plugins/csp';
import { scriptHash } from '../../../src/plugins/csp/inlineScripts';
import { addSecurityMeta, securityMetaTags } from '../../../src/plugins/csp/rewriteHtml';

const PAGE =
  '<!doctype html><html lang="en"><head>\n<meta charset="UTF-8"><script>theme()</script>' +
  '<script src="/main.js" defer></script></head><body><div id="__docusaurus"></div></body></html>';

describe('addSecurityMeta', () => {
  it('puts the policy and the referrer meta first in <head>', () => {
    const out = addSecurityMeta(PAGE, "default-src 'self'");
    expect(out).toBe(PAGE.replace('<head>', `<head>${securityMetaTags("default-src 'self'")}`));
    expect(out).toMatch(
      /<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><meta name="referrer" content="no-referrer">\n<meta charset/,
    );
  });

  it('keeps <head> attributes and finds it in any case', () => {
    expect(addSecurityMeta('<HEAD data-x="1"></HEAD>', 'p')).toMatch(/^<HEAD data-x="1"><meta http-equiv/);
  });

  it('does not take <header> for <head>', () => {
    expect(() => addSecurityMeta('<body><header></header></body>', 'p')).toThrow(/no <head>/);
  });

  it('replaces the tags of an earlier run instead of adding a second pair', () => {
    const once = addSecurityMeta(PAGE, 'first');
    const twice = addSecurityMeta(once, 'second');
    expect(twice).toBe(addSecurityMeta(PAGE, 'second'));
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice.match(/name="referrer"/g)).toHaveLength(1);
  });

  it('escapes the policy for the attribute', () => {
    expect(securityMetaTags('a"b&c<d')).toContain('content="a&quot;b&amp;c&lt;d"');
  });
});

describe('policyForPage', () => {
  it("allows the page's own inline script by hash and the given API origins", () => {
    const policy = policyForPage(PAGE, ['https://api.github.com']);
    expect(policy).toContain(`script-src 'self' ${scriptHash('theme()')};`);
    expect(policy).toContain("connect-src 'self' https://api.github.com;");
  });
});
