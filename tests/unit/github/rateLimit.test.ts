import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import type { WaitEvent } from '../../../src/github/types';
import { BASE, listCall, setup, TOKEN } from './helpers';

const call = listCall('container', 'web/frontend');

describe('rate limits', () => {
  it('403 with x-ratelimit-remaining: 0 waits until x-ratelimit-reset, reported for a countdown', async () => {
    const { fake, client, clock } = setup({
      faults: [{ page: 2, times: 1, action: { type: 'rate-limit', status: 403, resetInSeconds: 30 } }],
    });
    const waits: WaitEvent[] = [];
    const start = clock.now();
    const result = await client.run(call, { onWait: (w) => waits.push(w) });
    expect(result.status).toBe('complete');
    expect(waits).toHaveLength(1);
    expect(waits[0]?.reason).toBe('rate-limit');
    // The reset header has whole seconds: the wait ends on the second GitHub named.
    expect(waits[0]?.until).toBe((Math.floor(start / 1000) + 30) * 1000);
    expect(waits[0]?.ms).toBeGreaterThan(29_000);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 403, 200, 200]);
  });

  it('429 with retry-after waits that many seconds', async () => {
    const { client, clock } = setup({
      faults: [{ nth: 1, action: { type: 'rate-limit', status: 429, retryAfterSeconds: 7 } }],
    });
    const result = await client.run(call);
    expect(result.status).toBe('complete');
    expect(clock.sleeps).toEqual([7000]);
  });

  it('a wait longer than the cap fails at once with the reset time', async () => {
    const { fake, client, clock } = setup(
      { faults: [{ nth: 1, action: { type: 'rate-limit', status: 403, resetInSeconds: 3600 } }] },
      { retry: { maxRateLimitWaitMs: 60_000 } },
    );
    const error: unknown = await client.run(call).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 403 });
    const resetAt = (error as { resetAt: number }).resetAt;
    expect(resetAt).toBe((Math.floor(clock.now() / 1000) + 3600) * 1000);
    expect((error as Error).message).toContain(new Date(resetAt).toISOString());
    expect(clock.sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('waits at most maxRateLimitWaits times per request', async () => {
    const { fake, client } = setup(
      { faults: [{ action: { type: 'rate-limit', status: 429, retryAfterSeconds: 1 } }] },
      { retry: { maxRateLimitWaits: 2 } },
    );
    await expect(client.run(call)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(fake.requests).toHaveLength(3);
  });

  it('a plain 403 without rate-limit headers is not waited on', async () => {
    const { fake, client, clock } = setup({ faults: [{ nth: 1, action: { type: 'status', status: 403 } }] });
    await expect(client.run(call)).rejects.toMatchObject({ code: 'forbidden' });
    expect(clock.sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('a rate-limit wait can be cancelled', async () => {
    const fake = createFakeGitHub({
      token: TOKEN,
      faults: [{ nth: 1, action: { type: 'rate-limit', status: 429, retryAfterSeconds: 30 } }],
    });
    const client = createGitHubClient({ baseUrl: BASE, token: TOKEN, fetch: fake.fetch });
    const controller = new AbortController();
    const started = Date.now();
    const run = client.run(call, {
      signal: controller.signal,
      onWait: () => {
        setTimeout(() => {
          controller.abort();
        }, 20);
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fake.requests).toHaveLength(1);
  });
});
