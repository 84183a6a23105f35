import { describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { checkToken } from '../../../src/github/tokenCheck';
import { grantedScopes, missingScopes, splitScopes } from '../../../src/github/scopes';
import { BASE, listCall, setup, TOKEN } from './helpers';

const fakeWith = (options: Parameters<typeof createFakeGitHub>[0] = {}) =>
  createFakeGitHub({ token: TOKEN, scopes: ['repo', 'read:org'], rateLimit: 5000, ...options });

describe('checkToken (GET /rate_limit)', () => {
  it('says a good token works, with its classic scopes and the core budget, at no rate-limit cost', async () => {
    const fake = fakeWith({ rateLimit: 4321 });
    const first = await checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    const second = await checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    expect(first).toEqual(second);
    expect(first).toMatchObject({
      ok: true,
      scopes: ['repo', 'read:org'],
      rate: { limit: 4321, remaining: 4321 },
    });
    expect(fake.requests.map((r) => [r.method, new URL(r.url).pathname, r.authorization])).toEqual([
      ['GET', '/rate_limit', `token ${TOKEN}`],
      ['GET', '/rate_limit', `token ${TOKEN}`],
    ]);
  });

  it('still answers when the budget is used up, and reports 0 left', async () => {
    const fake = fakeWith({ rateLimit: 0 });
    const check = await checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    expect(check).toMatchObject({ ok: true, rate: { remaining: 0 } });
  });

  it('says GitHub rejected a bad token (401), quoting GitHub', async () => {
    const check = await checkToken({ baseUrl: BASE, token: 'ghp_wrong', fetch: fakeWith().fetch });
    expect(check).toMatchObject({ ok: false, code: 'bad_token', status: 401 });
    expect(!check.ok && check.message).toMatch(
      /api\.test rejected this token \("Bad credentials"\).*expired or revoked/,
    );
    expect(!check.ok && check.message).not.toContain('ghp_wrong');
  });

  it('says the API could not be reached on a network failure', async () => {
    const fake = fakeWith({ faults: [{ path: '/rate_limit', action: { type: 'network' } }] });
    const check = await checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    expect(check).toMatchObject({ ok: false, code: 'network' });
    expect(!check.ok && check.message).toMatch(/Could not reach api\.test to check the token/);
  });

  it('explains a 403 and any other status', async () => {
    const forbidden = fakeWith({
      faults: [{ path: '/rate_limit', action: { type: 'status', status: 403 } }],
    });
    expect(await checkToken({ baseUrl: BASE, token: TOKEN, fetch: forbidden.fetch })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const broken = fakeWith({ faults: [{ path: '/rate_limit', action: { type: 'status', status: 502 } }] });
    const check = await checkToken({ baseUrl: BASE, token: TOKEN, fetch: broken.fetch });
    expect(check).toMatchObject({ ok: false, code: 'http_error', status: 502 });
    expect(!check.ok && check.message).toMatch(/answered 502 to the token check/);
  });

  it('reads a token without X-OAuth-Scopes as not classic, and a GHES 404 with scopes as accepted', async () => {
    const noScopes: typeof fetch = () =>
      Promise.resolve(
        new Response(
          JSON.stringify({ resources: { core: { limit: 5000, remaining: 4999, reset: 1, used: 1 } } }),
          {
            status: 200,
          },
        ),
      );
    expect(await checkToken({ baseUrl: BASE, token: TOKEN, fetch: noScopes })).toEqual({
      ok: true,
      scopes: undefined,
      rate: { limit: 5000, remaining: 4999, used: 1, resetAt: 1000 },
    });
    const ghes: typeof fetch = () =>
      Promise.resolve(
        new Response('{"message":"Not Found"}', { status: 404, headers: { 'x-oauth-scopes': 'repo' } }),
      );
    expect(await checkToken({ baseUrl: `${BASE}/api/v3`, token: TOKEN, fetch: ghes })).toEqual({
      ok: true,
      scopes: ['repo'],
      rate: undefined,
    });
  });

  it('throws only when cancelled, so a newer check wins', async () => {
    const abort = new AbortController();
    const fake = fakeWith({ delayMs: 1000 });
    const pending = checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch, signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toThrow();
  });

  it('leaves the data requests and their faults as they were: the check is not counted by `nth`', async () => {
    const { fake, client } = setup({ faults: [{ nth: 1, action: { type: 'status', status: 404 } }] });
    expect(await checkToken({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch })).toMatchObject({ ok: true });
    await expect(client.run(listCall('container', 'web/frontend'))).rejects.toMatchObject({ status: 404 });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('classic scopes', () => {
  it('splits the header and grants the narrower scopes of a broader one', () => {
    expect(splitScopes(' repo, read:org ,, ')).toEqual(['repo', 'read:org']);
    expect(splitScopes(null)).toEqual([]);
    expect([...grantedScopes(['admin:org'])].sort()).toEqual([
      'admin:org',
      'manage_runners:org',
      'read:org',
      'write:org',
    ]);
    expect(missingScopes(['public_repo', 'read:packages'], ['repo', 'write:packages'])).toEqual([]);
    expect(missingScopes(['read:packages', 'delete:packages', 'read:packages'], ['read:packages'])).toEqual([
      'delete:packages',
    ]);
    expect(missingScopes(['repo'], ['public_repo'])).toEqual(['repo']);
  });
});
