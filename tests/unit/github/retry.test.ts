import { describe, expect, it } from 'vitest';
import { listCall, setup, versionCall } from './helpers';

const call = listCall('container', 'web/frontend');
const RETRIES = [1000, 3000, 9000];

describe('retry rules', () => {
  it('a GET retries a 502 with backoff and recovers', async () => {
    const { fake, client, clock } = setup({
      faults: [{ page: 2, times: 1, action: { type: 'status', status: 502 } }],
    });
    const waits: string[] = [];
    const result = await client.run(call, { onWait: (w) => waits.push(`${w.reason}:${w.ms}:${w.attempt}`) });
    expect(result.status).toBe('complete');
    expect(fake.requests.map((r) => r.status)).toEqual([200, 502, 200, 200]);
    expect(waits).toEqual(['retry:1000:2']);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('a GET that keeps failing on page 3 gives a partial result with the rows that arrived', async () => {
    const { fake, client, clock } = setup({ faults: [{ page: 3, action: { type: 'status', status: 500 } }] });
    const result = await client.run(call);
    expect(fake.requests).toHaveLength(2 + 1 + RETRIES.length);
    expect(clock.sleeps).toEqual(RETRIES);
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    expect(result.rows).toHaveLength(200);
    expect(result.progress).toMatchObject({ pages: 2, rows: 200, lastPage: 3 });
    expect(result.error).toMatchObject({ code: 'server_error', status: 500 });
  });

  it('a failure on page 1 rejects: nothing arrived', async () => {
    const { client } = setup({ faults: [{ page: 1, action: { type: 'status', status: 503 } }] });
    await expect(client.run(call)).rejects.toMatchObject({ code: 'server_error', status: 503 });
  });

  it('retries network failures, then reports that the host could not be reached', async () => {
    const { fake, client } = setup({ faults: [{ action: { type: 'network' } }] });
    const error: unknown = await client.run(call).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toMatch(
      /Could not reach the API host https:\/\/api\.test.*not an error from GitHub/,
    );
    expect(fake.requests).toHaveLength(1 + RETRIES.length);
  });

  it.each([
    ['delete', 'DELETE'],
    ['restore', 'POST'],
  ] as const)('never retries a %s (%s) on 5xx', async (kind, method) => {
    const { fake, client, clock } = setup({ faults: [{ method, action: { type: 'status', status: 502 } }] });
    await expect(client.run(versionCall(kind, 'npm', 'ui-kit', 1))).rejects.toMatchObject({
      code: 'server_error',
    });
    expect(fake.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('never retries a DELETE on a rate limit either', async () => {
    const { fake, client } = setup({
      faults: [{ method: 'DELETE', action: { type: 'rate-limit', status: 429, retryAfterSeconds: 1 } }],
    });
    await expect(client.run(versionCall('delete', 'npm', 'ui-kit', 1))).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('never retries a 401', async () => {
    const { fake, client } = setup({ token: 'another-token' });
    await expect(client.run(call)).rejects.toMatchObject({ code: 'bad_credentials', status: 401 });
    expect(fake.requests).toHaveLength(1);
  });

  it('never retries a 404', async () => {
    const { fake, client } = setup();
    await expect(client.run(listCall('npm', 'nope'))).rejects.toMatchObject({ code: 'not_found' });
    expect(fake.requests).toHaveLength(1);
  });

  it('spaces writes at least one second apart', async () => {
    const { fake, client } = setup();
    const versions = fake.dataset.packages.find((p) => p.name === 'ui-kit')?.versions ?? [];
    const waits: number[] = [];
    for (const v of versions.slice(0, 3)) {
      await client.run(versionCall('delete', 'npm', 'ui-kit', v.id), { onWait: (w) => waits.push(w.ms) });
    }
    expect(waits).toEqual([1000, 1000]);
    const times = fake.requests.map((r) => r.at);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('sends requests one at a time even when runs overlap', async () => {
    const { fake } = setup({ delayMs: 5 }, { clock: undefined });
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await fake.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const other = setup({}, { fetch: counting }).client;
    await Promise.all([
      other.run(call),
      other.run(listCall('npm', 'ui-kit')),
      other.run(listCall('maven', 'com.acme.billing-core')),
    ]);
    expect(most).toBe(1);
  });
});
