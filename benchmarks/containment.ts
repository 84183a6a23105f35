/**
 * Engine containment: what running the engine in its sandbox frame costs, against the same engine
 * bundle started as a plain `blob:` worker in the same page, in the same run. Both are driven over a
 * `MessageChannel` with the engine protocol itself, so the difference is the frame alone.
 *
 * - start-up: from creating the frame (or the worker) to the engine's `ready` message;
 * - round trip: a run of `SELECT 1` posted and answered, less the engine's own time, median of runs.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleEngineWorker } from '../src/plugins/engineSandbox/build';
import { planQuery } from '../src/sql/plan';
import { median, type Figure } from './results';
import { registerAllServices } from '../src/resources/allServices';

// The benches plan and serve the whole provider, as tests do.
registerAllServices();

export interface ContainmentOptions {
  readonly browser: Browser;
  /** The static server's origin, serving `buildDir`. */
  readonly origin: string;
  readonly buildDir: string;
  readonly siteDir: string;
  /** Starts of each kind, and round trips per start. */
  readonly starts: number;
  readonly runs: number;
}

interface Sample {
  readonly startMs: number;
  readonly roundTripMs: number[];
}

interface InPageArgs {
  readonly source: string;
  readonly frameUrl: string;
  readonly runs: number;
  readonly run: { readonly query: string; readonly table: string };
}

/** Runs in the benchmark page (serialized by Playwright: it may use only its argument). */
async function measureInPage(args: InPageArgs): Promise<{ plain: Sample; sandbox: Sample }> {
  interface Reply {
    type: string;
    summary?: { elapsedMs: number };
  }
  const next = (port: MessagePort): Promise<Reply> =>
    new Promise((resolve) => {
      port.onmessage = (e: MessageEvent<Reply>) => {
        resolve(e.data);
      };
    });
  const drive = async (port: MessagePort, started: number): Promise<Sample> => {
    while ((await next(port)).type !== 'ready');
    const startMs = performance.now() - started;
    const roundTripMs: number[] = [];
    for (let id = 1; id <= args.runs; id++) {
      const t = performance.now();
      const reply = next(port);
      port.postMessage({ type: 'run', id, ...args.run, keys: [], windowSize: 200 });
      const answer = await reply;
      roundTripMs.push(performance.now() - t - (answer.summary?.elapsedMs ?? 0));
    }
    return { startMs, roundTripMs };
  };

  const plainChannel = new MessageChannel();
  let started = performance.now();
  const worker = new Worker(URL.createObjectURL(new Blob([args.source], { type: 'text/javascript' })));
  worker.onmessage = () => {
    worker.postMessage({ type: 'connect' }, [plainChannel.port2]);
  };
  const plain = await drive(plainChannel.port1, started);
  worker.terminate();

  const channel = new MessageChannel();
  started = performance.now();
  const frame = document.createElement('iframe');
  frame.sandbox.add('allow-scripts');
  frame.src = args.frameUrl;
  frame.onload = () => frame.contentWindow?.postMessage({ type: 'start' }, '*', [channel.port2]);
  document.body.append(frame);
  const sandbox = await drive(channel.port1, started);
  frame.remove();
  return { plain, sandbox };
}

export async function runContainmentBenchmark(options: ContainmentOptions): Promise<Figure[]> {
  const [file] = (await readdir(join(options.buildDir, 'engine'))).filter((f) => f.endsWith('.html'));
  if (!file) throw new Error('containment bench: the build has no engine/sandbox.*.html');
  const plan = planQuery('SELECT 1 AS one');
  if (!plan.ok || plan.value.kind !== 'select') throw new Error('containment bench: SELECT 1 did not plan');
  const args: InPageArgs = {
    source: await bundleEngineWorker(options.siteDir),
    frameUrl: `${options.origin}/engine/${file}`,
    runs: options.runs,
    run: { query: plan.value.query, table: plan.value.table },
  };
  const samples: { plain: Sample; sandbox: Sample }[] = [];
  for (let i = 0; i < options.starts; i++) {
    const page = await options.browser.newPage();
    try {
      // A blank page of the site's own origin, without the site's policy (which allows no blob:
      // worker, so no baseline): served by the test browser itself.
      const blank = `${options.origin}/__containment_bench.html`;
      await page.route(blank, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><body></body>' }),
      );
      await page.goto(blank);
      // tsx keeps function names with a `__name` helper the page does not have.
      await page.evaluate('globalThis.__name = (f) => f');
      samples.push(await page.evaluate(measureInPage, args));
    } finally {
      await page.close();
    }
  }
  const figure = (name: string, value: number, baseline: number, aim?: number): Figure => ({
    name: `engine containment: ${name}`,
    unit: 'ms',
    value,
    baseline,
    ratio: value / baseline,
    ...(aim === undefined ? {} : { aim }),
  });
  return [
    figure(
      `start-up in the sandbox frame vs a plain worker, median of ${options.starts}`,
      median(samples.map((s) => s.sandbox.startMs)),
      median(samples.map((s) => s.plain.startMs)),
    ),
    figure(
      `message round trip (SELECT 1, less engine time) vs a plain worker, median of ${options.runs * options.starts}`,
      median(samples.flatMap((s) => s.sandbox.roundTripMs)),
      median(samples.flatMap((s) => s.plain.roundTripMs)),
    ),
  ];
}
