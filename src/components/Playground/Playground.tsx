import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useLocation } from '@docusaurus/router';
import { allResources } from '@site/src/resources/registry';
import { SAMPLE_BASE_URL } from '@site/src/github';
import { usePlaygroundBridge } from './bridge';
import { exportBaseName, openingSql, startingResource, warmingSql } from './pageResource';
import { ConfirmDialog } from './confirm/ConfirmDialog';
import { SqlEditor } from './editor/SqlEditor';
import { takeShellDraft } from './editor/draft';
import { dropEngineAhead, startEngineAhead } from './playgroundEngine';
import { ErrorAlert } from './ErrorAlert';
import { PlanPreview } from './PlanPreview';
import { ProgressBar } from './ProgressBar';
import { ResultsBoundary } from './results/ResultsBoundary';
import { ResultsPanel } from './results/ResultsPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { readSharedSql } from './share/shareLink';
import { sharedLinkNote } from './share/shareNotes';
import { QueryPickers, RunControls } from './Toolbar';
import type { ResultDisplay } from './chart/types';
import { DataSourceBanner } from './DataSourceBanner';
import { useAnnouncement } from './announce/useAnnouncement';
import { usePlayground } from './usePlayground';
import { useCatalogue } from './useCatalogue';
import { usePlaygroundSettings } from './usePlaygroundSettings';
import styles from './styles.module.css';

/**
 * Starts the engine client and warms it with the page's query or what the reader typed, never a shared
 * link's (`warmingSql`), as this chunk arrives and before React renders it (the loader calls it;
 * playgroundEngine.ts).
 */
export function startEngine(frameUrl: string): void {
  const { pathname, hash } = window.location;
  startEngineAhead(
    frameUrl,
    warmingSql({
      draft: takeShellDraft(),
      shared: readSharedSql(hash),
      resource: startingResource(pathname, allResources()),
    }),
  );
}

export { dropEngineAhead as dropEngine };

export interface PlaygroundProps {
  /** Editor height: the side panel is shorter than the full-window page. */
  readonly editorHeight?: string;
}

/**
 * The playground's layout: settings, toolbar, editor, progress, errors and results. State lives in
 * `usePlayground`; this file only arranges it. Default export for `React.lazy`.
 */
export default function Playground({ editorHeight = '220px' }: PlaygroundProps): ReactNode {
  const settings = usePlaygroundSettings();
  const { pathname } = useLocation();
  const resource = useMemo(() => startingResource(pathname, allResources()), [pathname]);
  // A shared link fills the editor and runs nothing until the reader clicks Run.
  const [shared] = useState(() => readSharedSql(window.location.hash));
  // What the reader did in the page's own field while this loaded: their text wins.
  const [draft] = useState(takeShellDraft);
  const source = settings.useSample ? 'sample' : 'github';
  const state = usePlayground({
    // Read once: the editor keeps what the reader types.
    initialSql: openingSql({ draft, shared, resource }),
    warmSql: warmingSql({ draft, shared, resource }),
    sharedSql: shared?.sql,
    source,
    token: settings.token.token,
    apiBaseUrl: settings.apiBaseUrl,
  });
  // The results' view and chart settings: from a shared link, an example, or the reader's clicks.
  const [display, setDisplay] = useState<ResultDisplay>(
    () => shared?.display ?? { view: 'table', chart: {} },
  );
  // An example opens in its own view; one without leaves the table, JSON or requests view as it was.
  const showExample = useCallback((next: ResultDisplay | undefined) => {
    setDisplay((current) => next ?? (current.view === 'chart' ? { view: 'table', chart: {} } : current));
  }, []);
  const focusEditor = useRef<(() => void) | undefined>(undefined);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const tokenInputId = useId();
  // The banner's "Add a GitHub token": open the settings, then focus the field they now show.
  const openTokenField = (): void => {
    flushSync(() => {
      setSettingsOpen(true);
    });
    document.getElementById(tokenInputId)?.focus();
  };
  // The services the SQL names load as it is typed: completions, plan and checks then know them.
  const catalogue = useCatalogue(state.sql);
  const announcement = useAnnouncement(state.result, state.progress);
  const bridge = usePlaygroundBridge();
  const { setSql } = state;
  useEffect(() => {
    if (!bridge?.request) return;
    setSql(bridge.request.sql);
    focusEditor.current?.();
  }, [bridge?.request, setSql]);
  // A new request from the docs: its view too (adjusted while rendering, as React advises for state
  // that follows a prop, rather than in the effect).
  const [seenRequest, setSeenRequest] = useState(bridge?.request);
  if (bridge?.request !== seenRequest) {
    setSeenRequest(bridge?.request);
    if (bridge?.request) showExample(bridge.request.display);
  }

  return (
    <div className={styles.playground} data-runs={state.finished} aria-busy={state.running}>
      <DataSourceBanner
        useSample={settings.useSample}
        apiBaseUrl={settings.apiBaseUrl}
        hasToken={settings.token.token !== ''}
        tokenCheck={settings.tokenCheck}
        onAddToken={openTokenField}
      />
      {shared !== undefined && <p className={styles.hint}>{sharedLinkNote(shared)}</p>}
      <SettingsPanel
        token={settings.token}
        useSample={settings.useSample}
        onUseSample={settings.setUseSample}
        api={settings.api}
        apiBaseUrl={settings.apiBaseUrl}
        onApiBaseUrl={settings.setApiBaseUrl}
        open={settingsOpen}
        onOpenChange={setSettingsOpen}
        tokenInputId={tokenInputId}
        sql={state.sql}
        catalogue={catalogue.version}
        tokenCheck={settings.tokenCheck}
      />
      <QueryPickers state={state} resource={resource} onExample={showExample} catalogue={catalogue.version} />
      <div className={styles.editor}>
        <SqlEditor
          value={state.sql}
          onChange={state.setSql}
          onRun={() => void state.run()}
          onReady={(focus) => {
            focusEditor.current = focus;
          }}
          height={editorHeight}
          catalogue={catalogue.version}
          restore={draft}
        />
      </div>
      <RunControls state={state} display={display} />
      <PlanPreview sql={state.sql} catalogue={catalogue.version} />
      {state.progress && <ProgressBar progress={state.progress} />}
      <ErrorAlert
        error={
          state.error ?? (catalogue.failed ? { code: 'catalogue', message: catalogue.failed } : undefined)
        }
      />
      <div aria-live="polite" aria-atomic="true" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {state.outcomes && (
        <ul aria-label="What happened" className={styles.outcomes}>
          {state.outcomes.map((o) => (
            <li key={o.target.request} className={o.ok ? undefined : styles.warning}>
              {o.message}
              {settings.useSample && o.ok ? ' (sample data only; nothing was sent to GitHub)' : ''}
            </li>
          ))}
        </ul>
      )}
      <ResultsBoundary result={state.result}>
        <ResultsPanel
          result={state.result}
          log={state.log}
          engine={state.engine}
          apiBaseUrl={settings.useSample ? SAMPLE_BASE_URL : settings.apiBaseUrl}
          exportName={exportBaseName(state.sql, allResources())}
          display={display}
          onDisplay={setDisplay}
        />
      </ResultsBoundary>
      {state.pending && (
        <ConfirmDialog
          pending={state.pending}
          sample={settings.useSample}
          onConfirm={() => void state.confirmWrite()}
          onCancel={state.cancelWrite}
        />
      )}
    </div>
  );
}
