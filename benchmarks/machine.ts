/** What the bench ran on: figures from a 2-core shared VM and a laptop must never be compared blindly. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import type { Machine } from './results';

function quiet(run: () => string, fallback: string): string {
  try {
    return run().trim() || fallback;
  } catch {
    return fallback;
  }
}

/** The machine, with the browser the browser figures ran in (`unknown` where something is missing). */
export function describeMachine(chromiumPath: string | undefined): Machine {
  const cpuinfo = quiet(() => readFileSync('/proc/cpuinfo', 'utf8'), '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  // `free -h`'s "Mem:" total, as a person reads it; total memory in GiB where there is no `free`.
  const free = quiet(() => execFileSync('free', ['-h'], { encoding: 'utf8' }), '');
  const memory = /^Mem:\s+(\S+)/m.exec(free)?.[1] ?? `${(totalmem() / 2 ** 30).toFixed(1)}Gi`;
  const chromium = chromiumPath
    ? quiet(
        () =>
          execFileSync(chromiumPath, ['--version'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          }),
        'unknown',
      )
    : 'not used';
  return {
    cpus: availableParallelism(),
    cpuModel: model.trim(),
    memory,
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
  };
}
