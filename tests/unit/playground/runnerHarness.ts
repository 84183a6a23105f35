/** Set-up of the runner and write tests: a real engine over in-process fake workers, a client over the fake API. */
import {
  createRunner,
  type Outcome,
  type SelectOptions,
} from '../../../src/components/Playground/run/createRunner';
import type { QueryResult, RunProgress } from '../../../src/components/Playground/run/types';
import { createEngine } from '../../../src/engine/client';
import { createGitHubClient } from '../../../src/github/client';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import type { FakeGitHubOptions } from '../../../src/github/fake/types';
import type { GitHubClient } from '../../../src/github';
import type { RequestLogEntry } from '../../../src/github/types';
import { planQuery } from '../../../src/sql/plan';
import type { DeletePlan, ExecPlan, SelectPlan } from '../../../src/sql/types';
import { createFakeWorker, type FakeWorker } from '../engine/fakeWorker';
import { instantClock, TOKEN } from '../github/helpers';

export { TOKEN };
export const BASE = 'https://api.test';
export const WHERE = `WHERE org = 'acme' AND package_type = 'container' AND package_name = 'web/frontend'`;
export const FROM = `FROM github.packages.org_versions ${WHERE}`;

export function plan(sql: string): SelectPlan {
  const r = planQuery(sql);
  if (!r.ok || r.value.kind !== 'select') throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

export function writePlan(sql: string): DeletePlan | ExecPlan {
  const r = planQuery(sql);
  if (!r.ok || (r.value.kind !== 'delete' && r.value.kind !== 'exec'))
    throw new Error(r.ok ? r.value.kind : r.error.message);
  return r.value;
}

/**
 * A runner over a real engine (fake in-process workers), and a client with a token against a fake API
 * that requires it. Time is a shared instant clock: retries and rate-limit waits do not really wait,
 * and `clock.advance` ages both the client's cache and the runner's reuse window.
 */
export function setupRunner(fakeOptions: FakeGitHubOptions = {}, clientToken: string | undefined = TOKEN) {
  const clock = instantClock();
  const fake = createFakeGitHub({ token: TOKEN, now: () => clock.now(), ...fakeOptions });
  const log: RequestLogEntry[] = [];
  const workers: FakeWorker[] = [];
  const engine = createEngine({
    createWorker: () => {
      const w = createFakeWorker();
      workers.push(w);
      return w;
    },
  });
  const client: GitHubClient = createGitHubClient({
    baseUrl: BASE,
    token: clientToken,
    fetch: fake.fetch,
    clock,
    onRequest: (e) => log.push(e),
  });
  const runner = createRunner(engine, () => clock.now());
  return { clock, fake, log, workers, engine, client, runner };
}

/** What one `select` reported besides its outcome. */
export interface Recorded {
  readonly outcome: Outcome;
  readonly interims: QueryResult[];
  readonly progress: RunProgress[];
  /** Order of events: `interim` and `done`. */
  readonly events: string[];
}

/** Runs `select` and records its progress and interim results. */
export async function runSelect(
  runner: ReturnType<typeof createRunner>,
  client: GitHubClient,
  p: SelectPlan,
  extra: Partial<Omit<SelectOptions, 'client'>> = {},
): Promise<Recorded> {
  const interims: QueryResult[] = [];
  const progress: RunProgress[] = [];
  const events: string[] = [];
  const outcome = await runner.select(p, {
    client,
    source: 'github',
    signal: new AbortController().signal,
    ...extra,
    onProgress: (e) => {
      progress.push(e);
      extra.onProgress?.(e);
    },
    onInterim: (r) => {
      interims.push(r);
      events.push('interim');
      extra.onInterim?.(r);
    },
  });
  events.push('done');
  // Let an interim run that is still in the engine's queue report, so a late interim is seen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { outcome, interims, progress, events };
}

/** The result of an outcome, or a thrown error naming what went wrong. */
export function resultOf(outcome: Outcome): QueryResult {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

/** Pages of the list requests the fake received (`page` query param, 1 when absent). */
export function pagesRequested(fake: ReturnType<typeof createFakeGitHub>): number[] {
  return fake.requests.map((r) => Number(new URL(r.url).searchParams.get('page') ?? '1'));
}
