import { describe, expect, it } from 'vitest';
import { SAMPLE_PACKAGES } from '../../../src/github/sample/dataset';
import type { PageEvent } from '../../../src/github/types';
import { activeCount, listCall, setup, versionCall } from './helpers';

describe('pagination', () => {
  it.each(SAMPLE_PACKAGES.filter((p) => !p.deleted).map((p) => [p.type, p.name] as const))(
    'lists %s %s in ceil(N/100) serial requests of per_page=100',
    async (type, name) => {
      const { fake, client } = setup();
      const n = activeCount(fake, name);
      const result = await client.run(listCall(type, name));
      expect(result.status).toBe('complete');
      expect(result.rows).toHaveLength(n);
      expect(fake.requests).toHaveLength(Math.max(1, Math.ceil(n / 100)));
      for (const r of fake.requests) expect(new URL(r.url).searchParams.get('per_page')).toBe('100');
      expect(new Set(result.rows.map((r) => r.id)).size).toBe(n);
    },
  );

  it('hands on each page as it arrives, with progress and the last page from Link', async () => {
    const { fake, client } = setup();
    const pages: PageEvent[] = [];
    const result = await client.run(listCall('container', 'web/frontend'), { onPage: (p) => pages.push(p) });
    const n = activeCount(fake, 'web/frontend');
    expect(n).toBeGreaterThan(200);
    expect(pages.map((p) => p.rows.length)).toEqual([100, 100, n - 200]);
    expect(pages.map((p) => p.progress.rows)).toEqual([100, 200, n]);
    expect(pages.every((p) => p.progress.lastPage === 3)).toBe(true);
    expect(pages[0]?.progress.rateLimit).toMatchObject({ limit: 5000, remaining: 4999 });
    expect(pages[2]?.progress.rateLimit?.remaining).toBe(4997);
    expect(result.progress).toMatchObject({ pages: 3, rows: n, lastPage: 3 });
  });

  it('URL-encodes a container name with a slash as %2F', async () => {
    const { fake, client } = setup();
    await client.run(listCall('container', 'web/frontend'), { maxRows: 1 });
    expect(fake.requests[0]?.url).toContain('/orgs/acme/packages/container/web%2Ffrontend/versions?');
  });

  it.each([
    [1, 1],
    [100, 1],
    [101, 2],
    [150, 2],
    [200, 2],
  ])('LIMIT %i fetches only ceil(k/100) = %i pages', async (k, pages) => {
    const { fake, client } = setup();
    const result = await client.run(listCall('container', 'web/frontend'), { maxRows: k });
    expect(fake.requests).toHaveLength(pages);
    expect(result).toMatchObject({ status: 'complete', truncated: true });
    expect(result.rows.length).toBe(pages * 100);
  });

  it('is not truncated when maxRows is reached on the last page', async () => {
    const { client } = setup();
    const result = await client.run(listCall('rubygems', 'acme-auth'), { maxRows: 5 });
    expect(result).toMatchObject({ status: 'complete', truncated: false });
  });

  it('fetches only the page asked for when the call gives `page`', async () => {
    const { fake, client } = setup();
    const result = await client.run(listCall('container', 'web/frontend', { page: 2 }));
    expect(fake.requests).toHaveLength(1);
    expect(new URL(fake.requests[0]?.url ?? '').searchParams.get('page')).toBe('2');
    expect(result.rows).toHaveLength(100);
  });

  it('lists deleted versions with state=deleted', async () => {
    const { client } = setup();
    const result = await client.run(listCall('container', 'web/frontend', { state: 'deleted' }));
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => typeof r.deleted_at === 'string')).toBe(true);
  });

  it('gets one version by id in one request', async () => {
    const { fake, client } = setup();
    const id = fake.dataset.packages[0]?.versions.find((v) => v.deleted_at === undefined)?.id ?? 0;
    const result = await client.run(versionCall('get', 'container', 'web/frontend', id));
    expect(fake.requests).toHaveLength(1);
    expect(result.rows).toEqual([expect.objectContaining({ id })]);
  });

  it('refuses a call that lacks a required param before any request', async () => {
    const { fake, client } = setup();
    const call = listCall('npm', 'ui-kit');
    const params = Object.fromEntries(Object.entries(call.params).filter(([k]) => k !== 'org'));
    await expect(client.run({ ...call, params })).rejects.toMatchObject({ code: 'invalid_call' });
    expect(fake.requests).toHaveLength(0);
  });
});
