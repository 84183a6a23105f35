import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../src/github/curl';
import { GitHubError } from '../../../src/github/errors';
import type { FaultRule } from '../../../src/github/fake/types';
import { listCall, setup, TOKEN, versionCall } from './helpers';

const call = listCall('container', 'web/frontend');

/** Every fault the fake knows, each on page 2 so page 1 succeeds first. */
const FAULTS: FaultRule[] = [
  { page: 2, action: { type: 'status', status: 500 } },
  { page: 2, action: { type: 'rate-limit', status: 403, resetInSeconds: 99_999 } },
  { page: 2, action: { type: 'sso' } },
  { page: 2, action: { type: 'malformed-json' } },
  { page: 2, action: { type: 'foreign-link' } },
  ...[
    'http:x@api.test/orgs/acme/packages/container/web%2Ffrontend/versions?page=3',
    '//evil.example/orgs/acme/packages/container/web%2Ffrontend/versions?page=3',
    'https://user:pass@api.test/orgs/acme/packages/container/web%2Ffrontend/versions?page=3',
    'HTTPS://API.TEST.evil.com/orgs/acme/packages/container/web%2Ffrontend/versions?page=3',
  ].map((target): FaultRule => ({
    page: 2,
    action: { type: 'foreign-link', link: `<${target}>; rel="next"` },
  })),
  { page: 2, action: { type: 'empty-page' } },
  { page: 2, action: { type: 'network' } },
  { page: 2, action: { type: 'echo-auth' } },
];

describe('the token never leaks', () => {
  it.each(FAULTS.map((f) => [JSON.stringify(f.action), f] as const))(
    'not in errors, logs or URLs (%s)',
    async (_, fault) => {
      const { client, fake, log } = setup({ faults: [fault] });
      const result = await client.run(call).catch((e: unknown) => e);
      const error = result instanceof GitHubError ? result : (result as { error?: GitHubError }).error;
      expect(error).toBeInstanceOf(GitHubError);
      const texts = [
        error?.message,
        JSON.stringify(error),
        JSON.stringify(log),
        ...log.map((e) => toCurl(e)),
      ];
      for (const text of texts) expect(text).not.toContain(TOKEN);
      for (const r of fake.requests) {
        expect(new URL(r.url).origin).toBe('https://api.test');
        expect(r.url).not.toContain(TOKEN);
        expect(r.authorization).toBe(`token ${TOKEN}`);
      }
    },
  );

  it('redacts a token a server echoes back in its error message', async () => {
    const { client } = setup(
      { faults: [{ nth: 1, action: { type: 'echo-auth' } }] },
      { retry: { retryDelaysMs: [] } },
    );
    const error = (await client.run(call).catch((e: unknown) => e)) as GitHubError;
    expect(error.githubMessage).toContain('[REDACTED]');
    expect(error.message).toContain('[REDACTED]');
    expect(JSON.stringify(error) + error.message).not.toContain(TOKEN);
  });

  it('not in a 401 or a write error', async () => {
    const wrong = setup({ token: 'other' });
    const e1 = (await wrong.client.run(call).catch((e: unknown) => e)) as GitHubError;
    const { client } = setup({ scopes: ['read:packages'] });
    const e2 = (await client
      .run(versionCall('delete', 'npm', 'ui-kit', 1))
      .catch((e: unknown) => e)) as GitHubError;
    for (const e of [e1, e2]) expect(`${e.message} ${JSON.stringify(e)}`).not.toContain(TOKEN);
  });

  it('copy as curl reads the token from $GITHUB_TOKEN and quotes the URL', () => {
    const curl = toCurl({ method: 'DELETE', url: "https://api.test/orgs/a'b/x?$(id)" });
    expect(curl).toBe(
      `curl -X DELETE -H "Accept: application/vnd.github+json" -H "Authorization: Bearer $GITHUB_TOKEN" -H "X-GitHub-Api-Version: 2022-11-28" 'https://api.test/orgs/a'\\''b/x?$(id)'`,
    );
  });
});

describe('token hygiene', () => {
  it('trims a pasted token and refuses one with spaces inside, without echoing it', async () => {
    const { fake, client } = setup({}, { token: `  ${TOKEN}\n` });
    await client.run(listCall('npm', 'config'));
    expect(fake.requests[0]?.authorization).toBe(`token ${TOKEN}`);
    let thrown: unknown;
    try {
      setup({}, { token: `${TOKEN} extra` });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'bad_credentials' });
    expect((thrown as Error).message).not.toContain(TOKEN);
  });
});
