/**
 * The shape of `bench/results.json` and the table `npm run bench` prints. Pure, so the unit test can pin
 * the format without running a benchmark.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A figure as the individual benchmarks return it (`engine.ts`, `requests.ts`, the browser ones). */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  ratio: number;
  aim?: number;
}

/**
 * A figure as written to results.json: every key present, `null` where there is nothing to give (no aim
 * yet; no baseline for the build figures on a first run).
 */
export interface ResultFigure {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: number | null;
  readonly ratio: number | null;
  /** The ratio aimed for: the figure meets it when `ratio <= aim`. */
  readonly aim: number | null;
}

/** The machine a run measured, so figures from different machines are never compared blindly. */
export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memory: string;
  readonly node: string;
  readonly chromium: string;
  readonly platform: string;
}

/** The whole of `bench/results.json`. */
export interface BenchResults {
  readonly figures: readonly ResultFigure[];
  readonly machine: Machine;
  /** ISO time the run ended. */
  readonly date: string;
  readonly mode: 'full' | 'quick';
  /** What the run could not measure or measured differently, in words. */
  readonly notes: readonly string[];
}

/** Three significant decimals are plenty on a noisy shared machine, and keep the JSON diffable. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A figure of the results file from a benchmark's figure (or from a value with no baseline). */
export function toResultFigure(f: Figure | Omit<ResultFigure, never>): ResultFigure {
  const maybe = (n: number | null | undefined): number | null =>
    n === null || n === undefined || !Number.isFinite(n) ? null : round(n);
  return {
    name: f.name,
    unit: f.unit,
    value: round(f.value),
    baseline: maybe(f.baseline),
    ratio: maybe(f.ratio),
    aim: maybe(f.aim),
  };
}

export function createResults(
  figures: readonly (Figure | ResultFigure)[],
  opts: { machine: Machine; date: Date; mode: 'full' | 'quick'; notes?: readonly string[] },
): BenchResults {
  return {
    figures: figures.map(toResultFigure),
    machine: opts.machine,
    date: opts.date.toISOString(),
    mode: opts.mode,
    notes: [...(opts.notes ?? [])],
  };
}

/** `yes` / `NO` against the aim, or blank when there is none. */
export function verdict(f: ResultFigure): string {
  if (f.aim === null || f.ratio === null) return '';
  return f.ratio <= f.aim ? 'yes' : 'NO';
}

function show(n: number | null): string {
  if (n === null) return '–';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
}

/** The results as a fixed-width text table, one line per figure. */
export function formatTable(figures: readonly ResultFigure[]): string {
  const header = ['figure', 'unit', 'value', 'baseline', 'ratio', 'aim', 'meets'];
  const lines = figures.map((f) => [
    f.name,
    f.unit,
    show(f.value),
    show(f.baseline),
    show(f.ratio),
    f.aim === null ? '' : `≤ ${show(f.aim)}`,
    verdict(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i <= 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

/** Writes the results as pretty JSON, creating the folder. */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

/** The median of some numbers (the mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
