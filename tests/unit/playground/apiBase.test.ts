import { describe, expect, it } from 'vitest';

import { checkApiBase, type ApiSettings } from '../../../src/components/Playground/settings/apiBase';

const SETTINGS: ApiSettings = {
  defaultUrl: 'https://api.github.com',
  allowed: ['https://api.github.com', 'https://ghe.example.com/api/v3'],
};
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

describe('checkApiBase', () => {
  it.each([
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['  https://api.github.com//  ', 'https://api.github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com/api/v3'],
    ['https://ghe.example.com/api/v3/', 'https://ghe.example.com/api/v3'],
    ['HTTPS://GHE.EXAMPLE.COM/api/v3', 'https://ghe.example.com/api/v3'],
    ['https://api.github.com:443', 'https://api.github.com'],
  ])('accepts %j as %s', (value, url) => {
    expect(checkApiBase(value, SETTINGS)).toEqual({ ok: true, url });
  });

  it.each([
    ['another host', 'https://evil.example'],
    ['a look-alike host', 'https://api.github.com.evil.example'],
    ['another path on an allowed host', 'https://ghe.example.com/api/v4'],
    ['another port', 'https://api.github.com:8443'],
    ['http: for an allowed host', 'http://api.github.com'],
    ['credentials', 'https://user:pass@api.github.com'],
    ['a query', 'https://api.github.com?x=1'],
    ['a fragment', 'https://api.github.com#x'],
  ])('refuses %s', (_, value) => {
    const result = checkApiBase(value, SETTINGS);
    expect(result.ok).toBe(false);
  });

  it('says which URLs the site allows when a valid URL is not one of them', () => {
    const result = checkApiBase('https://evil.example', SETTINGS);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('https://api.github.com, https://ghe.example.com/api/v3') as unknown,
    });
  });

  it.each([
    [''],
    ['   '],
    ['not a url'],
    ['api.github.com'],
    ['javascript:alert(1)'],
    ['https://'],
    ['://x'],
  ])('refuses garbage %j with a message', (value) => {
    const result = checkApiBase(value, SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('never echoes a pasted token in its message', () => {
    for (const value of [TOKEN, `https://${TOKEN}@api.github.com`, `https://api.github.com/?t=${TOKEN}`]) {
      const result = checkApiBase(value, SETTINGS);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toContain(TOKEN);
    }
  });

  it('matches allowed URLs written with a trailing slash or upper-case host', () => {
    const settings: ApiSettings = {
      defaultUrl: 'https://GHE.example.com/api/v3/',
      allowed: ['https://GHE.example.com/api/v3/'],
    };
    expect(checkApiBase('https://ghe.example.com/api/v3', settings)).toEqual({
      ok: true,
      url: 'https://ghe.example.com/api/v3',
    });
  });

  it('allows loopback http only when the site was built for it', () => {
    const local: ApiSettings = { defaultUrl: 'http://127.0.0.1:4010', allowed: ['http://127.0.0.1:4010'] };
    expect(checkApiBase('http://127.0.0.1:4010/', local)).toEqual({ ok: true, url: 'http://127.0.0.1:4010' });
    expect(checkApiBase('http://127.0.0.1:4010', SETTINGS).ok).toBe(false);
    expect(checkApiBase('http://127.0.0.1:4011', local).ok).toBe(false);
  });
});
