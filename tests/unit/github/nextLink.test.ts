/**
 * `Link: rel="next"` targets: followed only inside the API base URL, as the exact normalized URL, and
 * the token never goes anywhere else. The fetch below resolves URLs the way a browser does (against the
 * page), so a link that only looks like the API host shows up as a request to the site's own origin.
 */
import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { checkNextLink } from '../../../src/github/nextLink';
import type { RunResult } from '../../../src/github/types';
import { instantClock, listCall, TOKEN } from './helpers';

const LIST_PATH = '/orgs/acme/packages/container/web%2Ffrontend/versions';
const QUERY_2 = '?per_page=100&page=2';

interface Sent {
  readonly url: string;
  readonly authorization?: string;
}

/**
 * A client whose fetch behaves like a browser's on `page`: relative URLs resolve against the page, URLs
 * with credentials are refused, the API origin answers from the fake (under `prefix`, as GHES serves
 * `/api/v3`), and any other origin (the site itself, an attacker) answers `[]` and is recorded.
 */
function browserSetup(base: string, page: string, link: string) {
  const clock = instantClock();
  const fake = createFakeGitHub({
    token: TOKEN,
    now: () => clock.now(),
    faults: [{ page: 1, action: { type: 'foreign-link', link } }],
  });
  const api = new URL(base);
  const prefix = api.pathname.replace(/\/$/, '');
  const sent: Sent[] = [];
  const browserFetch: typeof fetch = (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, page);
    sent.push({ url: url.href, authorization: new Headers(init?.headers).get('authorization') ?? undefined });
    if (url.username || url.password) {
      return Promise.reject(
        new TypeError('Request cannot be constructed from a URL that includes credentials'),
      );
    }
    if (url.origin !== api.origin || !url.pathname.startsWith(`${prefix}/`)) {
      return Promise.resolve(
        new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }
    const local = new URL(url.href);
    local.pathname = url.pathname.slice(prefix.length);
    return fake.handle(new Request(local, init)).then((res) => {
      // The fake serves at its origin's root; GHES links carry the `/api/v3` prefix. Page 1's Link is
      // the test's own, left as it is.
      const link = local.searchParams.has('page') ? res.headers.get('link') : null;
      if (link) res.headers.set('link', link.replaceAll(`<${api.origin}/`, `<${api.origin}${prefix}/`));
      return res;
    });
  };
  const client = createGitHubClient({ baseUrl: base, token: TOKEN, fetch: browserFetch, clock });
  return { client, sent, fake };
}

/** Every request that carried the token went to the API origin, under the base path, without credentials. */
function expectTokenOnlyToApi(sent: readonly Sent[], base: string): void {
  const api = new URL(base);
  const prefix = api.pathname.replace(/\/$/, '');
  for (const s of sent) {
    const url = new URL(s.url);
    expect(url.origin, s.url).toBe(api.origin);
    expect(url.pathname.startsWith(`${prefix}/`), s.url).toBe(true);
    expect(url.username + url.password, s.url).toBe('');
    expect(s.url).not.toContain(TOKEN);
  }
  expect(sent.every((s) => s.authorization === `token ${TOKEN}`)).toBe(true);
}

function errorOf(result: RunResult): GitHubError | undefined {
  return result.status === 'partial' ? result.error : undefined;
}

const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const next = (target: string): string => `<${target}>; rel="next", <${target}>; rel="last"`;

describe('a next link that does not lead inside the API base URL is refused', () => {
  const HTTPS = 'https://api.test';
  const LOOPBACK = 'http://127.0.0.1:45123';
  const GHES = 'https://ghes.test/api/v3';
  const cases: [string, string, string][] = [
    // [base, page the playground runs on, raw Link target]
    [LOOPBACK, 'http://127.0.0.1:3000/playground', `http:x@127.0.0.1:45123${LIST_PATH}${QUERY_2}`],
    [LOOPBACK, 'http://127.0.0.1:3000/playground', `http:127.0.0.1:45123${LIST_PATH}${QUERY_2}`],
    [LOOPBACK, 'http://127.0.0.1:3000/playground', `${LIST_PATH}${QUERY_2}`],
    [LOOPBACK, 'http://127.0.0.1:3000/playground', `http://127.0.0.1:3000${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `http:x@api.test${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https:/\\evil.example${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https:\\\\evil.example${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `//evil.example${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://user:pass@api.test${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://user@api.test${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://api.test@evil.example${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://api.test:8443${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `http://api.test${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `HTTPS://API.TEST.evil.com${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://api.test%2Eevil.com${LIST_PATH}${QUERY_2}`],
    // A Cyrillic "а" as UTF-8 bytes, which is how a browser reads a header: one Latin-1 char per byte.
    [HTTPS, 'https://docs.test/playground', latin1(`https://аpi.test${LIST_PATH}${QUERY_2}`)],
    [HTTPS, 'https://docs.test/playground', `https://xn--pi-7kc.test${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://api.test\t${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', ` https://evil.example${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', `https://api.test\\${LIST_PATH}${QUERY_2}`],
    [HTTPS, 'https://docs.test/playground', QUERY_2],
    [HTTPS, 'https://docs.test/playground', ''],
    [HTTPS, 'https://docs.test/playground', 'javascript:alert(1)'],
    [HTTPS, 'https://docs.test/playground', 'data:application/json;base64'],
    [HTTPS, 'https://docs.test/playground', 'file:///etc/hosts'],
    [HTTPS, 'https://docs.test/playground', 'blob:https://api.test/0b5c3c0e'],
    [HTTPS, 'https://docs.test/playground', `https://api.test${LIST_PATH}${QUERY_2}&x=:evil`],
    [HTTPS, 'https://docs.test/playground', `https://api.test${LIST_PATH}${QUERY_2}&x={+evil}`],
    [GHES, 'https://docs.test/playground', `https://ghes.test${LIST_PATH}${QUERY_2}`],
    [GHES, 'https://docs.test/playground', `https://ghes.test/api/v3/../..${LIST_PATH}${QUERY_2}`],
    [GHES, 'https://docs.test/playground', `https://ghes.test/api/v3/%2e%2e${LIST_PATH}${QUERY_2}`],
    [GHES, 'https://docs.test/playground', `https://ghes.test/api/v30${LIST_PATH}${QUERY_2}`],
    [GHES, 'https://docs.test/playground', `https://ghes.test/api/v3x${LIST_PATH}${QUERY_2}`],
    [GHES, 'https://docs.test/playground', `/api/v3${LIST_PATH}${QUERY_2}`],
  ];

  it.each(cases)('base %s, page %s: %j', async (base, page, target) => {
    const { client, sent } = browserSetup(base, page, next(target));
    const result = await client.run(listCall('container', 'web/frontend'));
    expect(result.status).toBe('partial');
    expect(result.rows).toHaveLength(100);
    const error = errorOf(result);
    expect(error).toBeInstanceOf(GitHubError);
    expect(['cross_origin_link', 'unsafe_link']).toContain(error?.code);
    // "Not sent" when only the transport's last check catches it (Octokit would rewrite the URL).
    expect(error?.message).toMatch(/^(Stopped: the next-page link|Not sent: )/);
    expect(error?.message).toMatch(/token/);
    expect(`${error?.message ?? ''} ${JSON.stringify(error)}`).not.toMatch(/user:pass|user@|TESTTOKEN/);
    expect(sent).toHaveLength(1);
    expectTokenOnlyToApi(sent, base);
  });
});

describe('a next link inside the API base URL is followed as its normalized URL', () => {
  it.each([
    ['https://api.test', `HTTPS://API.TEST${LIST_PATH}${QUERY_2}`, `https://api.test${LIST_PATH}${QUERY_2}`],
    [
      'https://api.test',
      `https://api.test:443${LIST_PATH}${QUERY_2}`,
      `https://api.test${LIST_PATH}${QUERY_2}`,
    ],
    [
      'https://api.test',
      `https://api%2Etest${LIST_PATH}${QUERY_2}`,
      `https://api.test${LIST_PATH}${QUERY_2}`,
    ],
    [
      'https://ghes.test/api/v3',
      `https://ghes.test/api/v3${LIST_PATH}${QUERY_2}`,
      `https://ghes.test/api/v3${LIST_PATH}${QUERY_2}`,
    ],
  ])('base %s, link %s → %s', async (base, target, expected) => {
    const { client, sent } = browserSetup(base, 'https://docs.test/playground', next(target));
    const result = await client.run(listCall('container', 'web/frontend'));
    expect(sent[1]?.url).toBe(expected);
    expect(result.status).toBe('complete');
    expect(result.rows.length).toBeGreaterThan(200);
    expectTokenOnlyToApi(sent, base);
  });
});

describe('checkNextLink', () => {
  const base = 'https://api.test';
  const good = `https://api.test${LIST_PATH}${QUERY_2}`;

  it('gives the normalized href of a link on the API base', () => {
    expect(checkNextLink(good, base)).toEqual({ ok: true, href: good });
    expect(checkNextLink(good.replace('https://api.test', 'HTTPS://api.TEST:443'), base)).toEqual({
      ok: true,
      href: good,
    });
  });

  it.each([
    ['a newline in the host', good.replace('api.test', 'api.te\nst')],
    ['a carriage return', good.replace('/orgs', '/\r/orgs')],
    ['a tab in the scheme', good.replace('https', 'ht\ttps')],
    ['a NUL', `${good}\u0000`],
    ['a trailing space', `${good} `],
    ['a backslash in the path', good.replace('/orgs/', '/orgs\\')],
    ['fullwidth letters', good.replace('api.test', 'ａｐｉ.test')],
    ['a Cyrillic look-alike', good.replace('api.test', 'аpi.test')],
    ['a non-ASCII path', good.replace('acme', 'acmé')],
    ['a relative path', `${LIST_PATH}${QUERY_2}`],
    ['a scheme-relative URL', `//api.test${LIST_PATH}${QUERY_2}`],
    ['a user name', good.replace('https://', 'https://a@')],
    ['an empty user name and password', good.replace('https://', 'https://:@')],
    ['another port', good.replace('api.test', 'api.test:444')],
    ['another scheme', good.replace('https', 'http')],
    ['not a URL at all', 'https://'],
    ['a blob: URL whose inner origin is the API', `blob:https://api.test${LIST_PATH}`],
    ['a data: URL', 'data:application/json;base64'],
  ])('refuses %s', (_, raw) => {
    const checked = checkNextLink(raw, base);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error).toBeInstanceOf(GitHubError);
      expect(['cross_origin_link', 'unsafe_link']).toContain(checked.error.code);
    }
  });

  it('says which origin a cross-origin link pointed to', () => {
    const checked = checkNextLink(`https://evil.example${LIST_PATH}`, base);
    expect(checked).toMatchObject({
      ok: false,
      error: { code: 'cross_origin_link', url: 'https://evil.example' },
    });
  });
});

describe('the transport sends the token only to exact URLs under the API base URL', () => {
  it.each([
    ['..', 'a ".." path segment'],
    ['.', 'a "." path segment'],
  ])('refuses a call whose package name is %j (%s) instead of sending it elsewhere', async (name) => {
    const { client, sent } = browserSetup('https://ghes.test/api/v3', 'https://docs.test/', '');
    const error = await client.run(listCall('npm', name)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsafe_link' });
    expect((error as Error).message).toMatch(/^Not sent: /);
    expect(sent).toEqual([]);
  });
});

describe('a next link that carries the token', () => {
  it('is not followed, and the token shows in no URL, log entry or error', async () => {
    const echo = `https://api.test${LIST_PATH}${QUERY_2}&access_token=${TOKEN}`;
    const { client, sent } = browserSetup('https://api.test', 'https://docs.test/', next(echo));
    const result = await client.run(listCall('container', 'web/frontend'));
    expect(result.status).toBe('partial');
    expect(errorOf(result)?.code).toBe('unsafe_link');
    expect(JSON.stringify(errorOf(result)) + (errorOf(result)?.message ?? '')).not.toContain(TOKEN);
    expect(sent).toHaveLength(1);
    expectTokenOnlyToApi(sent, 'https://api.test');
  });

  it('is never repeated in the error about it', async () => {
    const echo = `https://api.test${LIST_PATH}?per_page=100&page=1&t=${TOKEN}`;
    const { client } = browserSetup('https://api.test', 'https://docs.test/', next(echo));
    const result = await client.run(listCall('container', 'web/frontend'));
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});
