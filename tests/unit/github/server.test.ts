import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client';
import { startFakeGitHubServer } from '../../../src/github/fake/server';
import type { FakeGitHubServer } from '../../../src/github/fake/server';
import { listCall, TOKEN } from './helpers';

const call = listCall('container', 'web/frontend');
let server: FakeGitHubServer;

beforeAll(async () => {
  server = await startFakeGitHubServer({ token: TOKEN });
});
afterAll(async () => {
  await server.close();
});

function reset(): void {
  server.setFaults([]);
  server.fake.resetRequests();
}

describe('fake GitHub server on loopback', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('paginates over real HTTP with absolute Link URLs on its own origin', async () => {
    reset();
    const client = createGitHubClient({ baseUrl: server.url, token: TOKEN });
    const result = await client.run(call);
    expect(result.status).toBe('complete');
    expect(server.requests).toHaveLength(3);
    const res = await fetch(
      `${server.url}/orgs/acme/packages/container/web%2Ffrontend/versions?per_page=100`,
      {
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    );
    expect(res.headers.get('link')).toContain(
      `<${server.url}/orgs/acme/packages/container/web%2Ffrontend/versions?per_page=100&page=2>; rel="next"`,
    );
  });

  it('sends CORS headers as GitHub does, and answers preflights', async () => {
    const res = await fetch(`${server.url}/orgs/acme/packages/npm/ui-kit/versions`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    for (const h of [
      'ETag',
      'Link',
      'Retry-After',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'X-OAuth-Scopes',
      'X-Accepted-OAuth-Scopes',
      'X-GitHub-SSO',
    ]) {
      expect(exposed).toContain(h);
    }
    const pre = await fetch(`${server.url}/orgs/acme/packages/npm/ui-kit/versions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'authorization,if-none-match,x-github-api-version',
      },
    });
    expect(pre.status).toBe(204);
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'if-none-match', 'x-github-api-version', 'content-type'])
      expect(allowed).toContain(h);
    expect(pre.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('answers 304 to If-None-Match with the ETag', async () => {
    const url = `${server.url}/orgs/acme/packages/npm/ui-kit/versions`;
    const headers = { authorization: `token ${TOKEN}` };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')),
    );
  });

  it('takes faults at runtime through POST /__control and reports requests at /__requests', async () => {
    reset();
    const control = await fetch(`${server.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({
        faults: [{ page: 2, times: 1, action: { type: 'status', status: 502 } }],
        resetRequests: true,
      }),
    });
    expect(control.status).toBe(204);
    const client = createGitHubClient({ baseUrl: server.url, token: TOKEN, retry: { retryDelaysMs: [1] } });
    expect((await client.run(call)).status).toBe('complete');
    const recorded = (await (await fetch(`${server.url}/__requests`)).json()) as { status: number }[];
    expect(recorded.map((r) => r.status)).toEqual([200, 502, 200, 200]);
  });

  it('serves another dataset, and resets it, through POST /__control', async () => {
    reset();
    const control = (body: unknown) =>
      fetch(`${server.url}/__control`, { method: 'POST', body: JSON.stringify(body) });
    const headers = { authorization: `token ${TOKEN}` };
    const list = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers });
      return res.status === 200 ? ((await res.json()) as { name: string }[]).map((p) => p.name) : res.status;
    };
    const spec = {
      owners: [
        { login: 'globex', kind: 'Organization', packages: [{ type: 'npm', name: 'widgets', count: 3 }] },
      ],
    };
    expect((await control({ dataset: spec })).status).toBe(204);
    expect(await list('/orgs/globex/packages?package_type=npm')).toEqual(['widgets']);
    expect(await list('/orgs/acme/packages?package_type=npm')).toBe(404);
    expect((await control({ dataset: { nope: 1 } })).status).toBe(400);

    expect((await control({ resetDataset: true })).status).toBe(204);
    const web = '/orgs/acme/packages/container/web%2Ffrontend';
    expect((await fetch(`${server.url}${web}`, { method: 'DELETE', headers })).status).toBe(204);
    expect(await list('/orgs/acme/packages?package_type=container')).toEqual(['api-server']);
    await control({ resetDataset: true });
    expect(await list('/orgs/acme/packages?package_type=container')).toEqual(['web/frontend', 'api-server']);
  });

  it('a network fault drops the connection: the client reports the host unreachable', async () => {
    reset();
    server.setFaults([{ action: { type: 'network' } }]);
    const client = createGitHubClient({ baseUrl: server.url, token: TOKEN, retry: { retryDelaysMs: [] } });
    await expect(client.run(call)).rejects.toMatchObject({ code: 'network' });
  });

  it('a cancelled request stops the server-side delay', async () => {
    reset();
    server.configure({ delayMs: 5000 });
    const client = createGitHubClient({ baseUrl: server.url, token: TOKEN });
    const started = Date.now();
    await expect(client.run(call, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    server.configure({ delayMs: 0 });
  });
});

describe('scripts/fake-github-server.ts', () => {
  it('stops when the pipe to its parent closes, even behind npx', async () => {
    const child = spawn('npx', ['tsx', 'scripts/fake-github-server.ts'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = chunk.toString().trim();
    expect((await fetch(`${url}/orgs/acme/packages/npm/ui-kit/versions`)).status).toBe(200);
    child.stdin.end();
    await once(child, 'exit');
    child.stdout.destroy();
    await expect
      .poll(
        () =>
          fetch(url).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 5000 },
      )
      .toBe('down');
  });

  it('serves the dataset of a --dataset file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fake-gh-')), 'dataset.json');
    writeFileSync(
      file,
      JSON.stringify({
        owners: [{ login: 'hank', kind: 'User', packages: [{ type: 'npm', name: 'tool', count: 2 }] }],
        authenticatedUser: 'hank',
      }),
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/fake-github-server.ts', '--dataset', file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = chunk.toString().trim();
    const res = await fetch(`${url}/user/packages?package_type=npm`, {
      headers: { authorization: 'token t' },
    });
    expect(await res.json()).toMatchObject([{ name: 'tool', version_count: 2, owner: { login: 'hank' } }]);
    child.kill('SIGTERM');
    await once(child, 'exit');
    child.stdout.destroy();
  });

  it('prints its URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/fake-github-server.ts', '--token', 'abc'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = chunk.toString().trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/orgs/acme/packages/npm/ui-kit/versions`, {
      headers: { authorization: 'token abc' },
    });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code === 0 || code === null).toBe(true);
    child.stdout.destroy();
    await expect(fetch(url)).rejects.toThrow();
  });
});
