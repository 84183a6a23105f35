import { useEffect, useState, type ReactNode } from 'react';
import { progressParts, seconds } from './run/progressText';
import type { RunProgress } from './run/types';
import styles from './styles.module.css';

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
  const parts = progressParts(progress, now);
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
