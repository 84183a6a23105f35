import type { ReactNode } from 'react';
import styles from './styles.module.css';

/**
 * Shown instead of the playground when another site frames the page. The playground holds the
 * reader's token and sends requests on a click, so a page that frames it could trick those clicks
 * (clickjacking); a `<meta>` CSP cannot carry `frame-ancestors`, so the page refuses instead.
 */
export function FramedNotice(): ReactNode {
  return (
    <div className={styles.placeholder} role="alert">
      The SQL playground does not run inside another site&apos;s page.{' '}
      <a href={window.location.href} target="_blank" rel="noopener noreferrer">
        Open this page in its own tab
      </a>{' '}
      to use it.
    </div>
  );
}
