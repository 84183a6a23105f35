import { pathToFileURL } from 'node:url';

import { createCore } from '../src/engine/core';
import { callKey, type ApiCall } from '../src/resources/calls';
import { planQuery } from '../src/sql/plan';
import { generateRows, type BenchRow } from './rows';

import type { Figure } from './results';
import { loadSource } from '../src/engine/tables';
import { registerAllServices } from '../src/resources/allServices';

// The benches plan and serve the whole provider, as tests do.
registerAllServices();

export type { Figure };

const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;
const T = 'github.packages.org_versions';
/** The first window the playground asks for; the full result stays in the engine, as in the worker. */
const WINDOW = 200;
/** The aims (issue 13): no query above twice the hand-written JS, and a median ratio of at most 1.5. */
const QUERY_AIM = 2;
const MEDIAN_AIM = 1.5;

interface Case {
  readonly name: string;
  /** The statement as a reader types it: the whole WHERE, params included, runs over the rows. */
  readonly sql: string;
  /** The same result by hand. */
  readonly js: (rows: readonly BenchRow[]) => unknown[];
}

const CASES: readonly Case[] = [
  {
    name: 'filter + ORDER BY + LIMIT',
    sql: `SELECT id, name, created_at FROM ${T} ${W} AND created_at >= '2024-06-01' ORDER BY created_at DESC LIMIT 50`,
    js: (rows) =>
      rows
        .filter((r) => r.created_at >= '2024-06-01')
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))
        .slice(0, 50)
        .map((r) => ({ id: r.id, name: r.name, created_at: r.created_at })),
  },
  {
    name: 'GROUP BY + COUNT',
    sql: `SELECT license, COUNT(*) AS n FROM ${T} ${W} GROUP BY license`,
    js: (rows) => {
      const counts = new Map<string | null, number>();
      for (const r of rows) counts.set(r.license, (counts.get(r.license) ?? 0) + 1);
      return [...counts].map(([license, n]) => ({ license, n }));
    },
  },
  {
    name: 'LIKE',
    sql: `SELECT id, name FROM ${T} ${W} AND name LIKE '%ab%'`,
    js: (rows) => rows.filter((r) => r.name.includes('ab')).map((r) => ({ id: r.id, name: r.name })),
  },
  {
    name: 'JSON extraction (json_extract)',
    sql: `SELECT id, json_extract(metadata, '$.container.tags[0]') AS tag FROM ${T} ${W} AND json_array_length(metadata, '$.container.tags') > 1`,
    js: (rows) =>
      rows
        .filter((r) => r.metadata.container.tags.length > 1)
        .map((r) => ({ id: r.id, tag: r.metadata.container.tags[0] })),
  },
  {
    name: 'JSON extraction (->)',
    sql: `SELECT id, metadata->container->tags AS tags FROM ${T} ${W} AND id % 10 = 0`,
    js: (rows) =>
      rows.filter((r) => r.id % 10 === 0).map((r) => ({ id: r.id, tags: r.metadata.container.tags })),
  },
  {
    name: 'DISTINCT',
    sql: `SELECT DISTINCT license FROM ${T} ${W}`,
    js: (rows) => [...new Set(rows.map((r) => r.license))].map((license) => ({ license })),
  },
  {
    name: 'DISTINCT (two columns)',
    sql: `SELECT DISTINCT license, package_html_url FROM ${T} ${W}`,
    js: (rows) => {
      const seen = new Map<unknown, Set<unknown>>();
      const out: { license: string | null; package_html_url: unknown }[] = [];
      for (const r of rows) {
        let urls = seen.get(r.license);
        if (!urls) seen.set(r.license, (urls = new Set()));
        if (urls.has(r.package_html_url)) continue;
        urls.add(r.package_html_url);
        out.push({ license: r.license, package_html_url: r.package_html_url });
      }
      return out;
    },
  },
];

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up: JIT, and the engine's compiled-query cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Same rows regardless of key order and, for unordered results, of row order. */
function sameResult(a: readonly unknown[], b: readonly unknown[], ordered: boolean): boolean {
  const norm = (rows: readonly unknown[]) => {
    const keys = rows.map((r) =>
      JSON.stringify(Object.entries(r as object).sort(([x], [y]) => (x < y ? -1 : 1))),
    );
    return ordered ? keys : keys.sort();
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/**
 * Times each typical query through the engine core (the worker's code, without the message hop) and
 * the hand-written JS over the same rows, in this process. Throws if the two disagree on a result.
 */
export async function runEngineBenchmark(opts?: { rows?: number; runs?: number }): Promise<Figure[]> {
  const count = opts?.rows ?? 100_000;
  const runs = opts?.runs ?? 7;
  const rows = generateRows(count);
  const core = createCore();
  const figures: Figure[] = [];
  for (const c of CASES) {
    const planned = planQuery(c.sql);
    if (!planned.ok || planned.value.kind !== 'select')
      throw new Error(`${c.name}: ${planned.ok ? 'not a select' : planned.error.message}`);
    const plan = planned.value;
    const keys = plan.calls.map((call: ApiCall) => callKey('https://api.github.com', call));
    plan.calls.forEach((call, i) => core.load(keys[i] ?? '', loadSource(call), rows, true));
    const engine = () => {
      const r = core.run(plan.query, plan.table, keys, WINDOW);
      if (!r.ok) throw new Error(`${c.name}: ${r.error.message}`);
      return r.value.rows;
    };
    const full = core.run(plan.query, plan.table, keys, Number.MAX_SAFE_INTEGER);
    if (!full.ok || !sameResult(full.value.rows, c.js(rows), c.sql.includes('ORDER BY'))) {
      throw new Error(`${c.name}: engine and JS disagree`);
    }
    const value = time(engine, runs);
    const baseline = time(() => c.js(rows), runs);
    figures.push({ name: c.name, unit: 'ms', value, baseline, ratio: value / baseline, aim: QUERY_AIM });
    await Promise.resolve();
  }
  return figures;
}

function printTable(figures: readonly Figure[], rows: number): void {
  const lines = figures.map((f) => [f.name, f.value.toFixed(2), f.baseline.toFixed(2), f.ratio.toFixed(2)]);
  const header = ['query', 'engine ms', 'hand JS ms', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`engine benchmark over ${rows.toLocaleString('en')} rows (median of runs)`);
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  const over = figures.filter((f) => f.ratio > QUERY_AIM).map((f) => f.name);
  console.log(
    `median ratio: ${median(figures.map((f) => f.ratio)).toFixed(2)} (aim ≤ ${MEDIAN_AIM}; each query ≤ ${QUERY_AIM}${over.length > 0 ? `, over: ${over.join(', ')}` : ''})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  runEngineBenchmark({ rows, runs }).then(
    (figures) => {
      printTable(figures, rows);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
