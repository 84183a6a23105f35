import type { SqlError } from '@site/src/sql/errors';
import { planQuery } from '@site/src/sql/plan';

/** How long typing must pause before the SQL is checked again. */
export const DIAGNOSTICS_DELAY_MS = 250;
/** The longest wait, however slow the last check was: the underline should still follow the text. */
export const MAX_DIAGNOSTICS_DELAY_MS = 2_000;

/** The planner's error to underline in the editor, and how long finding it took. */
export interface Diagnosis {
  /** Undefined when the text plans, or is empty (nothing to underline while the reader starts). */
  readonly error?: SqlError;
  readonly elapsedMs: number;
}

/**
 * Plans `text` for the editor's underline. planQuery is bounded by the size and nesting limits
 * (an oversized text is refused in constant time, before it is read), so this never blocks typing
 * for long, and it never throws.
 */
export function diagnose(text: string, now: () => number = () => performance.now()): Diagnosis {
  const start = now();
  const planned = planQuery(text);
  const elapsedMs = now() - start;
  if (planned.ok || planned.error.code === 'empty') return { elapsedMs };
  return { error: planned.error, elapsedMs };
}

/**
 * The pause to wait for before the next check, given how long the last one took: a query near the
 * limits takes ~100 ms to plan, and checking it at every short pause would make typing stutter, so
 * the main thread spends at most about a fifth of the time on diagnostics.
 */
export function diagnosticsDelay(lastElapsedMs: number): number {
  const scaled = Number.isFinite(lastElapsedMs) ? lastElapsedMs * 4 : MAX_DIAGNOSTICS_DELAY_MS;
  return Math.min(Math.max(DIAGNOSTICS_DELAY_MS, scaled), MAX_DIAGNOSTICS_DELAY_MS);
}
