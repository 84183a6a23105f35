import type { ReactNode } from 'react';
import { toCurl, type RequestLogEntry } from '@site/src/github';
import { copyText } from '../../CopyableCode/copyText';
import styles from './results.module.css';

function cacheLabel(e: RequestLogEntry): string {
  if (e.fromCache) return 'cache';
  if (e.revalidated) return 'revalidated (304)';
  return e.attempt > 1 ? `retry ${e.attempt - 1}` : '';
}

/** Every HTTP call of the last run: never the token; "copy as curl" writes `$GITHUB_TOKEN` in its place. */
export function RequestLog({ entries }: { readonly entries: readonly RequestLogEntry[] }): ReactNode {
  if (entries.length === 0) return <p>No requests in the last run.</p>;
  return (
    <table className={styles.log} aria-label="Request log">
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">URL</th>
          <th scope="col">Status</th>
          <th scope="col">Time</th>
          <th scope="col">Cache</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={i}>
            <td>{e.method}</td>
            <td className={styles.url}>{e.url}</td>
            <td>{e.status ?? e.error ?? '—'}</td>
            <td>{Math.round(e.ms)} ms</td>
            <td>{cacheLabel(e)}</td>
            <td>
              <button
                type="button"
                className="button button--sm button--link"
                onClick={() => {
                  void copyText(toCurl(e));
                }}
              >
                Copy as curl
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
