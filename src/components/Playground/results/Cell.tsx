import type { ReactNode } from 'react';
import { cellText } from './exporters';
import { safeLink } from './safeLink';
import styles from './results.module.css';

/** Characters of compact JSON shown before a cell offers to expand. */
const COMPACT = 60;

export interface CellProps {
  readonly value: unknown;
  readonly apiBaseUrl: string;
  /** Shows a long JSON value in full, below the table (rows keep one height, for fast scrolling). */
  readonly onInspect?: (value: object) => void;
}

/**
 * One result cell. Everything is rendered as React text (never HTML); objects and arrays show as
 * compact JSON that expands below the table; only https URLs on GitHub or the API host become links.
 */
export function Cell({ value, apiBaseUrl, onInspect }: CellProps): ReactNode {
  if (value === null || value === undefined) return <span className={styles.null}>NULL</span>;
  if (typeof value === 'object') return <JsonCell value={value} onInspect={onInspect} />;
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

function JsonCell({
  value,
  onInspect,
}: {
  readonly value: object;
  readonly onInspect?: (value: object) => void;
}): ReactNode {
  const compact = JSON.stringify(value);
  if (compact.length <= COMPACT || !onInspect) return <code className={styles.json}>{compact}</code>;
  return (
    <span className={styles.jsonCell}>
      <button
        type="button"
        className={styles.expand}
        onClick={() => {
          onInspect(value);
        }}
      >
        Expand
      </button>
      <code className={styles.json}>{`${compact.slice(0, COMPACT)}…`}</code>
    </span>
  );
}
