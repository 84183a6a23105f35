/**
 * Request benchmark of the GitHub client (issue 7, items 2 and 3), against the fake server on loopback:
 * requests made per scenario against the fewest possible, and time to first/all rows of a 10-page list
 * with 100 ms injected per request against the sum of those latencies (the floor for serial requests).
 * `npx tsx benchmarks/requests.ts` prints a table; `runRequestBenchmark()` returns the figures.
 */
import type { ApiCall } from '../src/resources/calls';
import { registerAllServices } from '../src/resources/allServices';
import { getResource } from '../src/resources/registry';
import { createGitHubClient } from '../src/github/client';
import type { GitHubClient } from '../src/github/client';
import { startFakeGitHubServer } from '../src/github/fake/server';
import type { FakeGitHubServer } from '../src/github/fake/server';
import { createDataset, SAMPLE_PACKAGES } from '../src/github/sample/dataset';

import type { Figure } from './results';

registerAllServices();
const orgVersions = getResource('github.packages.org_versions');

export type { Figure };

const TOKEN = 'bench-token';
const LATENCY_MS = 100;
const PAGES = 10;
const LIMIT = 150;
const [LIST, GET] = orgVersions.methods;

function listCall(type: string, name: string): ApiCall {
  return {
    resource: orgVersions.id,
    method: LIST?.name ?? '',
    params: { org: 'acme', package_type: type, package_name: name },
  };
}

function figure(name: string, unit: string, value: number, baseline: number, aim?: number): Figure {
  const ratio = baseline === 0 ? (value === 0 ? 1 : value + 1) : value / baseline;
  return {
    name,
    unit,
    value,
    baseline,
    ratio: Math.round(ratio * 1000) / 1000,
    ...(aim === undefined ? {} : { aim }),
  };
}

/** Runs every scenario and returns its figures. */
export async function runRequestBenchmark(): Promise<Figure[]> {
  const dataset = createDataset('acme', [
    ...SAMPLE_PACKAGES,
    { type: 'npm', name: 'bench-ten-pages', count: PAGES * 100 },
  ]);
  const server = await startFakeGitHubServer({ token: TOKEN, dataset });
  try {
    return [...(await countRequests(server)), ...(await measureLatency(server))];
  } finally {
    await server.close();
  }
}

async function countRequests(server: FakeGitHubServer): Promise<Figure[]> {
  const client = (): GitHubClient => createGitHubClient({ baseUrl: server.url, token: TOKEN });
  const counted = async (run: () => Promise<unknown>): Promise<number> => {
    const before = server.requests.length;
    await run();
    return server.requests.length - before;
  };
  const figures: Figure[] = [];
  const warm = client();
  for (const pkg of SAMPLE_PACKAGES.filter((p) => p.deleted !== true)) {
    const call = listCall(pkg.type, pkg.name);
    const rows: number[] = [];
    const made = await counted(async () => rows.push((await warm.run(call)).rows.length));
    const n = rows[0] ?? 0;
    figures.push(
      figure(
        `requests: list ${pkg.type} ${pkg.name} (N=${n})`,
        'requests',
        made,
        Math.max(1, Math.ceil(n / 100)),
        1,
      ),
    );
  }
  const big = listCall('container', 'web/frontend');
  figures.push(
    figure(
      `requests: LIMIT ${LIMIT} (no local filter)`,
      'requests',
      await counted(() => client().run(big, { maxRows: LIMIT })),
      Math.ceil(LIMIT / 100),
      1,
    ),
  );
  figures.push(
    figure('requests: re-run within cache TTL', 'requests', await counted(() => warm.run(big)), 0, 1),
  );
  const id = server.fake.dataset.packages[0]?.versions.find((v) => v.deleted_at === undefined)?.id ?? 0;
  const byId: ApiCall = {
    resource: orgVersions.id,
    method: GET?.name ?? '',
    params: { ...big.params, package_version_id: id },
  };
  figures.push(
    figure('requests: one version by id', 'requests', await counted(() => client().run(byId)), 1, 1),
  );
  const remaining = async (): Promise<number> => {
    let left = 0;
    await warm.run(big, { refresh: true, onPage: (p) => (left = p.progress.rateLimit?.remaining ?? 0) });
    return left;
  };
  const before = await remaining();
  figures.push(
    figure('rate limit spent by a refresh (ETag 304s)', 'requests', before - (await remaining()), 0, 1),
  );
  return figures;
}

async function measureLatency(server: FakeGitHubServer): Promise<Figure[]> {
  server.configure({ delayMs: LATENCY_MS });
  const first: number[] = [];
  const all: number[] = [];
  for (let run = 0; run < 3; run++) {
    const client = createGitHubClient({ baseUrl: server.url, token: TOKEN });
    const started = performance.now();
    let firstAt: number | undefined;
    const result = await client.run(listCall('npm', 'bench-ten-pages'), {
      onPage: () => (firstAt ??= performance.now()),
    });
    if (result.progress.pages !== PAGES)
      throw new Error(`expected ${PAGES} pages, got ${result.progress.pages}`);
    first.push((firstAt ?? started) - started);
    all.push(performance.now() - started);
  }
  server.configure({ delayMs: 0 });
  const ms = (values: number[]): number => Math.round(median(values) * 10) / 10;
  return [
    figure(
      `latency: first rows, ${PAGES}-page list at ${LATENCY_MS} ms/request`,
      'ms',
      ms(first),
      LATENCY_MS,
      1.5,
    ),
    figure(
      `latency: all rows, ${PAGES}-page list at ${LATENCY_MS} ms/request`,
      'ms',
      ms(all),
      PAGES * LATENCY_MS,
      1.2,
    ),
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('benchmarks/requests.ts')) {
  void runRequestBenchmark().then((figures) => {
    console.table(figures.map((f) => ({ ...f, aim: f.aim ?? '' })));
  });
}
