import { describe, expect, it } from 'vitest';
import { listCall, setup, versionCall } from './helpers';

const call = listCall('container', 'web/frontend');

describe('cache and ETag revalidation', () => {
  it('re-running the same call within the TTL makes no request', async () => {
    const { fake, client, log } = setup();
    const first = await client.run(call);
    fake.resetRequests();
    log.length = 0;
    const fromCache: boolean[] = [];
    const again = await client.run(call, { onPage: (p) => fromCache.push(p.fromCache) });
    expect(fake.requests).toHaveLength(0);
    expect(again.rows).toEqual(first.rows);
    expect(fromCache).toEqual([true, true, true]);
    expect(log.every((e) => e.fromCache && e.ms === 0)).toBe(true);
  });

  it('a refresh revalidates every page with If-None-Match, and 304s reuse the stored pages', async () => {
    const { fake, client, log } = setup();
    const first = await client.run(call);
    const etags = fake.requests.map((r) => r.url);
    fake.resetRequests();
    log.length = 0;
    const again = await client.run(call, { refresh: true });
    expect(fake.requests.map((r) => r.url)).toEqual(etags);
    expect(fake.requests.every((r) => r.ifNoneMatch?.startsWith('W/"'))).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([304, 304, 304]);
    expect(log.map((e) => [e.status, e.revalidated, e.fromCache])).toEqual([
      [304, true, false],
      [304, true, false],
      [304, true, false],
    ]);
    expect(again.rows).toEqual(first.rows);
  });

  it('after the TTL a run revalidates; a changed page is fetched anew', async () => {
    const { fake, client, clock } = setup({}, { cacheTtlMs: 1000 });
    await client.run(call);
    clock.advance(1001);
    // Another client deletes the newest version: page 1 changes, so its ETag no longer matches.
    const id = fake.dataset.packages[0]?.versions.find((v) => v.deleted_at === undefined)?.id ?? 0;
    await setupOther(fake).run(versionCall('delete', 'container', 'web/frontend', id));
    fake.resetRequests();
    const again = await client.run(call);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again.rows.some((r) => r.id === id)).toBe(false);
  });

  it('a LIMIT run caches its pages; a later full run reuses them and fetches only the rest', async () => {
    const { fake, client } = setup();
    await client.run(call, { maxRows: 100 });
    expect(fake.requests).toHaveLength(1);
    fake.resetRequests();
    const full = await client.run(call);
    expect(fake.requests.map((r) => new URL(r.url).searchParams.get('page'))).toEqual(['2', '3']);
    expect(full.status).toBe('complete');
  });

  it('keys the cache by params: another package is fetched', async () => {
    const { fake, client } = setup();
    await client.run(call);
    fake.resetRequests();
    await client.run(listCall('npm', 'ui-kit'));
    expect(fake.requests).toHaveLength(1);
  });

  it('a write clears the cache so the next list shows the change', async () => {
    const { fake, client } = setup();
    const before = await client.run(listCall('npm', 'ui-kit'));
    const id = Number(before.rows[0]?.id);
    await client.run(versionCall('delete', 'npm', 'ui-kit', id));
    fake.resetRequests();
    const after = await client.run(listCall('npm', 'ui-kit'));
    expect(fake.requests).toHaveLength(1);
    expect(after.rows.some((r) => r.id === id)).toBe(false);
  });
});

function setupOther(fake: ReturnType<typeof setup>['fake']): ReturnType<typeof setup>['client'] {
  return setup({}, { fetch: fake.fetch }).client;
}
