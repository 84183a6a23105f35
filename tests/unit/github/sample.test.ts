import { describe, expect, it } from 'vitest';
import {
  createSampleApi,
  createSampleClient,
  SAMPLE_BASE_URL,
} from '../../../src/github/sample/sampleBackend';
import type { RequestLogEntry } from '../../../src/github/types';
import { listCall, versionCall } from './helpers';

describe('sample mode', () => {
  it('runs the real client over the in-page fake: pagination, headers, log', async () => {
    const api = createSampleApi();
    const log: RequestLogEntry[] = [];
    const client = createSampleClient({ onRequest: (e) => log.push(e) }, api);
    const result = await client.run(listCall('container', 'web/frontend'));
    expect(result.status).toBe('complete');
    expect(api.requests).toHaveLength(3);
    expect(
      log.map((e) =>
        e.url.startsWith(`${SAMPLE_BASE_URL}/orgs/acme/packages/container/web%2Ffrontend/versions`),
      ),
    ).toEqual([true, true, true]);
    expect(result.progress.rateLimit?.limit).toBe(5000);
  });

  it('an unknown package gives GitHub’s 404 with a hint listing the sample packages', async () => {
    const client = createSampleClient();
    const error: unknown = await client.run(listCall('npm', 'left-pad')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect((error as { githubMessage: string }).githubMessage).toMatch(
      /sample organization "acme" has: container web\/frontend, .*npm ui-kit/,
    );
  });

  it('delete and restore change only the in-memory sample', async () => {
    const api = createSampleApi();
    const client = createSampleClient({ retry: { writeSpacingMs: 0 } }, api);
    const before = await client.run(listCall('npm', 'ui-kit'));
    const id = Number(before.rows[0]?.id);
    await client.run(versionCall('delete', 'npm', 'ui-kit', id));
    const deleted = await client.run(listCall('npm', 'ui-kit', { state: 'deleted' }));
    expect(deleted.rows.map((r) => r.id)).toContain(id);
    await client.run(versionCall('restore', 'npm', 'ui-kit', id));
    const after = await client.run(listCall('npm', 'ui-kit'));
    expect(after.rows.map((r) => r.id)).toContain(id);
    expect(after.rows.find((r) => r.id === id)?.deleted_at).toBeUndefined();
    // A fresh sample is untouched.
    const fresh = createSampleApi();
    expect(fresh.dataset).not.toBe(api.dataset);
  });
});
