import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderBytes } from '../../../benchmarks/build';
import { runEngineBenchmark } from '../../../benchmarks/engine';
import { longestTaskBetween } from '../../../benchmarks/longestTask';
import {
  createResults,
  formatTable,
  median,
  verdict,
  writeResults,
  type Machine,
} from '../../../benchmarks/results';
import { taskFigures } from '../../../benchmarks/responsiveness';

/** The bench itself is slow and stays out of `npm test`; these keep its pure parts working. */

const MACHINE: Machine = {
  cpus: 2,
  cpuModel: 'test CPU',
  memory: '1Gi',
  node: 'v20',
  chromium: 'none',
  platform: 'linux x64',
};

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('engine benchmark (smoke)', () => {
  it('measures every query over a small set, engine and hand-written JS agreeing', async () => {
    const figures = await runEngineBenchmark({ rows: 2_000, runs: 1 });
    expect(figures.length).toBeGreaterThanOrEqual(5);
    for (const f of figures) {
      expect(f.unit).toBe('ms');
      expect(f.aim).toBe(2);
      expect(Number.isFinite(f.value) && f.value >= 0).toBe(true);
      expect(Number.isFinite(f.baseline) && f.baseline >= 0).toBe(true);
      if (f.baseline > 0) expect(f.ratio).toBeCloseTo(f.value / f.baseline, 6);
    }
  });
});

describe('results.json', () => {
  it('writes every key of every figure, null where there is none', async () => {
    const results = createResults(
      [
        { name: 'a', unit: 'ms', value: 12.34567, baseline: 10, ratio: 1.234567, aim: 3 },
        { name: 'build', unit: 'ms', value: 1000, baseline: null, ratio: null, aim: null },
        { name: 'no aim', unit: 'bytes', value: 5, baseline: 5, ratio: 1 },
      ],
      { machine: MACHINE, date: new Date('2026-01-02T03:04:05Z'), mode: 'quick', notes: ['n'] },
    );
    const path = join(await scratch(), 'bench/results.json');
    await writeResults(path, results);
    const read = JSON.parse(await readFile(path, 'utf8')) as typeof results;
    expect(Object.keys(read)).toEqual(['figures', 'machine', 'date', 'mode', 'notes']);
    expect(read.date).toBe('2026-01-02T03:04:05.000Z');
    expect(read.machine).toEqual(MACHINE);
    for (const f of read.figures)
      expect(Object.keys(f)).toEqual(['name', 'unit', 'value', 'baseline', 'ratio', 'aim']);
    expect(read.figures[0]).toEqual({
      name: 'a',
      unit: 'ms',
      value: 12.346,
      baseline: 10,
      ratio: 1.235,
      aim: 3,
    });
    expect(read.figures[1]?.baseline).toBeNull();
    expect(read.figures[2]?.aim).toBeNull();
  });

  it('says whether each figure meets its aim, in the table too', () => {
    const { figures } = createResults(
      [
        { name: 'fast', unit: 'ratio', value: 2, baseline: 1, ratio: 2, aim: 3 },
        { name: 'slow', unit: 'ratio', value: 4, baseline: 1, ratio: 4, aim: 3 },
        { name: 'none', unit: 'ms', value: 4, baseline: 1, ratio: 4 },
      ],
      { machine: MACHINE, date: new Date(), mode: 'full' },
    );
    expect(figures.map(verdict)).toEqual(['yes', 'NO', '']);
    const lines = formatTable(figures).split('\n');
    expect(lines).toHaveLength(2 + figures.length);
    expect(lines[0]).toMatch(/^figure\s+unit\s+value\s+baseline\s+ratio\s+aim\s+meets$/);
    expect(lines[3]).toMatch(/^slow .* NO$/);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('longest task from a trace', () => {
  const meta = (tid: number, name: string) => ({
    name: 'thread_name',
    ph: 'M',
    pid: 1,
    tid,
    ts: 0,
    args: { name },
  });
  const task = (tid: number, ts: number, dur: number, tdur = dur) => ({
    name: 'ThreadControllerImpl::RunTask',
    ph: 'X',
    pid: 1,
    tid,
    ts,
    dur,
    tdur,
  });
  const mark = (name: string, ts: number) => ({ name, ph: 'I', pid: 1, tid: 1, ts });
  const events = [
    meta(1, 'CrRendererMain'),
    meta(2, 'DedicatedWorker thread'),
    mark('from', 10_000),
    mark('to', 90_000),
    task(1, 0, 5_000), // before the window
    task(1, 8_000, 30_000, 10_000), // runs into it
    task(1, 50_000, 20_000),
    task(2, 20_000, 60_000), // a worker: never blocks the page
    task(1, 95_000, 99_000), // after it
  ];

  it('counts only the page main thread, inside the marks, by wall and CPU time', () => {
    expect(longestTaskBetween(events, 'from', 'to')).toEqual({ wall: 30, cpu: 20 });
  });

  it('is undefined when a mark is missing', () => {
    expect(longestTaskBetween(events, 'from', 'nowhere')).toBeUndefined();
  });

  it('makes wall and CPU figures against the 100 ms aim, the median over runs', () => {
    const [wall, cpu] = taskFigures('x', [
      { wall: 120, cpu: 40 },
      { wall: 80, cpu: 60 },
      { wall: 90, cpu: 50 },
    ]);
    expect(wall).toMatchObject({ value: 90, baseline: 100, ratio: 0.9, aim: 1 });
    expect(cpu).toMatchObject({ value: 50, baseline: 100, ratio: 0.5, aim: 1 });
  });
});

describe('build folder size', () => {
  it('adds up the files under a folder, nested ones included', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'a/b'), { recursive: true });
    await writeFile(join(dir, 'x.js'), 'x'.repeat(10));
    await writeFile(join(dir, 'a/b/y.css'), 'y'.repeat(32));
    expect(await folderBytes(dir)).toBe(42);
  });
});
