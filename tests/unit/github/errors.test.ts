import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client';
import { mapHttpFailure } from '../../../src/github/errorMapping';
import { GitHubError } from '../../../src/github/errors';
import { getResource } from '../../../src/resources/registry';
import { listCall, setup, versionCall } from './helpers';

const call = listCall('container', 'web/frontend');

async function failure(run: Promise<unknown>): Promise<GitHubError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GitHubError)) throw new Error(`expected a GitHubError, got ${String(error)}`);
  return error;
}

describe('errors a person can act on', () => {
  it('401: invalid or expired token', async () => {
    const { client } = setup({ token: 'the-right-one' });
    const error = await failure(client.run(call));
    expect(error).toMatchObject({ code: 'bad_credentials', status: 401, githubMessage: 'Bad credentials' });
    expect(error.message).toMatch(
      /invalid, expired or revoked.*classic personal access token with read:packages/,
    );
  });

  it('403 with scope headers names the missing scope', async () => {
    const { client, fake } = setup({ scopes: ['read:packages'] });
    const id = fake.dataset.packages[2]?.versions[0]?.id ?? 0;
    const error = await failure(client.run(versionCall('delete', 'npm', 'ui-kit', id)));
    expect(error).toMatchObject({ code: 'missing_scope', status: 403, missingScopes: ['delete:packages'] });
    expect(error.message).toMatch(
      /lacks the delete:packages scope \(it has: read:packages\).*classic personal access tokens only/,
    );
  });

  it('403 from a token that is not a classic PAT (no X-OAuth-Scopes) says so', () => {
    const resource = getResource(call.resource);
    const method = resource.methods[0];
    if (!method) throw new Error('no method');
    const error = mapHttpFailure(
      {
        status: 403,
        headers: { 'x-accepted-oauth-scopes': 'read:packages' },
        body: {},
        url: 'https://x',
        now: 0,
      },
      { resource, method, params: call.params },
    );
    expect(error.code).toBe('missing_scope');
    expect(error.message).toMatch(/not a classic personal access token/);
  });

  it('403 with X-GitHub-SSO: authorize the token for the org, with the URL', async () => {
    const url = 'https://github.com/orgs/acme/sso?authorization_request=XYZ';
    const { client } = setup({ faults: [{ nth: 1, action: { type: 'sso', url } }] });
    const error = await failure(client.run(call));
    expect(error).toMatchObject({ code: 'sso_required', status: 403, ssoUrl: url });
    expect(error.message).toContain(`authorize this token for it at ${url}`);
  });

  it('an SSO URL that is not https is not offered as a link', async () => {
    const { client } = setup({ faults: [{ nth: 1, action: { type: 'sso', url: 'javascript:alert(1)' } }] });
    const error = await failure(client.run(call));
    expect(error.code).toBe('sso_required');
    expect(error.ssoUrl).toBeUndefined();
    expect(error.message).not.toContain('javascript:');
  });

  it('404 names the package type and name asked for', async () => {
    const { client } = setup();
    const error = await failure(client.run(listCall('container', 'web/backend')));
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(error.message).toContain('container package "web/backend" in org "acme"');
    expect(error.message).toMatch(/does not exist, or this token cannot see it/);
  });

  it('400 on delete of a version with more than 5,000 downloads gives GitHub reason', async () => {
    const { client, fake } = setup();
    const pkg = fake.dataset.packages.find((p) => p.name === 'ui-kit');
    const popular = [...(pkg?.popular ?? [])].find((id) =>
      pkg?.versions.some((v) => v.id === id && !v.deleted_at),
    );
    const error = await failure(client.run(versionCall('delete', 'npm', 'ui-kit', popular ?? 0)));
    expect(error).toMatchObject({ code: 'cannot_delete', status: 400 });
    expect(error.message).toContain('more than 5000 downloads cannot be deleted');
  });

  it('400 on delete of the last version of a package', async () => {
    const { client, fake } = setup();
    const pkg = fake.dataset.packages.find((p) => p.name === 'config');
    // The only version of `config` is also among the "popular" ones; make it unpopular to reach this rule.
    (pkg?.popular as Set<number> | undefined)?.clear();
    const error = await failure(
      client.run(versionCall('delete', 'npm', 'config', pkg?.versions[0]?.id ?? 0)),
    );
    expect(error).toMatchObject({ code: 'cannot_delete', status: 400 });
    expect(error.message).toContain('last version of a package');
  });

  it('malformed JSON is a malformed_response, not a crash', async () => {
    const { client } = setup({ faults: [{ nth: 1, action: { type: 'malformed-json' } }] });
    const error = await failure(client.run(call));
    expect(error.code).toBe('malformed_response');
    expect(error.message).toMatch(/not a JSON array of rows/);
  });

  it('malformed JSON on page 2 keeps page 1 as a partial result', async () => {
    const { client } = setup({ faults: [{ page: 2, action: { type: 'malformed-json' } }] });
    const result = await client.run(call);
    expect(result).toMatchObject({ status: 'partial', error: { code: 'malformed_response' } });
    expect(result.rows).toHaveLength(100);
  });

  it('a next link to another origin stops with an error and sends nothing there', async () => {
    const { client, fake } = setup({
      faults: [{ page: 1, action: { type: 'foreign-link', origin: 'https://evil.example' } }],
    });
    const result = await client.run(call);
    expect(result).toMatchObject({
      status: 'partial',
      error: { code: 'cross_origin_link', url: 'https://evil.example' },
    });
    expect(result.rows).toHaveLength(100);
    expect(fake.requests.map((r) => new URL(r.url).origin)).toEqual(['https://api.test']);
  });

  it('an empty page that still links to a next page stops instead of looping', async () => {
    const { client, fake } = setup({ faults: [{ action: { type: 'empty-page' } }] });
    const result = await client.run(call);
    expect(result).toMatchObject({ status: 'partial', error: { code: 'pagination_stalled' } });
    expect(fake.requests).toHaveLength(1);
  });

  it('an empty page after real pages keeps them as partial', async () => {
    const { client } = setup({ faults: [{ page: 2, action: { type: 'empty-page' } }] });
    const result = await client.run(call);
    expect(result).toMatchObject({ status: 'partial', progress: { pages: 2, rows: 100 } });
  });

  it('network failure is distinct from a GitHub error', async () => {
    const { client } = setup({ faults: [{ action: { type: 'network' } }] }, { retry: { retryDelaysMs: [] } });
    const error = await failure(client.run(call));
    expect(error.code).toBe('network');
    expect(error.status).toBeUndefined();
  });

  it.each([
    'ftp://api.test',
    'http://api.example.com',
    'https://user:pw@api.test',
    'https://api.test/?token=x',
    'not a url',
  ])('refuses the base URL %s', (baseUrl) => {
    expect(() => createGitHubClient({ baseUrl })).toThrow(
      expect.objectContaining({ code: 'invalid_base_url' }) as Error,
    );
  });

  it('accepts GitHub Enterprise Server and loopback base URLs', () => {
    expect(createGitHubClient({ baseUrl: 'https://ghe.example.com/api/v3/' }).baseUrl).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(createGitHubClient({ baseUrl: 'http://127.0.0.1:8080' }).baseUrl).toBe('http://127.0.0.1:8080');
  });
});
