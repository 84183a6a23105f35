import { describe, expect, it } from 'vitest';

import { createRunner } from '../../../src/components/Playground/run/createRunner';
import { createEngine } from '../../../src/engine/client';
import { createSampleApi, createSampleClient, SAMPLE_BASE_URL } from '../../../src/github';
import type { RequestLogEntry } from '../../../src/github/types';
import { createFakeWorker } from '../engine/fakeWorker';
import { activeCount } from '../github/helpers';
import { FROM, plan, resultOf } from './runnerHarness';

/** The playground with no token: the runner over the in-page sample API, as readers first see it. */
function setupSample() {
  const api = createSampleApi();
  const log: RequestLogEntry[] = [];
  const client = createSampleClient({ onRequest: (e) => log.push(e) }, api);
  const engine = createEngine({ createWorker: () => createFakeWorker() });
  return { api, log, client, engine, runner: createRunner(engine) };
}

const options = (client: ReturnType<typeof createSampleClient>) => ({
  client,
  source: 'sample' as const,
  signal: new AbortController().signal,
  onProgress: () => undefined,
  onInterim: () => undefined,
});

describe('createRunner on sample data', () => {
  it('pages through the sample API with no token and counts every row', async () => {
    const { api, log, client, engine, runner } = setupSample();
    const outcome = await runner.select(plan(`SELECT id, name ${FROM}`), options(client));
    const result = resultOf(outcome);
    expect(result.total).toBe(activeCount(api, 'web/frontend'));
    expect(result.source).toBe('sample');
    expect(log.map((e) => [e.method, e.status, e.fromCache])).toEqual([
      ['GET', 200, false],
      ['GET', 200, false],
      ['GET', 200, false],
    ]);
    expect(
      log.every((e) =>
        e.url.startsWith(`${SAMPLE_BASE_URL}/orgs/acme/packages/container/web%2Ffrontend/versions`),
      ),
    ).toBe(true);
    expect(api.requests.every((r) => r.authorization === undefined)).toBe(true);
    engine.dispose();
  });

  it('answers a second, different SELECT over the same package with no request', async () => {
    const { api, log, client, engine, runner } = setupSample();
    await runner.select(plan(`SELECT id ${FROM}`), options(client));
    const before = log.length;
    const result = resultOf(
      await runner.select(plan(`SELECT name ${FROM} ORDER BY name DESC LIMIT 3`), options(client)),
    );
    expect(result.total).toBe(3);
    expect(log).toHaveLength(before);
    expect(api.requests).toHaveLength(3);
    engine.dispose();
  });

  it('says clearly that a package the sample does not have was not found', async () => {
    const { client, engine, runner } = setupSample();
    const outcome = await runner.select(
      plan(
        `SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_type = 'npm' AND package_name = 'nope'`,
      ),
      options(client),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('nope');
    engine.dispose();
  });
});
