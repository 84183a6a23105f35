/**
 * JOIN benchmark (issue 11): the packages × versions JOIN over an organization of 40 container
 * packages, through the playground's runner, engine and GitHub client, against the fake server on
 * loopback. Requests made against the fewest possible (1 list + 1 per package), and the time with
 * 100 ms added to every request against the serial floor (requests × 100 ms: GitHub asks clients for
 * one user to make requests serially). `npx tsx benchmarks/join.ts` prints a table.
 */
import { createRunner } from '../src/components/Playground/run/createRunner';
import { createEngine } from '../src/engine/client';
import { createGitHubClient } from '../src/github/client';
import { startFakeGitHubServer } from '../src/github/fake/server';
import { createDataset, manyPackages } from '../src/github/sample/dataset';
import { planQuery } from '../src/sql/plan';
import { createFakeWorker } from '../tests/unit/engine/fakeWorker';
import type { Figure } from './results';
import { registerAllServices } from '../src/resources/allServices';

// The benches plan and serve the whole provider, as tests do.
registerAllServices();

const TOKEN = 'bench-token';
const LATENCY_MS = 100;
const PACKAGES = 40;
const VERSIONS = 30;
const RUNS = 3;

const JOIN = `SELECT p.name AS package, v.name AS version, v.created_at
FROM github.packages.org_packages p
JOIN github.packages.org_versions v ON v.package_name = p.name AND v.package_type = p.package_type
WHERE p.org = 'acme' AND p.package_type = 'container' AND v.org = 'acme'`;

function figure(name: string, unit: string, value: number, baseline: number, aim: number): Figure {
  return { name, unit, value, baseline, ratio: Math.round((value / baseline) * 1000) / 1000, aim };
}

/** Runs the JOIN `RUNS` times, each from a cold runner and client, and returns its figures. */
export async function runJoinBenchmark(): Promise<Figure[]> {
  const dataset = createDataset('acme', manyPackages(PACKAGES, VERSIONS));
  const server = await startFakeGitHubServer({ token: TOKEN, dataset, delayMs: LATENCY_MS });
  const planned = planQuery(JOIN);
  if (!planned.ok || planned.value.kind !== 'select') throw new Error('the JOIN does not plan');
  const plan = planned.value;
  const minimum = 1 + PACKAGES;
  const times: number[] = [];
  let requests = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const engine = createEngine({ createWorker: () => createFakeWorker() });
      const runner = createRunner(engine);
      const client = createGitHubClient({ baseUrl: server.url, token: TOKEN });
      const before = server.requests.length;
      const started = performance.now();
      const outcome = await runner.select(plan, {
        client,
        source: 'github',
        signal: new AbortController().signal,
        onProgress: () => undefined,
        onInterim: () => undefined,
      });
      times.push(performance.now() - started);
      engine.dispose();
      if (!outcome.ok) throw new Error(outcome.error.message);
      if (outcome.result.total !== PACKAGES * VERSIONS)
        throw new Error(`expected ${PACKAGES * VERSIONS} rows, got ${outcome.result.total}`);
      requests = server.requests.length - before;
    }
  } finally {
    await server.close();
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  return [
    figure(`JOIN of ${PACKAGES} packages: requests`, 'requests', requests, minimum, 1),
    figure(
      `JOIN of ${PACKAGES} packages at ${LATENCY_MS} ms/request, vs serial floor`,
      'ms',
      Math.round(median),
      minimum * LATENCY_MS,
      1.1,
    ),
  ];
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('benchmarks/join.ts')) {
  void runJoinBenchmark().then((figures) => {
    console.table(figures);
  });
}
