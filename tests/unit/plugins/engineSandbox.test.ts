import { describe, expect, it } from 'vitest';

import { findInlineScripts, scriptHash } from '../../../src/plugins/csp/inlineScripts';
import { buildSandboxFrame } from '../../../src/plugins/engineSandbox/build';
import { sandboxPolicy } from '../../../src/plugins/engineSandbox/policy';
import { parsePolicy as directives } from '../../support/policy';

describe('the engine sandbox frame', () => {
  it('has a policy with eval and without any network, host or blob: script', () => {
    const policy = directives(sandboxPolicy("'sha256-AAAA'"));
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'sha256-AAAA'", "'unsafe-eval'"],
      'worker-src': ['blob:'],
      'connect-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('is one HTML file whose only script is the boot script, allowed by its exact hash', async () => {
    const frame = await buildSandboxFrame(process.cwd());
    expect(frame.fileName).toMatch(/^sandbox\.[0-9a-f]{10}\.html$/);
    const scripts = findInlineScripts(frame.html);
    expect(scripts).toHaveLength(1);
    const [boot] = scripts;
    expect(boot?.executable).toBe(true);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(frame.html);
    expect(meta?.index).toBeLessThan(frame.html.indexOf('<script'));
    expect(directives(meta?.[1] ?? '').get('script-src')).toEqual([
      scriptHash(boot?.text ?? ''),
      "'unsafe-eval'",
    ]);
    // Nothing in the file asks for another resource; the engine comes inline, as a string.
    expect(frame.html).not.toMatch(/<script[^>]+src=|<link\b|<img\b|<iframe\b/i);
    expect(frame.html).toContain('alasql');
    // ASCII only, so no charset can change the bytes the hash is over.
    expect(Buffer.byteLength(frame.html, 'utf8')).toBe(frame.html.length);
  }, 60_000);
});
