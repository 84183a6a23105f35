/**
 * `npm run bench`: every figure of issue 7 in one run, each against a baseline measured in the same
 * run, printed as a table and written to `bench/results.json`. `npm run bench -- --quick` is a smoke
 * run: small sizes, and the browser figures only when an earlier full run left a build to reuse.
 * `npm run bench -- --reuse-build` is a full run that reuses the previous run's build (the same
 * commit's, for repeated runs): every figure at full size, the build figures those of that run.
 */
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startFakeGitHubServer, type FakeGitHubServer } from '../src/github/fake/server';
import { createDataset } from '../src/github/sample/dataset';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { startStaticServer } from '../tests/e2e/support/staticServer';
import { catalogueChunks, readBuildMeta, runBuild, type BuildMeta } from './build';
import { runContainmentBenchmark } from './containment';
import { runEngineBenchmark } from './engine';
import { describeMachine } from './machine';
import { runChartBenchmark } from './chart';
import { runPageWeight } from './pageWeight';
import { runJoinBenchmark } from './join';
import { runRequestBenchmark } from './requests';
import { runInPage, taskFigures, type RunInPage } from './responsiveness';
import { runLatencyBenchmark } from './latency';
import { runStartupBenchmark } from './startup';
import { PLAYGROUND_JS_AIM, PLAYGROUND_JS_GZIP_BEFORE, runPlaygroundWeight } from './playgroundWeight';
import { createResults, formatTable, median, writeResults, type Figure, type ResultFigure } from './results';
import { registerAllServices } from '../src/resources/allServices';

// The benches plan and serve the whole provider, as tests do.
registerAllServices();

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench');
const BUILD = join(OUT, 'build');
const TOKEN = 'bench-token';
const ORG = 'acme';
const BIG = 'bench-big';
const STREAM = 'bench-ten-pages';
const TWELVE = 'bench-twelve-pages';

const quick = process.argv.includes('--quick');
const reuseBuild = quick || process.argv.includes('--reuse-build');
const sizes = quick
  ? { engineRows: 2_000, engineRuns: 1, bigRows: 2_000, bigRepeats: 1, wheelSteps: 5, runTimeoutMs: 60_000 }
  : {
      engineRows: 100_000,
      engineRuns: 7,
      bigRows: 100_000,
      bigRepeats: 3,
      wheelSteps: 40,
      runTimeoutMs: 300_000,
    };
const notes: string[] = [];
const figures: (Figure | ResultFigure)[] = [];

function step(title: string): void {
  console.log(`[bench] ${title}`);
}

/** Whether a loopback port can be listened on (a quick run reuses the build's fake-server port). */
function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => {
      ok(false);
    });
    probe.listen(port, '127.0.0.1', () => {
      probe.close(() => {
        ok(true);
      });
    });
  });
}

async function engineFigures(): Promise<void> {
  step(`engine: ${sizes.engineRows.toLocaleString('en-US')} rows × ${sizes.engineRuns} runs`);
  const engine = await runEngineBenchmark({ rows: sizes.engineRows, runs: sizes.engineRuns });
  for (const f of engine) figures.push({ ...f, name: `engine: ${f.name}` });
  const m = median(engine.map((f) => f.ratio));
  figures.push({ name: 'engine: median ratio', unit: 'ratio', value: m, baseline: 1, ratio: m, aim: 1.5 });
}

async function requestFigures(): Promise<void> {
  step('requests and latency against the fake server');
  figures.push(...(await runRequestBenchmark()));
  step('JOIN of 40 packages against the fake server, 100 ms a request');
  figures.push(...(await runJoinBenchmark()));
}

/** The fake API for the browser figures, on the build's port when a quick run reuses a build. */
async function startFake(port: number): Promise<FakeGitHubServer> {
  const dataset = createDataset(ORG, [
    { type: 'npm', name: BIG, count: sizes.bigRows },
    { type: 'npm', name: STREAM, count: 1_000 },
    { type: 'npm', name: TWELVE, count: 1_200 },
  ]);
  return startFakeGitHubServer({ port, token: TOKEN, dataset, rateLimit: 1_000_000 });
}

/** Build time and size, against the previous bench build when there is one (no aim yet). */
function buildFigures(meta: BuildMeta, previous: BuildMeta | undefined): ResultFigure[] {
  const against = (value: number, before: number | undefined) => ({
    value,
    baseline: before ?? null,
    ratio: before ? value / before : null,
    aim: null,
  });
  return [
    { name: 'build: docusaurus build time', unit: 'ms', ...against(meta.ms, previous?.ms) },
    { name: 'build: size of the build folder', unit: 'bytes', ...against(meta.bytes, previous?.bytes) },
  ];
}

/**
 * The one-resource site's build, recorded in benchmarks/README.md on this kind of machine (median of the
 * runs there), before the provider grew to 313 pages: the whole provider's build is held to it.
 */
const ONE_RESOURCE_BUILD_MS = 72_000;

/** All 313 pages built with Docusaurus Faster against webpack (same run), and against the old site. */
function wholeProviderBuildFigures(faster: BuildMeta, webpack: BuildMeta): ResultFigure[] {
  return [
    {
      name: 'build: all pages, Docusaurus Faster vs webpack (same run)',
      unit: 'ms',
      value: faster.ms,
      baseline: webpack.ms,
      ratio: faster.ms / webpack.ms,
      aim: 0.5,
    },
    {
      name: 'build: all pages vs the one-resource build (benchmarks/README.md, 72 s)',
      unit: 'ms',
      value: faster.ms,
      baseline: ONE_RESOURCE_BUILD_MS,
      ratio: faster.ms / ONE_RESOURCE_BUILD_MS,
      aim: 1,
    },
  ];
}

/** The catalogue chunk the playground loads per service, gzipped: the largest and the median. */
async function catalogueFigures(buildDir: string): Promise<ResultFigure[]> {
  const sizes = await catalogueChunks(buildDir);
  const sorted = [...sizes].sort((a, b) => b[1] - a[1]);
  const [largest] = sorted;
  notes.push(
    `catalogue chunks (gzip bytes): ${sorted.map(([s, b]) => `${s} ${b.toLocaleString('en-US')}`).join(', ')}`,
  );
  const figure = (name: string, value: number): ResultFigure => ({
    name,
    unit: 'bytes',
    value,
    baseline: null,
    ratio: null,
    aim: null,
  });
  return [
    figure(`catalogue: largest service chunk, gzipped (${largest?.[0] ?? 'none'})`, largest?.[1] ?? 0),
    figure('catalogue: median service chunk, gzipped', median(sorted.map(([, b]) => b))),
  ];
}

/**
 * A full run builds (and times the build); a quick one, or one with `--reuse-build`, reuses the last
 * build if its fake-server port is free.
 */
async function prepareBuild(): Promise<{ fake: FakeGitHubServer; meta: BuildMeta } | undefined> {
  const previous = await readBuildMeta(BUILD);
  if (reuseBuild) {
    const port = previous ? Number(new URL(previous.apiUrl).port) : 0;
    const run = quick ? 'quick run' : '--reuse-build';
    if (!previous || !(await portFree(port))) {
      notes.push(`${run}: no reusable bench build, so no browser or build figures (run \`npm run bench\`).`);
      return undefined;
    }
    notes.push(`${run}: reused the earlier bench build; its build figures are from that run.`);
    figures.push(...buildFigures(previous, undefined));
    return { fake: await startFake(port), meta: previous };
  }
  const fake = await startFake(0);
  try {
    step('production build into bench/build (about a minute or more)');
    const meta = await runBuild({
      siteDir: ROOT,
      outDir: BUILD,
      apiUrl: fake.url,
      logFile: join(OUT, 'build.log'),
    });
    figures.push(...buildFigures(meta, previous));
    if (previous) notes.push('build figures: the baseline is the previous bench build (no aim yet).');
    step('the same build with webpack (DOCUSAURUS_FASTER=0), for Docusaurus Faster against it');
    const webpack = await runBuild({
      siteDir: ROOT,
      outDir: join(OUT, 'build-webpack'),
      apiUrl: fake.url,
      logFile: join(OUT, 'build-webpack.log'),
      env: { DOCUSAURUS_FASTER: '0' },
    });
    figures.push(...wholeProviderBuildFigures(meta, webpack), ...(await catalogueFigures(BUILD)));
    return { fake, meta };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

async function browserFigures(browser: Browser, origin: string, fake: FakeGitHubServer): Promise<void> {
  step('page weight: JS before load');
  const weight = await runPageWeight(browser, origin, BUILD);
  figures.push(...weight.figures);
  notes.push(
    `page weight: ${weight.detail.playground.files.length} scripts on org_versions, ${weight.detail.service.files.length} on /services/packages.`,
  );

  step("playground weight: all the JS a resource page's playground downloads, gzipped");
  const playground = await runPlaygroundWeight(browser, origin);
  figures.push({
    name: 'page weight: JS the playground downloads (all chunks, frames and workers, gzip) vs before issue 13',
    unit: 'bytes',
    value: playground.gzipBytes,
    baseline: PLAYGROUND_JS_GZIP_BEFORE,
    ratio: playground.gzipBytes / PLAYGROUND_JS_GZIP_BEFORE,
    aim: PLAYGROUND_JS_AIM,
  });
  notes.push(
    `playground JS: ${playground.files.length} files, ${playground.rawBytes.toLocaleString('en-US')} bytes raw, ${playground.gzipBytes.toLocaleString('en-US')} gzipped.`,
  );

  step('start-up: a fresh page to the editor taking input and to the first sample result, vs load');
  figures.push(...(await runStartupBenchmark(browser, origin, quick ? 1 : 5)));

  step("chart: the Chart view's JS and the time to draw the month chart");
  const chart = await runChartBenchmark(browser, origin, BUILD, quick ? 1 : 5);
  figures.push(...chart.figures);
  notes.push(...chart.notes);

  step('engine containment: start-up and round trip, sandbox frame vs plain worker');
  figures.push(
    ...(await runContainmentBenchmark({
      browser,
      origin,
      buildDir: BUILD,
      siteDir: ROOT,
      starts: quick ? 1 : 5,
      runs: quick ? 5 : 20,
    })),
  );

  const where = `WHERE org = '${ORG}' AND package_type = 'npm'`;
  const n = sizes.bigRows.toLocaleString('en-US');
  step(`responsiveness: ${n}-row result (${sizes.bigRows / 100} pages), render and scroll`);
  const big: RunInPage[] = [];
  for (let i = 0; i < sizes.bigRepeats; i++) {
    big.push(
      await runInPage(browser, {
        origin,
        apiUrl: fake.url,
        token: TOKEN,
        sql: `SELECT * FROM github.packages.org_versions ${where} AND package_name = '${BIG}'`,
        rows: sizes.bigRows,
        wheelSteps: sizes.wheelSteps,
        timeoutMs: sizes.runTimeoutMs,
      }),
    );
  }
  figures.push(
    ...taskFigures(
      `${n}-row result, fetch + render`,
      big.map((r) => r.runTask),
    ),
  );
  figures.push(
    ...taskFigures(
      `${n}-row result, scrolling`,
      big.map((r) => r.scrollTask),
    ),
  );
  const runMs = median(big.map((r) => r.runMs));
  notes.push(
    `the ${n}-row run took ${Math.round(runMs)} ms from Run to the final row count (${sizes.bigRows / 100} pages, median).`,
  );

  step('responsiveness: 10-page list streaming in at 100 ms a request');
  fake.configure({ delayMs: 100 });
  const stream: RunInPage[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      stream.push(
        await runInPage(browser, {
          origin,
          apiUrl: fake.url,
          token: TOKEN,
          sql: `SELECT * FROM github.packages.org_versions ${where} AND package_name = '${STREAM}'`,
          rows: 1_000,
          wheelSteps: 0,
          timeoutMs: 60_000,
        }),
      );
    }
  } finally {
    fake.configure({ delayMs: 0 });
  }
  figures.push(
    ...taskFigures(
      '10-page list streaming (100 ms/request)',
      stream.map((r) => r.runTask),
    ),
  );

  step('latency: a fresh page, a token entered, then its first query: a 12-page list at 100 ms a request');
  const latency = await runLatencyBenchmark(browser, {
    origin,
    fake,
    token: TOKEN,
    org: ORG,
    packageName: TWELVE,
    pages: 12,
    delayMs: 100,
    runs: quick ? 1 : 5,
  });
  figures.push(...latency.figures);
  notes.push(
    `latency runs (first rows / all rows, ms): ${latency.runs.map((r) => `${Math.round(r.firstRowsMs)} / ${Math.round(r.runMs)}`).join(', ')}`,
  );
  for (const e of new Set([...big, ...stream, ...latency.runs].flatMap((r) => r.errors)))
    notes.push(`console error in the page: ${e}`);
}

/** The system Chromium, or undefined (with a note) where there is none: the other figures still count. */
function systemChromium(): string | undefined {
  try {
    return findChromium();
  } catch (error) {
    notes.push(`no browser figures: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function inBrowser(chromiumPath: string, fake: FakeGitHubServer): Promise<void> {
  const site = await startStaticServer(BUILD);
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
    try {
      await browserFigures(browser, site.url, fake);
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  await engineFigures();
  await requestFigures();
  const prepared = await prepareBuild();
  const chromiumPath = prepared ? systemChromium() : undefined;
  if (prepared) {
    try {
      if (chromiumPath) await inBrowser(chromiumPath, prepared.fake);
    } finally {
      await prepared.fake.close();
    }
  }
  const results = createResults(figures, {
    machine: describeMachine(chromiumPath),
    date: new Date(),
    mode: quick ? 'quick' : 'full',
    notes,
  });
  await writeResults(join(OUT, 'results.json'), results);
  console.log(`\n${formatTable(results.figures)}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  const m = results.machine;
  console.log(`machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memory} memory, node ${m.node}, ${m.chromium}`);
  console.log(`wrote bench/results.json in ${Math.round((performance.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
