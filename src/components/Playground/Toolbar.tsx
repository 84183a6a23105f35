import { useMemo, useState, type ReactNode } from 'react';
import { allResources } from '@site/src/resources/registry';
import type { ResourceDef } from '@site/src/resources/types';
import { copyText } from '../CopyableCode/copyText';
import type { ResultDisplay } from './chart/types';
import { exampleByKey, exampleDisplay, exampleGroups, exampleKey } from './exampleList';
import { buildShareLink } from './share/shareLink';
import { copyLinkNote } from './share/shareNotes';
import type { PlaygroundState } from './usePlayground';
import styles from './styles.module.css';

export interface ToolbarProps {
  readonly state: PlaygroundState;
  /** The resource the page is about: its examples come first. */
  readonly resource?: ResourceDef;
  /** An example was picked: the view it opens in (undefined: an example with no view of its own). */
  readonly onExample: (display: ResultDisplay | undefined) => void;
  /** The catalogue's version: the examples of each service the page has loaded. */
  readonly catalogue?: number;
}

export interface RunControlsProps {
  readonly state: PlaygroundState;
  /** The results' view and chart settings: a link carries them when the Chart view is on. */
  readonly display: ResultDisplay;
}

/**
 * Run, Cancel, Refresh and Copy link: after the editor in the page and in the focus order, so a
 * keyboard reader goes editor → Run → results → exports.
 */
export function RunControls({ state, display }: RunControlsProps): ReactNode {
  const [note, setNote] = useState('');
  return (
    <div className={styles.toolbar}>
      <button
        type="button"
        className="button button--primary button--sm"
        onClick={() => void state.run()}
        disabled={state.running}
        title="Run (Ctrl+Enter)"
      >
        Run query
      </button>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={state.cancel}
        disabled={!state.running}
      >
        Cancel query
      </button>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => void state.run({ refresh: true })}
        disabled={state.running}
        title="Run again, revalidating cached pages with GitHub"
      >
        Refresh data
      </button>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => {
          const link = buildShareLink(window.location.href, state.sql, display);
          void copyText(link.url).then((ok) => {
            setNote(copyLinkNote(ok, link));
          });
        }}
      >
        Copy link
      </button>
      <span aria-live="polite" className={styles.hint}>
        {note}
      </span>
    </div>
  );
}

/** The example (every resource's, from the catalogue) and history pickers: they fill the editor. */
export function QueryPickers({ state, resource, onExample, catalogue }: ToolbarProps): ReactNode {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `catalogue` changes when allResources() does
  const groups = useMemo(() => exampleGroups(allResources(), resource), [resource, catalogue]);
  return (
    <div className={styles.toolbar}>
      <select
        aria-label="Examples"
        className={styles.select}
        value=""
        onChange={(e) => {
          const example = exampleByKey(groups, e.target.value);
          if (!example) return;
          state.setSql(example.sql);
          onExample(exampleDisplay(example));
        }}
      >
        <option value="">Examples…</option>
        {groups.map((g) => (
          <optgroup key={g.resource.id} label={g.resource.name}>
            {g.examples.map((x, i) => (
              <option key={exampleKey(g, i)} value={exampleKey(g, i)}>
                {x.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select
        aria-label="History"
        className={styles.select}
        value=""
        disabled={state.history.length === 0}
        onChange={(e) => {
          if (e.target.value) state.setSql(e.target.value);
        }}
      >
        <option value="">History ({state.history.length})…</option>
        {state.history.map((q) => (
          <option key={q} value={q}>
            {q.replace(/\s+/g, ' ').slice(0, 80)}
          </option>
        ))}
      </select>
    </div>
  );
}
