import { useEffect, useRef, useState } from 'react';
import { resultSummary } from '../results/resultSummary';
import { progressMilestone } from '../run/progressText';
import type { QueryResult, RunProgress } from '../run/types';

/**
 * What screen readers hear about a run, once per milestone: the first rows of a long list, a wait
 * GitHub asked for, where a long run has got to (at most every ten seconds, see progressMilestone),
 * and the final result (partial included). The visible status line changes with every page;
 * announcing each change would read a long list out page by page.
 */
export function useAnnouncement(result: QueryResult | undefined, progress: RunProgress | undefined): string {
  const [message, setMessage] = useState('');
  const sawInterim = useRef(false);
  const lastAt = useRef(0);
  useEffect(() => {
    if (!result) return;
    if (result.interim) {
      if (sawInterim.current) return;
      sawInterim.current = true;
      lastAt.current = Date.now();
      setMessage(resultSummary(result));
      return;
    }
    sawInterim.current = false;
    lastAt.current = Date.now();
    setMessage(resultSummary(result));
  }, [result]);
  useEffect(() => {
    if (!progress || progress.wait) return;
    const now = Date.now();
    const milestone = progressMilestone(progress, now, lastAt.current);
    if (milestone === undefined) return;
    lastAt.current = now;
    setMessage(milestone);
  }, [progress]);
  const waitUntil = progress?.wait?.until;
  const waitReason = progress?.wait?.reason;
  useEffect(() => {
    if (waitUntil === undefined) return;
    const seconds = Math.max(1, Math.round((waitUntil - Date.now()) / 1000));
    const why = waitReason === 'rate-limit' ? "GitHub's rate limit" : 'a retry after an error';
    lastAt.current = Date.now();
    setMessage(`Waiting ${seconds} s for ${why}. Cancel query stops it.`);
  }, [waitUntil, waitReason]);
  return message;
}
