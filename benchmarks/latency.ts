/**
 * Latency as a reader meets it (issue 13): a fresh page (new browser context, nothing cached), the
 * query typed into the editor, the API base URL and a token entered (the token check on entry
 * answers), then the first query of the page. The fake API waits `delayMs` before answering every request,
 * CORS preflights included, as a real network does; browsers cache a preflight per URL, so each page
 * of a list pays two round trips and the serial floor is `pages × 2 × delayMs`.
 */
import type { Browser } from 'playwright-core';
import type { FakeGitHubServer } from '../src/github/fake/server';
import { runInPage, type RunInPage } from './responsiveness';
import { median, type Figure } from './results';

export interface LatencyOptions {
  readonly origin: string;
  readonly fake: FakeGitHubServer;
  readonly token: string;
  /** `WHERE` params of a package of `pages × 100` versions in the fake's dataset. */
  readonly org: string;
  readonly packageName: string;
  readonly pages: number;
  readonly delayMs: number;
  readonly runs: number;
}

export interface LatencyResult {
  readonly figures: Figure[];
  readonly runs: readonly RunInPage[];
}

/** First rows and all rows of a `pages`-page list, first query of a fresh page, median of `runs`. */
export async function runLatencyBenchmark(browser: Browser, opts: LatencyOptions): Promise<LatencyResult> {
  const rows = opts.pages * 100;
  const sql = `SELECT * FROM github.packages.org_versions WHERE org = '${opts.org}' AND package_type = 'npm' AND package_name = '${opts.packageName}'`;
  opts.fake.configure({ delayMs: opts.delayMs });
  const runs: RunInPage[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      runs.push(
        await runInPage(browser, {
          origin: opts.origin,
          apiUrl: opts.fake.url,
          token: opts.token,
          sql,
          rows,
          wheelSteps: 0,
          timeoutMs: 60_000,
          trace: false,
          typeSql: true,
        }),
      );
    }
  } finally {
    opts.fake.configure({ delayMs: 0 });
  }
  const roundTrip = 2 * opts.delayMs;
  const what = `${opts.pages}-page list at ${opts.delayMs} ms a request (preflights too), first query of a fresh page, median of ${runs.length}`;
  const first = median(runs.map((r) => r.firstRowsMs));
  const all = median(runs.map((r) => r.runMs));
  return {
    runs,
    figures: [
      {
        name: `latency in the page: first rows on screen vs a preflight + one GET, ${what}`,
        unit: 'ms',
        value: first,
        baseline: roundTrip,
        ratio: first / roundTrip,
        aim: 1.2,
      },
      {
        name: `latency in the page: all ${rows.toLocaleString('en-US')} rows on screen vs ${opts.pages} serial (preflight + GET), ${what}`,
        unit: 'ms',
        value: all,
        baseline: opts.pages * roundTrip,
        ratio: all / (opts.pages * roundTrip),
        aim: 1.1,
      },
    ],
  };
}
