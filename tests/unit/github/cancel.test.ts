import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import type { RequestLogEntry } from '../../../src/github/types';
import { BASE, listCall, TOKEN } from './helpers';

const call = listCall('container', 'web/frontend');

function slowSetup(delayMs: number) {
  const fake = createFakeGitHub({ token: TOKEN, delayMs });
  const log: RequestLogEntry[] = [];
  const client = createGitHubClient({
    baseUrl: BASE,
    token: TOKEN,
    fetch: fake.fetch,
    onRequest: (e) => log.push(e),
  });
  return { fake, client, log };
}

describe('cancellation', () => {
  it('cancelling after the first page keeps it, marks the run partial and fetches no further page', async () => {
    const { fake, client } = slowSetup(30);
    const controller = new AbortController();
    const result = await client.run(call, {
      signal: controller.signal,
      onPage: () => {
        controller.abort();
      },
    });
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    expect(result.error.code).toBe('cancelled');
    expect(result.rows).toHaveLength(100);
    expect(fake.requests).toHaveLength(1);
  });

  it('aborts the request in flight at once', async () => {
    const { fake, client, log } = slowSetup(2000);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 30);
    const started = Date.now();
    await expect(client.run(call, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.requests).toHaveLength(1);
    expect(log).toEqual([expect.objectContaining({ error: 'cancelled', status: undefined })]);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fake, client } = slowSetup(0);
    await expect(client.run(call, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('a cancelled run does not block the next one', async () => {
    const { client } = slowSetup(5);
    await client.run(call, { signal: AbortSignal.abort() }).catch(() => undefined);
    const result = await client.run(call);
    expect(result.status).toBe('complete');
  });
});

describe('queued requests', () => {
  it('a run cancelled while waiting for another run’s request leaves at once, and order is kept', async () => {
    const { fake, client } = slowSetup(300);
    const first = client.run(listCall('npm', 'ui-kit'));
    const controller = new AbortController();
    const second = client.run(listCall('npm', 'config'), { signal: controller.signal });
    const third = client.run(listCall('rubygems', 'acme-auth'));
    const started = Date.now();
    setTimeout(() => {
      controller.abort();
    }, 20);
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(200);
    await Promise.all([first, third]);
    expect(fake.requests.map((r) => new URL(r.url).pathname.split('/')[5])).toEqual(['ui-kit', 'acme-auth']);
    // The third waited for the first: never two in flight.
    expect((fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('LIMIT 0 makes no request', async () => {
    const { fake, client } = slowSetup(0);
    expect(await client.run(call, { maxRows: 0 })).toMatchObject({ status: 'complete', rows: [] });
    expect(fake.requests).toHaveLength(0);
  });
});
