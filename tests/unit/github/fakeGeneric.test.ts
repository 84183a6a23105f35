/**
 * The fake's generic endpoints, over the synthetic `sampletest` service registered at run time: routes
 * and scopes follow the registry, lists paginate and wrap as the catalogue says, items and deletes find
 * the row their path names, any path value is a row of the sample except a non-integer id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { parseLink } from '../../../src/github/headers';
import { createSampleClient } from '../../../src/github/sample/sampleBackend';
import { registerService } from '../../../src/resources/registry';
import { BASE, TOKEN } from './helpers';
import { SAMPLE_SERVICE } from './sampleService';

type Fake = ReturnType<typeof createFakeGitHub>;

const GEARS = `${BASE}/repos/acme/tools/gears`;

async function send(fake: Fake, url: string, method = 'GET', headers: Record<string, string> = {}) {
  const res = await fake.handle(new Request(url, { method, headers }));
  const text = await res.text();
  return { res, body: text ? (JSON.parse(text) as unknown) : undefined };
}

interface Wrapped {
  total_count: number;
  gears: Record<string, unknown>[];
}

describe('routes and scopes follow the registry', () => {
  it('serves a service from the moment it is registered', async () => {
    const fake = createFakeGitHub({ token: TOKEN });
    const auth = { authorization: `token ${TOKEN}` };
    const before = await send(fake, GEARS, 'GET', auth);
    expect(before.res.status).toBe(404);
    expect(before.res.headers.get('x-oauth-scopes')).toBeNull();
    registerService(SAMPLE_SERVICE);
    const after = await send(fake, GEARS, 'GET', auth);
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get('x-oauth-scopes')).toContain('sample:gears');
    expect(after.res.headers.get('x-accepted-oauth-scopes')).toBe('sample:gears');
  });
});

describe('generic endpoints', () => {
  beforeAll(() => {
    registerService(SAMPLE_SERVICE);
  });

  it('wraps a list in { total_count, [rowsKey] } and paginates it by Link', async () => {
    const fake = createFakeGitHub();
    const first = await send(fake, `${GEARS}?per_page=100`);
    const body = first.body as Wrapped;
    expect(body.total_count).toBe(121);
    expect(body.gears).toHaveLength(100);
    const next = parseLink(first.res.headers.get('link') ?? '').next ?? '';
    expect(next).toBe(`${GEARS}?per_page=100&page=2`);
    const second = (await send(fake, next)).body as Wrapped;
    expect(second.gears).toHaveLength(21);
    expect(second.gears.map((r) => r.id)).not.toContain(body.gears[0]?.id);
  });

  it('the client reads the wrapped list, both pages, as rows', async () => {
    const fake = createFakeGitHub();
    const client = createSampleClient({}, fake);
    const params = { owner: 'acme', repo: 'tools' };
    const result = await client.run({ resource: 'github.sampletest.gears', method: 'list_gears', params });
    expect(result.status).toBe('complete');
    expect(result.rows).toHaveLength(121);
    expect(fake.requests).toHaveLength(2);
  });

  it('puts the path values in the columns of the same name, and filters by an enum column', async () => {
    const fake = createFakeGitHub();
    const rows = ((await send(fake, `${BASE}/repos/acme/my-repo/gears?per_page=100`)).body as Wrapped).gears;
    expect(new Set(rows.map((r) => r.repo))).toEqual(new Set(['my-repo']));
    const open = (await send(fake, `${GEARS}?per_page=100&state=open`)).body as Wrapped;
    expect(open.total_count).toBe(60);
    expect(open.gears.every((r) => r.state === 'open')).toBe(true);
    expect(((await send(fake, `${GEARS}?state=all`)).body as Wrapped).total_count).toBe(121);
  });

  it('answers an item with the list’s row of that id, or a row made for any other id', async () => {
    const fake = createFakeGitHub();
    const listed = ((await send(fake, GEARS)).body as Wrapped).gears[3];
    expect((await send(fake, `${GEARS}/5003`)).body).toEqual(listed);
    const made = await send(fake, `${GEARS}/777`);
    expect(made.body).toMatchObject({ id: 777, repo: 'tools' });
    expect((await send(fake, `${GEARS}/777`)).body).toEqual(made.body);
    expect((await send(fake, `${GEARS}/not-a-number`)).res.status).toBe(404);
  });

  it('a delete removes the row until the dataset is reset', async () => {
    const fake = createFakeGitHub();
    expect((await send(fake, `${GEARS}/5003`, 'DELETE')).res.status).toBe(204);
    expect((await send(fake, `${GEARS}/5003`)).res.status).toBe(404);
    expect((await send(fake, `${GEARS}/5003`, 'DELETE')).res.status).toBe(404);
    const after = (await send(fake, `${GEARS}?per_page=100`)).body as Wrapped;
    expect(after.total_count).toBe(120);
    expect(after.gears.map((r) => r.id)).not.toContain(5003);
    fake.resetDataset();
    expect((await send(fake, `${GEARS}/5003`)).res.status).toBe(200);
  });

  it('answers an EXEC with its row, a redirect with a file on the fake’s origin, a PUT with 204', async () => {
    const fake = createFakeGitHub();
    const turned = await send(fake, `${GEARS}/5001/turn`, 'POST');
    expect(turned.res.status).toBe(201);
    expect(turned.body).toMatchObject({ id: 5001 });
    const archive = await fake.handle(new Request(`${GEARS}/5001/archive`));
    expect(archive.status).toBe(302);
    const location = archive.headers.get('location') ?? '';
    expect(location).toBe(`${BASE}/__download/repos/acme/tools/gears/5001/archive`);
    expect((await fake.handle(new Request(location))).status).toBe(200);
    expect((await send(fake, `${BASE}/orgs/acme/levers/4`, 'PUT')).res.status).toBe(204);
  });

  it('serves an unpaginated list whole, and `/user` only with credentials or in sample mode', async () => {
    const fake = createFakeGitHub();
    const levers = await send(fake, `${BASE}/orgs/acme/levers`);
    expect(levers.res.headers.get('link')).toBeNull();
    expect((levers.body as Record<string, unknown>[]).map((r) => r.org)).toEqual(['acme', 'acme', 'acme']);
    expect((await send(fake, `${BASE}/user/levers`)).res.status).toBe(401);
    const sample = createFakeGitHub({ sampleMode: true });
    expect((await send(sample, `${BASE}/user/levers`)).res.status).toBe(200);
  });

  it('keeps rows stable: the same body and ETag on every read', async () => {
    const fake = createFakeGitHub();
    const first = await fake.handle(new Request(GEARS));
    const etag = first.headers.get('etag') ?? '';
    const again = await fake.handle(new Request(GEARS, { headers: { 'if-none-match': etag } }));
    expect(again.status).toBe(304);
  });
});
