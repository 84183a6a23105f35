import { useEffect, useState, type ReactNode } from 'react';
import type { RunProgress } from './run/types';
import styles from './styles.module.css';

function seconds(ms: number): string {
  return `${(Math.max(ms, 0) / 1000).toFixed(1)} s`;
}

/** Pages and rows so far, elapsed time, the rate-limit budget and any wait GitHub asked for. */
export function ProgressBar({ progress }: { readonly progress: RunProgress }): ReactNode {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  const { fetch, wait } = progress;
  const max = fetch?.lastPage;
  const parts = [
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
  const waiting =
    wait && wait.until > now
      ? `Waiting ${seconds(wait.until - now)} (${wait.reason === 'rate-limit' ? 'GitHub rate limit' : wait.reason === 'retry' ? 'retrying after an error' : 'spacing writes'}). Cancel to stop.`
      : '';
  return (
    <div className={styles.progress}>
      <progress aria-label="Query progress" max={max ?? undefined} value={max ? fetch.pages : undefined} />
      <span>{parts.join(' · ')}</span>
      {waiting && <strong className={styles.warning}>{waiting}</strong>}
    </div>
  );
}
