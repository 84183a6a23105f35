import { describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { parseLink } from '../../../src/github/headers';
import { createGitHubClient } from '../../../src/github/client';
import { BASE, listCall, setup, TOKEN, versionCall } from './helpers';

const LIST = `${BASE}/orgs/acme/packages/container/web%2Ffrontend/versions?per_page=100`;

async function get(
  fake: ReturnType<typeof createFakeGitHub>,
  url: string,
  method = 'GET',
): Promise<Response> {
  return fake.handle(new Request(url, { method, headers: { authorization: `token ${TOKEN}` } }));
}

describe('fake GitHub API', () => {
  it('links next/last on page 1, all four in the middle, prev/first on the last page', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    const rels = async (page: number): Promise<string[]> =>
      Object.keys(parseLink((await get(fake, `${LIST}&page=${page}`)).headers.get('link') ?? '')).sort();
    expect(await rels(1)).toEqual(['last', 'next']);
    expect(await rels(2)).toEqual(['first', 'last', 'next', 'prev']);
    expect(await rels(3)).toEqual(['first', 'prev']);
    const links = parseLink((await get(fake, `${LIST}&page=2`)).headers.get('link') ?? '');
    expect(links.next).toBe(`${LIST}&page=3`);
  });

  it('answers 401 "Requires authentication" without a token and "Bad credentials" with a wrong one', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    const none = await fake.handle(new Request(LIST));
    expect([none.status, ((await none.json()) as { message: string }).message]).toEqual([
      401,
      'Requires authentication',
    ]);
    const wrong = await fake.handle(new Request(LIST, { headers: { authorization: 'Bearer nope' } }));
    expect([wrong.status, ((await wrong.json()) as { message: string }).message]).toEqual([
      401,
      'Bad credentials',
    ]);
  });

  it('a client without a token is told a token is needed', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    const client = createGitHubClient({ baseUrl: BASE, fetch: fake.fetch });
    await expect(client.run(listCall('npm', 'ui-kit'))).rejects.toThrow(/requires a token/);
  });

  it('sends scope headers and refuses a method the token lacks a scope for', async () => {
    const fake = createFakeGitHub({ token: TOKEN, scopes: ['read:packages'] });
    const ok = await get(fake, LIST);
    expect(ok.headers.get('x-oauth-scopes')).toBe('read:packages');
    expect(ok.headers.get('x-accepted-oauth-scopes')).toBe('read:packages');
    const del = await get(fake, `${BASE}/orgs/acme/packages/npm/ui-kit/versions/1`, 'DELETE');
    expect(del.status).toBe(403);
    expect(del.headers.get('x-accepted-oauth-scopes')).toBe('read:packages, delete:packages');
  });

  it('404s a name with an unencoded slash, as GitHub would see another path', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    expect((await get(fake, `${BASE}/orgs/acme/packages/container/web/frontend/versions`)).status).toBe(404);
  });

  it('runs out of rate limit like GitHub: 403 with remaining 0 and a reset', async () => {
    const { client, fake } = setup({ rateLimit: 2 });
    await client.run(listCall('npm', 'ui-kit'));
    await client.run(listCall('npm', 'config'));
    const error: unknown = await client.run(listCall('npm', 'acme-auth')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 403 });
    expect(fake.requests.at(-1)?.status).toBe(403);
  });

  it('does not record preflights, and restore of an active version is a 404', async () => {
    const { client, fake } = setup();
    await fake.handle(new Request(LIST, { method: 'OPTIONS' }));
    expect(fake.requests).toHaveLength(0);
    const id = fake.dataset.packages[2]?.versions.find((v) => !v.deleted_at)?.id ?? 0;
    await expect(client.run(versionCall('restore', 'npm', 'ui-kit', id))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('serves hostile rows when asked, switchable at runtime', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    const names = async (): Promise<string[]> =>
      ((await (await get(fake, LIST)).json()) as { name: string }[]).map((r) => r.name);
    expect(await names()).not.toContain('<img src=x onerror=alert(1)>');
    fake.configure({ hostile: true });
    expect(await names()).toContain('<img src=x onerror=alert(1)>');
  });
});
