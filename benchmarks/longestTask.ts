/**
 * The longest main-thread task of a page between two `performance.mark`s, from a Chromium trace: the
 * `toplevel` category has every task the renderer's main thread runs (`RunTask`), with its duration,
 * so tasks under the 50 ms `longtask` threshold are measured too. The marks come through
 * `blink.user_timing`, which puts them on the trace's clock.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';

export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'] as const;

/** The outermost task event of a thread, by Chromium version. */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of an `X` event: its duration minus the time the thread was descheduled. */
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Parses the trace Chromium hands back. */
export function parseTrace(buffer: Buffer): TraceEvent[] {
  const json = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}

/** Microsecond trace time of the first user-timing mark of that name. */
function markTime(events: readonly TraceEvent[], mark: string): number | undefined {
  return events.find((e) => e.name === mark && e.ph !== 'M')?.ts;
}

/** The longest task of a window, by the wall clock and by the thread's own CPU time. */
export interface LongestTask {
  /** What the reader feels (ms). On a busy shared machine it includes time the thread waited for a CPU. */
  readonly wall: number;
  /** The most CPU time one task used (ms): what the page itself costs, whatever else the machine runs. */
  readonly cpu: number;
}

/**
 * The longest task on any renderer main thread between the marks `from` and `to` (a task that began
 * before `from` and runs into it is counted too). Undefined when a mark is missing.
 */
export function longestTaskBetween(
  events: readonly TraceEvent[],
  from: string,
  to: string,
): LongestTask | undefined {
  const start = markTime(events, from);
  const end = markTime(events, to);
  if (start === undefined || end === undefined) return undefined;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let wall = 0;
  let cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || e.dur === undefined) continue;
    if (!mains.has(`${e.pid}:${e.tid}`)) continue;
    if (e.ts + e.dur < start || e.ts > end) continue;
    wall = Math.max(wall, e.dur / 1000);
    cpu = Math.max(cpu, (e.tdur ?? e.dur) / 1000);
  }
  return { wall, cpu };
}

/** Runs `work` with tracing on and returns the trace's events. */
export async function traced(browser: Browser, page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const extra = process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [];
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, ...extra] });
  let buffer: Buffer | undefined;
  try {
    await work();
  } finally {
    buffer = await browser.stopTracing();
    const dump = process.env.BENCH_TRACE_FILE;
    if (dump) await writeFile(dump, buffer);
  }
  return parseTrace(buffer);
}

/** Puts a user-timing mark in the page (and so in the trace). */
export async function mark(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => performance.mark(n), name);
}
