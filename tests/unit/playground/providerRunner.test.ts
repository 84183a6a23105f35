/**
 * SELECTs and JOINs over resources beyond packages (the synthetic `github.testkit`), through the real
 * runner and engine: wrapped lists are unwrapped into rows, a JOIN feeds one resource's params from the
 * other's rows, and an answer with no rows says why.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { createRunner } from '../../../src/components/Playground/run/createRunner';
import { createEngine } from '../../../src/engine/client';
import { createGitHubClient } from '../../../src/github/client';
import { createFakeWorker } from '../engine/fakeWorker';
import { instantClock, TOKEN } from '../github/helpers';
import { registerTestkit } from '../sql/testkit';
import { plan, resultOf, runSelect } from './runnerHarness';

beforeAll(() => {
  registerTestkit();
});

const BASE = 'https://api.test';

const REPOS = [
  { id: 1, name: 'web', full_name: 'acme/web', private: false },
  { id: 2, name: 'api', full_name: 'acme/api', private: true },
  { id: 3, name: 'docs', full_name: 'acme/docs', private: false },
];

const RUNS: Readonly<Record<string, readonly { id: number; name: string; status: string }[]>> = {
  web: [
    { id: 10, name: 'CI', status: 'completed' },
    { id: 11, name: 'Deploy', status: 'in_progress' },
  ],
  api: [{ id: 20, name: 'CI', status: 'completed' }],
  docs: [],
};

/** A GitHub of three repos and their workflow runs, answering as GitHub does (runs wrapped). */
function setup() {
  const urls: string[] = [];
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    urls.push(url.pathname + url.search);
    const runs = /^\/repos\/acme\/(\w+)\/actions\/runs$/.exec(url.pathname);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/orgs/acme/repos') return Promise.resolve(json(REPOS));
    if (runs) {
      const list = RUNS[runs[1] ?? ''] ?? [];
      return Promise.resolve(json({ total_count: list.length, workflow_runs: list }));
    }
    if (url.pathname.startsWith('/user/starred/'))
      return Promise.resolve(new Response(null, { status: 204 }));
    return Promise.resolve(new Response('{"message":"Not Found"}', { status: 404 }));
  };
  const clock = instantClock();
  const engine = createEngine({ createWorker: () => createFakeWorker() });
  const client = createGitHubClient({ baseUrl: BASE, token: TOKEN, fetch, clock });
  return { urls, client, runner: createRunner(engine, () => clock.now()) };
}

const JOIN = `SELECT r.name AS repo, w.name AS workflow, w.status
FROM github.testkit.repos r
JOIN github.testkit.workflow_runs w ON w.repo = r.name
WHERE r.org = 'acme' AND w.owner = 'acme' AND r.private = false
ORDER BY repo, workflow`;

describe('a JOIN of two resources of another service', () => {
  it('plans the data flow from the catalogue: repo fed from the repos rows, owner from WHERE', () => {
    expect(plan(JOIN)).toMatchObject({
      resource: 'github.testkit.repos',
      method: 'list_for_org',
      calls: [{ params: { org: 'acme' } }],
      join: {
        resource: 'github.testkit.workflow_runs',
        method: 'list_workflow_runs_for_repo',
        feeds: [{ param: 'repo', column: 'name' }],
        fixed: [{ owner: 'acme' }],
        unit: 'full repository',
      },
    });
  });

  it('runs it: one dependent call per repo that passes WHERE, wrapped runs unwrapped', async () => {
    const { urls, client, runner } = setup();
    const { outcome } = await runSelect(runner, client, plan(JOIN));
    expect(resultOf(outcome).rows).toEqual([
      { repo: 'web', workflow: 'CI', status: 'completed' },
      { repo: 'web', workflow: 'Deploy', status: 'in_progress' },
    ]);
    expect(urls).toEqual([
      '/orgs/acme/repos?per_page=100',
      '/repos/acme/web/actions/runs?per_page=100',
      '/repos/acme/docs/actions/runs?per_page=100',
    ]);
  });
});

describe('SELECTs of another service', () => {
  it('a wrapped list is rows with their own columns', async () => {
    const { client, runner } = setup();
    const { outcome } = await runSelect(
      runner,
      client,
      plan(
        `SELECT id, name FROM github.testkit.workflow_runs WHERE owner = 'acme' AND repo = 'web' ORDER BY id`,
      ),
    );
    expect(resultOf(outcome).rows).toEqual([
      { id: 10, name: 'CI' },
      { id: 11, name: 'Deploy' },
    ]);
  });

  it('a 204 is no rows, with the note the client gave', async () => {
    const { client, runner } = setup();
    const { outcome } = await runSelect(
      runner,
      client,
      plan(`SELECT * FROM github.testkit.starring WHERE owner = 'acme' AND repo = 'web'`),
    );
    const result = resultOf(outcome);
    expect(result.total).toBe(0);
    expect(result.note).toBe('GitHub answered 204 with no content: there are no rows.');
  });
});
