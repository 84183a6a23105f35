import type { ReactNode } from 'react';
import type { PlaygroundError } from './run/types';
import styles from './styles.module.css';

/** The last error, where screen readers announce it; the SQL and the last result stay as they were. */
export function ErrorAlert({ error }: { readonly error: PlaygroundError | undefined }): ReactNode {
  return (
    <div role="alert" className={error ? styles.alert : undefined}>
      {error && (
        <>
          <strong>
            {error.line !== undefined ? `Line ${error.line}, column ${error.column ?? 1}: ` : ''}
          </strong>
          {error.message}
          {error.helpUrl?.startsWith('https://') && (
            <>
              {' '}
              <a href={error.helpUrl} target="_blank" rel="noopener noreferrer">
                More
              </a>
            </>
          )}
        </>
      )}
    </div>
  );
}
