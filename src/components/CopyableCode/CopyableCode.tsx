import { Fragment, type ReactNode } from 'react';
import clsx from 'clsx';
import { useCopy } from './useCopy';
import styles from './styles.module.css';

export interface CopyableCodeProps {
  /** The text shown as code and put on the clipboard. */
  readonly code: string;
  readonly className?: string;
}

const FEEDBACK = { idle: '', copied: 'Copied', failed: 'Press Ctrl+C to copy' } as const;

/**
 * A name shown as inline code that copies itself on click, Enter or Space. A real `<button>`, so it
 * is in the tab order; the feedback sits in an aria-live region so screen readers announce it.
 * Default export because the provider's MDX pages import it by this path.
 */
export default function CopyableCode({ code, className }: CopyableCodeProps): ReactNode {
  const { state, copy } = useCopy(code);
  return (
    <span className={clsx(styles.wrapper, className)}>
      <button
        type="button"
        className={clsx(styles.button, state === 'copied' && styles.copied)}
        onClick={copy}
        aria-label={`Copy ${code}`}
        title="Copy to clipboard"
      >
        <code className={styles.code}>{withBreaks(code)}</code>
        <CopyIcon done={state === 'copied'} />
      </button>
      <span className={styles.feedback} aria-live="polite">
        {FEEDBACK[state]}
      </span>
    </span>
  );
}

function CopyIcon({ done }: { readonly done: boolean }): ReactNode {
  return (
    <svg
      className={styles.icon}
      viewBox="0 0 24 24"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {done ? (
        <path fill="currentColor" d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59 21 7Z" />
      ) : (
        <path
          fill="currentColor"
          d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"
        />
      )}
    </svg>
  );
}

/** Lets long snake_case and dotted names wrap after `_` and `.` instead of mid-word. */
function withBreaks(code: string): ReactNode {
  return code.split(/(?<=[_.])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
