import type { RunProgress } from './types';

/** Seconds with one decimal: `2.4 s`. */
export function seconds(ms: number): string {
  return `${(Math.max(ms, 0) / 1000).toFixed(1)} s`;
}

/**
 * A run's progress as short parts, in the order a reader wants them: what it is doing, which call or
 * key, pages and rows so far, time elapsed, the rate-limit budget. The progress bar joins them with
 * `·`; the screen-reader milestones say the same words.
 */
export function progressParts(progress: RunProgress, now: number): string[] {
  const { fetch } = progress;
  const max = fetch?.lastPage;
  return [
    progress.phase === 'querying'
      ? 'Running the query'
      : progress.phase === 'writing'
        ? 'Sending'
        : 'Fetching',
    progress.unit
      ? `${progress.unit.name} ${progress.unit.index + 1} of ${progress.unit.count}`
      : progress.calls > 1
        ? `call ${progress.callIndex + 1} of ${progress.calls}`
        : '',
    fetch ? `${fetch.pages}${max ? ` of ${max}` : ''} pages, ${fetch.rows} rows` : '',
    seconds(now - progress.startedAt),
    fetch?.rateLimit ? `rate limit: ${fetch.rateLimit.remaining} left` : '',
  ].filter(Boolean);
}

/** How long a run goes on between two progress announcements to screen readers. */
export const MILESTONE_INTERVAL_MS = 10_000;

/**
 * What to announce about a long run's progress, at most once per MILESTONE_INTERVAL_MS since the run
 * started or since the last announcement (`lastAt`); undefined when it is not yet time.
 */
export function progressMilestone(progress: RunProgress, now: number, lastAt: number): string | undefined {
  if (now - Math.max(progress.startedAt, lastAt) < MILESTONE_INTERVAL_MS) return undefined;
  // Without the rate-limit budget: a number that changes every page is noise when read aloud.
  const [doing = 'Fetching', ...rest] = progressParts(progress, now).filter(
    (part) => !part.startsWith('rate limit'),
  );
  return `Still ${doing.toLowerCase()}: ${rest.join(', ')}.`;
}
