import { useState, type ReactNode } from 'react';
import { cellText } from './exporters';
import { safeLink } from './safeLink';
import styles from './results.module.css';

/** Characters of compact JSON shown before a cell offers to expand. */
const COMPACT = 60;

export interface CellProps {
  readonly value: unknown;
  readonly apiBaseUrl: string;
}

/**
 * One result cell. Everything is rendered as React text (never HTML); objects and arrays show as
 * compact JSON that expands; only https URLs on GitHub or the API host become links.
 */
export function Cell({ value, apiBaseUrl }: CellProps): ReactNode {
  if (value === null || value === undefined) return <span className={styles.null}>NULL</span>;
  if (typeof value === 'object') return <JsonCell value={value} />;
  if (typeof value === 'string') {
    const href = safeLink(value, apiBaseUrl);
    if (href)
      return (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {value}
        </a>
      );
    return <span className={styles.text}>{value}</span>;
  }
  return cellText(value);
}

function JsonCell({ value }: { readonly value: object }): ReactNode {
  const [open, setOpen] = useState(false);
  const compact = JSON.stringify(value);
  if (compact.length <= COMPACT && !open) return <code className={styles.json}>{compact}</code>;
  return (
    <span className={styles.jsonCell}>
      <button
        type="button"
        className={styles.expand}
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
        }}
      >
        {open ? 'Collapse' : 'Expand'}
      </button>
      {open ? (
        <pre className={styles.jsonPre}>{JSON.stringify(value, null, 2)}</pre>
      ) : (
        <code className={styles.json}>{`${compact.slice(0, COMPACT)}…`}</code>
      )}
    </span>
  );
}
