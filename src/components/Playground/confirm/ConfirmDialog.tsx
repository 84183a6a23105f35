import { useEffect, useRef, type ReactNode } from 'react';
import type { PendingWrite } from '../run/writes';
import styles from '../styles.module.css';
import { confirmTitle, scopesText, targetLabel } from './confirmText';

export interface ConfirmDialogProps {
  readonly pending: PendingWrite;
  readonly sample: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * The only way a DELETE or EXEC is sent: a modal listing the exact requests (with their JSON body, an
 * EXEC's `@@json` or `data__` params), what they touch (from the catalogue: a version's name and tags;
 * a package and how many versions go with it) and the scopes they need. Escape and Cancel send nothing. The title and every line
 * say what each request's HTTP method does (`confirmText.ts`), not what the statement's keyword was.
 */
export function ConfirmDialog({ pending, sample, onConfirm, onCancel }: ConfirmDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Focus the safe choice first, as the WAI-ARIA dialog pattern advises for destructive actions.
    cancel.current?.focus();
  }, []);
  const count = pending.targets.length;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{confirmTitle(pending.targets)}</h2>
      {sample && <p>This changes the built-in sample data in this tab only; nothing is sent to GitHub.</p>}
      <p>
        Confirm sends exactly {count === 1 ? 'this request' : `these ${count} requests`}, one at a time. It
        needs {scopesText(pending.scopes)}.
      </p>
      <ul className={styles.targets}>
        {pending.targets.map((t) => (
          <li key={t.request}>
            <code className={styles.request}>{t.request}</code>
            {t.body && (
              <div>
                with the JSON body <code className={styles.request}>{JSON.stringify(t.body)}</code>
              </div>
            )}
            <div>
              {targetLabel(t)}
              {t.name !== undefined && !t.subject.key.includes(t.name) && (
                <>
                  {' '}
                  · name <code>{t.name}</code>
                </>
              )}
              {t.tags && t.tags.length > 0 && (
                <>
                  {' '}
                  · tags{' '}
                  {t.tags.map((tag) => (
                    <code key={tag}>{tag}</code>
                  ))}
                </>
              )}
              {t.lookupError && (
                <span className={styles.warning}> · could not look it up: {t.lookupError}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className={styles.inline}>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Confirm
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} ref={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
