import { beforeAll, describe, expect, it } from 'vitest';

import { createGitHubClient } from '../../../src/github/client';
import { toCurl } from '../../../src/github/curl';
import { GitHubError } from '../../../src/github/errors';
import type { RequestLogEntry } from '../../../src/github/types';
import type { ApiCall } from '../../../src/resources/calls';
import { registerTestkit } from '../sql/testkit';
import { BASE, instantClock, TOKEN } from './helpers';

beforeAll(() => {
  registerTestkit();
});

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  readonly headers: Headers;
  readonly redirect?: RequestRedirect;
}

type Answer = (sent: Sent) => Response;

const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) =>
  new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });

/** A client whose fetch answers with `answer` and records what was sent. */
function clientWith(answer: Answer, withToken = true) {
  const sent: Sent[] = [];
  const log: RequestLogEntry[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const s: Sent = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      ...(init?.redirect ? { redirect: init.redirect } : {}),
    };
    sent.push(s);
    return Promise.resolve(answer(s));
  };
  const client = createGitHubClient({
    baseUrl: BASE,
    ...(withToken ? { token: TOKEN } : {}),
    fetch,
    clock: instantClock(),
    onRequest: (e) => log.push(e),
  });
  return { client, sent, log };
}

const call = (resource: string, method: string, params: ApiCall['params']): ApiCall => ({
  resource: `github.testkit.${resource}`,
  method,
  params,
});

const run = (n: number) => ({ id: n, name: `run ${String(n)}`, status: 'completed' });

describe('lists the catalogue says GitHub wraps in an object (rowsKey)', () => {
  it('unwraps workflow_runs from every page, following Link, at per_page=100', async () => {
    const { client, sent } = clientWith((s) => {
      const page = Number(new URL(s.url).searchParams.get('page') ?? '1');
      const next = `<${BASE}/repos/acme/web/actions/runs?per_page=100&page=2>; rel="next", <${BASE}/repos/acme/web/actions/runs?per_page=100&page=2>; rel="last"`;
      return page === 1
        ? json({ total_count: 3, workflow_runs: [run(1), run(2)] }, { headers: { link: next } })
        : json({ total_count: 3, workflow_runs: [run(3)] });
    });
    const result = await client.run(
      call('workflow_runs', 'list_workflow_runs_for_repo', { owner: 'acme', repo: 'web' }),
    );
    expect(result.status).toBe('complete');
    expect(result.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(sent.map((s) => s.url)).toEqual([
      `${BASE}/repos/acme/web/actions/runs?per_page=100`,
      `${BASE}/repos/acme/web/actions/runs?per_page=100&page=2`,
    ]);
  });

  it('refuses a body without the rows under the key, naming it', async () => {
    const { client } = clientWith(() => json({ total_count: 1, runs: [run(1)] }));
    const error = await client
      .run(call('workflow_runs', 'list_workflow_runs_for_repo', { owner: 'acme', repo: 'web' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).code).toBe('malformed_response');
    expect((error as GitHubError).message).toContain('with its rows in an array under "workflow_runs"');
  });
});

describe('per_page and pagination come from the method', () => {
  it('asks no per_page of a paginated list that does not take it, and still follows Link', async () => {
    const { client, sent } = clientWith((s) =>
      s.url.includes('page=2')
        ? json([{ login: 'b', id: 2 }])
        : json([{ login: 'a', id: 1 }], {
            headers: { link: `<${BASE}/repos/acme/web/stargazers?page=2>; rel="next"` },
          }),
    );
    const result = await client.run(call('stargazers', 'list_stargazers', { owner: 'acme', repo: 'web' }));
    expect(result.rows.map((r) => r.login)).toEqual(['a', 'b']);
    expect(sent.map((s) => s.url)).toEqual([
      `${BASE}/repos/acme/web/stargazers`,
      `${BASE}/repos/acme/web/stargazers?page=2`,
    ]);
  });

  it('keeps a per_page the statement gave, and fetches one page for a given page', async () => {
    const { client, sent } = clientWith(() =>
      json([{ id: 1 }], { headers: { link: `<${BASE}/orgs/acme/repos?page=3>; rel="next"` } }),
    );
    await client.run(call('repos', 'list_for_org', { org: 'acme', per_page: 5, page: 2 }));
    expect(sent.map((s) => s.url)).toEqual([`${BASE}/orgs/acme/repos?per_page=5&page=2`]);
  });

  it('a single-object endpoint is one row, and never paginates', async () => {
    const { client, sent } = clientWith(() =>
      json({ id: 7, name: 'web' }, { headers: { link: `<${BASE}/repos/acme/web?page=2>; rel="next"` } }),
    );
    const result = await client.run(call('repos', 'get', { owner: 'acme', repo: 'web' }));
    expect(result.rows).toEqual([{ id: 7, name: 'web' }]);
    expect(sent).toHaveLength(1);
  });
});

describe('answers that are not rows', () => {
  it('a 204 on a SELECT is no rows, with a note that says so', async () => {
    const { client } = clientWith(() => new Response(null, { status: 204 }));
    const result = await client.run(
      call('starring', 'list_stargazers_empty', { owner: 'acme', repo: 'web' }),
    );
    expect(result).toMatchObject({ status: 'complete', rows: [] });
    expect(result.status === 'complete' && result.note).toBe(
      'GitHub answered 204 with no content: there are no rows.',
    );
  });

  it('a download is not followed: no rows, and a note with where the file is', async () => {
    const { client, sent } = clientWith(
      () =>
        new Response(null, {
          status: 302,
          headers: { location: 'https://files.example.com/logs.zip?sig=1' },
        }),
    );
    const result = await client.run(
      call('workflow_run_logs', 'download_workflow_run_logs', { owner: 'acme', repo: 'web', run_id: 9 }),
    );
    expect(sent[0]?.redirect).toBe('manual');
    expect(result.rows).toEqual([]);
    expect(result.status === 'complete' && result.note).toContain(
      'the file is at https://files.example.com/logs.zip?sig=1',
    );
  });
});

describe('writes with a JSON body', () => {
  it('sends body params as JSON (application/json), logs the body, and gives what GitHub answered', async () => {
    const { client, sent, log } = clientWith((s) =>
      json({ id: 1, name: 'x' }, { status: s.method === 'POST' ? 201 : 200 }),
    );
    const result = await client.run({
      resource: 'github.testkit.repos',
      method: 'update',
      params: { owner: 'acme', repo: 'web', data__private: 'true', data__description: 'd' },
    });
    expect(sent[0]).toMatchObject({ method: 'PATCH', url: `${BASE}/repos/acme/web` });
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ private: true, description: 'd' });
    expect(result.rows).toEqual([{ id: 1, name: 'x' }]);
    expect(log[0]).toMatchObject({
      method: 'PATCH',
      status: 200,
      body: '{"private":true,"description":"d"}',
    });
    expect(toCurl(log[0] ?? { method: 'GET', url: '' })).toBe(
      `curl -X PATCH -H "Accept: application/vnd.github+json" -H "Authorization: Bearer $GITHUB_TOKEN" -H "X-GitHub-Api-Version: 2022-11-28" -H "Content-Type: application/json" --data '{"private":true,"description":"d"}' '${BASE}/repos/acme/web'`,
    );
  });

  it('a POST EXEC with an optional body param; a PUT with an array; no body when none is given', async () => {
    const { client, sent } = clientWith((s) =>
      s.method === 'PUT' ? json({ names: ['a'] }) : new Response(null, { status: 201 }),
    );
    await client.run(
      call('workflow_runs', 're_run_workflow', {
        owner: 'a',
        repo: 'b',
        run_id: 4,
        data__enable_debug_logging: 'true',
      }),
    );
    await client.run(call('workflow_runs', 're_run_workflow', { owner: 'a', repo: 'b', run_id: 5 }));
    await client.run(call('repos', 'replace_all_topics', { owner: 'a', repo: 'b', data__topics: '["a"]' }));
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', `${BASE}/repos/a/b/actions/runs/4/rerun`, '{"enable_debug_logging":true}'],
      ['POST', `${BASE}/repos/a/b/actions/runs/5/rerun`, undefined],
      ['PUT', `${BASE}/repos/a/b/topics`, '{"topics":["a"]}'],
    ]);
    expect(sent[1]?.headers.get('content-type')).toBeNull();
  });

  it('curl without a body is as before', () => {
    expect(toCurl({ method: 'DELETE', url: `${BASE}/x` })).not.toContain('--data');
  });
});

describe('errors of any resource', () => {
  it('a 403 names the missing scope from the method, with no Packages note', async () => {
    const { client } = clientWith(() =>
      json(
        { message: 'Forbidden' },
        { status: 403, headers: { 'x-accepted-oauth-scopes': 'repo', 'x-oauth-scopes': 'gist' } },
      ),
    );
    const error = (await client
      .run(call('repos', 'get', { owner: 'a', repo: 'b' }))
      .catch((e: unknown) => e)) as GitHubError;
    expect(error).toMatchObject({ code: 'missing_scope', missingScopes: ['repo'] });
    expect(error.message).toContain('lacks the repo scope');
    expect(error.message).not.toContain('GitHub Packages');
  });

  it('a 404 says what was asked for, from the catalogue', async () => {
    const { client } = clientWith(() => json({ message: 'Not Found' }, { status: 404 }));
    const error = (await client
      .run(call('workflow_runs', 'get_workflow_run', { owner: 'a', repo: 'b', run_id: 3 }))
      .catch((e: unknown) => e)) as GitHubError;
    expect(error.message).toContain(
      'Not found (404): the workflow run at /repos/a/b/actions/runs/3 does not exist',
    );
  });

  it('a 401 without a token, for a method GitHub documents no scope for', async () => {
    const { client } = clientWith(() => json({ message: 'Requires authentication' }, { status: 401 }), false);
    const error = (await client
      .run(call('stargazers', 'list_stargazers', { owner: 'a', repo: 'b' }))
      .catch((e: unknown) => e)) as GitHubError;
    expect(error.message).toBe(
      'GitHub requires a token for this (401). Paste a personal access token that may do this, or use the sample data.',
    );
  });
});
