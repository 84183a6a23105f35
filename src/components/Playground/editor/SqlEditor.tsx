import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { readDraft, restoreDraft, type EditorDraft } from './draft';
import type { MonacoEditor, MonacoSqlEditorProps } from './MonacoSqlEditor';
import styles from './editor.module.css';

export interface SqlEditorProps {
  readonly value: string;
  readonly onChange: (sql: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  /** Called once the editor is on screen, so the page can focus it ("Open in playground"). */
  readonly onReady?: (focus: () => void) => void;
  readonly height: string;
  /** The catalogue's version (`useCatalogue`): a service the text names that arrives rechecks it. */
  readonly catalogue: number;
  /** What the reader did in the page's own field before the playground was up (draft.ts). */
  readonly restore?: EditorDraft;
}

type MonacoModule = typeof import('./MonacoSqlEditor');
type MonacoComponent = (props: MonacoSqlEditorProps) => ReactNode;

/** The longest Monaco waits for the page to be idle before it loads anyway. */
const MONACO_WAIT_MS = 1_000;

let monacoModule: MonacoModule | undefined;
let monacoLoading: Promise<MonacoModule> | undefined;

/**
 * Loads Monaco (its own chunk, megabytes), once. The editor calls it once the playground is on
 * screen; until Monaco is up, the editor is a plain field that takes typing and runs queries.
 */
export function loadMonacoEditor(): Promise<MonacoModule> {
  monacoLoading ??= import(/* webpackChunkName: "sql-editor" */ './MonacoSqlEditor').then(
    (m) => {
      monacoModule = m;
      return m;
    },
    (error: unknown) => {
      // A lost connection or a chunk gone after a deploy: the next editor tries again.
      monacoLoading = undefined;
      throw error;
    },
  );
  return monacoLoading;
}

/**
 * The SQL editor: a plain `<textarea>` at once, which Monaco takes over when it is up, with the text,
 * the selection and the focus the reader left in it. Both are named "SQL query"; while Monaco starts it
 * is laid out under the field but hidden and inert, so there is only ever one such textbox. Either
 * runs the query with Ctrl/Cmd+Enter.
 */
export function SqlEditor({
  value,
  onChange,
  onRun,
  onReady,
  height,
  catalogue,
  restore,
}: SqlEditorProps): ReactNode {
  const [Monaco, setMonaco] = useState<MonacoComponent | undefined>(() => monacoModule?.MonacoSqlEditor);
  const [failed, setFailed] = useState(false);
  const [tookOver, setTookOver] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const pending = useRef<HTMLDivElement>(null);
  const editor = useRef<MonacoEditor | undefined>(undefined);

  // Monaco once the playground is on screen and the page has a moment: its start-up is the longest
  // task of the playground's, and a Run clicked at once should not wait behind it.
  useEffect(() => {
    if (Monaco) return;
    let live = true;
    const start = (): void => {
      loadMonacoEditor().then(
        (m) => {
          if (live) setMonaco(() => m.MonacoSqlEditor);
        },
        () => {
          // The plain field keeps working (typing, Ctrl+Enter); only completions and underlines are missing.
          if (live) setFailed(true);
        },
      );
    };
    const idle = typeof window.requestIdleCallback === 'function';
    const handle = idle
      ? window.requestIdleCallback(start, { timeout: MONACO_WAIT_MS })
      : window.setTimeout(start, 0);
    return () => {
      live = false;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [Monaco]);

  // The page's own field's selection and focus (its text is already `value`), when the reader was in
  // it: restoring sets the selection, which makes the browser lay the page out at once.
  useLayoutEffect(() => {
    if (restore && (restore.focused || restore.edited) && field.current) restoreDraft(field.current, restore);
    // Once, as the field first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    onReady?.(() => {
      (editor.current ?? field.current)?.focus();
    });
    // Once: the focus function reads the refs when it is called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /**
   * Monaco is up: it takes the field's draft, shows, and the field goes, all in this one task, so
   * no keystroke falls between them.
   */
  const onEditor = (instance: MonacoEditor): void => {
    editor.current = instance;
    const plain = field.current;
    const box = pending.current;
    if (box) {
      box.classList.remove(styles.pending ?? '');
      box.inert = false;
      box.removeAttribute('aria-hidden');
    }
    if (plain) {
      const draft = readDraft(plain);
      plain.style.display = 'none';
      // Loaded: Monaco is only rendered once its module is.
      monacoModule?.takeDraft(instance, draft);
    }
    setTookOver(true);
  };

  const run = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    }
  };

  return (
    <div className={styles.frame}>
      {!tookOver && (
        <textarea
          ref={field}
          className={styles.plain}
          style={{ height }}
          aria-label="SQL query"
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
          onKeyDown={run}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          wrap="soft"
        />
      )}
      {Monaco && (
        <div
          ref={pending}
          className={tookOver ? undefined : styles.pending}
          inert={!tookOver}
          aria-hidden={tookOver ? undefined : true}
        >
          <Monaco
            value={value}
            onChange={onChange}
            onRun={onRun}
            onEditor={onEditor}
            height={height}
            catalogue={catalogue}
          />
        </div>
      )}
      {failed && !tookOver && (
        <p className={styles.note}>
          The code editor could not be loaded: this plain field runs queries just the same.
        </p>
      )}
    </div>
  );
}
