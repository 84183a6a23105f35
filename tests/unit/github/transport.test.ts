/**
 * The transport on `@octokit/request`: the headers, body, signal and redirect it hands to the fetch hook,
 * the `Authorization` header as `@octokit/auth-token` wrote it for `@octokit/rest`, 304s and HTTP errors.
 */
import { describe, expect, it } from 'vitest';
import { getResource } from '../../../src/resources/registry';
import { GitHubError } from '../../../src/github/errors';
import type { FailedCall } from '../../../src/github/errorMapping';
import { authorization, createTransport, DEFAULT_RETRY_POLICY } from '../../../src/github/transport';
import { BASE, instantClock, TOKEN } from './helpers';

interface Seen {
  readonly url: string;
  readonly init: RequestInit;
  readonly headers: Headers;
}

const resource = getResource('github.packages.org_versions');
const method = resource.methods.find((m) => m.name === 'get_package_version_for_organization');
if (!method) throw new Error('org_versions has no get method');
const CALL: FailedCall = { resource, method, params: {} };

function recording(respond: () => Response = () => Response.json({ ok: true })) {
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({ url, init, headers: new Headers(init.headers) });
    return Promise.resolve(respond());
  };
  return { seen, fetch };
}

function transport(fetch: typeof globalThis.fetch, token: string | null = TOKEN) {
  return createTransport({
    baseUrl: BASE,
    fetch,
    clock: instantClock(),
    policy: { ...DEFAULT_RETRY_POLICY, retryDelaysMs: [] },
    ...(token === null ? {} : { token }),
  });
}

describe('authorization', () => {
  it('sends a token as `token`, a JWT (a GitHub App) as `bearer`', () => {
    expect(authorization(TOKEN)).toBe(`token ${TOKEN}`);
    expect(authorization('github_pat_11AAA_bbb')).toBe('token github_pat_11AAA_bbb');
    expect(authorization('eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln')).toBe(
      'bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln',
    );
  });

  it('does not double a pasted prefix', () => {
    expect(authorization(`token ${TOKEN}`)).toBe(`token ${TOKEN}`);
    expect(authorization(`Bearer ${TOKEN}`)).toBe(`token ${TOKEN}`);
  });
});

describe('createTransport', () => {
  it('hands the fetch hook the exact URL, the headers, the JSON body and the signal', async () => {
    const { seen, fetch } = recording();
    const signal = new AbortController().signal;
    const res = await transport(fetch)({
      method: 'POST',
      url: `${BASE}/orgs/acme/packages/container/web%2Ffrontend/versions/7/restore`,
      call: CALL,
      body: { name: 'x' },
      signal,
    });
    expect(res).toMatchObject({ status: 200, data: { ok: true } });
    expect(seen).toHaveLength(1);
    const [sent] = seen;
    expect(sent?.url).toBe(`${BASE}/orgs/acme/packages/container/web%2Ffrontend/versions/7/restore`);
    expect(sent?.init.method).toBe('POST');
    expect(sent?.init.body).toBe('{"name":"x"}');
    expect(sent?.init.signal).toBe(signal);
    expect(sent?.headers.get('authorization')).toBe(`token ${TOKEN}`);
    expect(sent?.headers.get('accept')).toBe('application/vnd.github+json');
    expect(sent?.headers.get('x-github-api-version')).toBe('2022-11-28');
    expect(sent?.headers.get('content-type')).toBe('application/json');
  });

  it('sends no Authorization header without a token, and If-None-Match with an ETag', async () => {
    const { seen, fetch } = recording();
    await transport(fetch, null)({ method: 'GET', url: `${BASE}/user`, call: CALL, etag: 'W/"abc"' });
    expect(seen[0]?.headers.has('authorization')).toBe(false);
    expect(seen[0]?.headers.get('if-none-match')).toBe('W/"abc"');
    expect(seen[0]?.init.body).toBeUndefined();
  });

  it('passes `redirect: manual` on for a download', async () => {
    const { seen, fetch } = recording();
    await transport(fetch)({ method: 'GET', url: `${BASE}/x`, call: CALL, redirect: 'manual' });
    expect(seen[0]?.init.redirect).toBe('manual');
  });

  it('returns a 304 with its headers, as a usable response', async () => {
    const { fetch } = recording(() => new Response(null, { status: 304, headers: { etag: 'W/"abc"' } }));
    const res = await transport(fetch)({ method: 'GET', url: `${BASE}/user`, call: CALL, etag: 'W/"abc"' });
    expect(res.status).toBe(304);
    expect(res.headers.etag).toBe('W/"abc"');
  });

  it('maps an HTTP error to a GitHubError, with the token redacted', async () => {
    const { fetch } = recording(() =>
      Response.json({ message: `Bad credentials ${TOKEN}` }, { status: 401 }),
    );
    const error = await transport(fetch)({ method: 'GET', url: `${BASE}/user`, call: CALL }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubError);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((error as GitHubError).message).not.toContain(TOKEN);
  });

  it('refuses a URL Octokit would rewrite, before any request', async () => {
    const { seen, fetch } = recording();
    const error = await transport(fetch)({ method: 'GET', url: `${BASE}/repos/{owner}/x`, call: CALL }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'unsafe_link' });
    expect(seen).toHaveLength(0);
  });
});
