import { useState, type ReactNode } from 'react';
import { methodExamples } from '@site/src/resources/examples';
import { orgVersions } from '@site/src/resources/orgVersions';
import { copyText } from '../CopyableCode/copyText';
import { buildShareLink } from './share/shareLink';
import { copyLinkNote } from './share/shareNotes';
import type { PlaygroundState } from './usePlayground';
import styles from './styles.module.css';

const EXAMPLES = [
  ...methodExamples(orgVersions),
  {
    title: 'Tags of each image (JSON)',
    method: 'json',
    sql: "SELECT id, json_extract(metadata, '$.container.tags') AS tags, json_array_length(metadata, '$.container.tags') AS tag_count\nFROM github.packages.org_versions\nWHERE org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container'\nORDER BY tag_count DESC\nLIMIT 20;",
  },
  { title: 'SHOW METHODS', method: 'show', sql: 'SHOW METHODS IN github.packages.org_versions;' },
  { title: 'DESCRIBE', method: 'describe', sql: 'DESCRIBE github.packages.org_versions;' },
];

/** Run, Cancel, Copy link, and the example and history pickers. */
export function Toolbar({ state }: { readonly state: PlaygroundState }): ReactNode {
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
          const link = buildShareLink(window.location.href, state.sql);
          void copyText(link.url).then((ok) => {
            setNote(copyLinkNote(ok, link));
          });
        }}
      >
        Copy link
      </button>
      <select
        aria-label="Examples"
        className={styles.select}
        value=""
        onChange={(e) => {
          const example = EXAMPLES.find((x) => x.title === e.target.value);
          if (example) state.setSql(example.sql);
        }}
      >
        <option value="">Examples…</option>
        {EXAMPLES.map((x) => (
          <option key={x.title} value={x.title}>
            {x.title}
          </option>
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
      <span aria-live="polite" className={styles.hint}>
        {note}
      </span>
    </div>
  );
}
