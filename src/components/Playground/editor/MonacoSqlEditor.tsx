import { useEffect, useRef, useState, type ReactNode } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useColorMode } from '@docusaurus/theme-common';
import { allResourcesAndAliases } from '@site/src/resources/registry';
import { diagnose, diagnosticsDelay } from './diagnostics';
import type { EditorDraft } from './draft';
import { positionAt } from './draft';
import { monaco } from './monaco';
import { registerSqlLanguage } from './language';
import { catalogueReadyFor } from '../useCatalogue';

/** The editor instance `MonacoSqlEditor` hands on once it is up. */
export type MonacoEditor = Parameters<OnMount>[0];

export interface MonacoSqlEditorProps {
  readonly value: string;
  readonly onChange: (sql: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  /** Called once, when the editor is up (it may then take over from the plain field). */
  readonly onEditor: (editor: MonacoEditor) => void;
  readonly height: string;
  /** The catalogue's version (`useCatalogue`): a service the text names that arrives rechecks it. */
  readonly catalogue: number;
}

const OWNER = 'stackql';
const LIGHT_THEME = 'stackql-light';
const DARK_THEME = 'stackql-dark';

/**
 * Monaco's own themes with the SQL colours that miss WCAG AA contrast replaced: strings are #FF0000
 * (4.0:1 on white, 4.16:1 on the dark background) and operators such as AND #778899 (3.6:1 on white).
 */
function defineThemes(): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    colors: {},
    rules: [
      { token: 'string.sql', foreground: 'A31515' }, // 7.8:1
      { token: 'operator.sql', foreground: '5C6670' }, // 5.9:1
    ],
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    colors: {},
    rules: [
      { token: 'string.sql', foreground: 'CE9178' }, // 6.3:1
      { token: 'operator.sql', foreground: '9AA5B1' },
    ],
  });
}

/** One object for every render: a new one would make the wrapper update Monaco's options each time. */
const OPTIONS = {
  ariaLabel: 'SQL query',
  minimap: { enabled: false },
  fontSize: 14,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  automaticLayout: true,
  fixedOverflowWidgets: true,
  // Tab moves focus on, as in any form; SQL needs no tab characters (Ctrl+M toggles this).
  tabFocusMode: true,
  accessibilitySupport: 'auto',
  // The hidden-textarea input path: the EditContext API drops keystrokes under fast input
  // (automation, some IMEs) in current Chromium.
  editContext: false,
} as const;

/**
 * Gives Monaco the plain field's draft: its text (when it differs), its selection and its focus, so a
 * reader typing while Monaco started loses nothing.
 */
export function takeDraft(editor: MonacoEditor, draft: EditorDraft): void {
  const model = editor.getModel();
  if (!model) return;
  if (model.getValue() !== draft.value) editor.setValue(draft.value);
  const start = positionAt(draft.value, draft.selectionStart);
  const end = positionAt(draft.value, draft.selectionEnd);
  const [anchor, active] = draft.selectionDirection === 'backward' ? [end, start] : [start, end];
  editor.setSelection({
    selectionStartLineNumber: anchor.lineNumber,
    selectionStartColumn: anchor.column,
    positionLineNumber: active.lineNumber,
    positionColumn: active.column,
  });
  editor.revealPosition({ lineNumber: active.lineNumber, column: active.column });
  if (draft.focused) editor.focus();
}

/**
 * Monaco for StackQL SQL: completions and hovers from the catalogue (every resource and the names
 * today's StackQL gives them, the statement's tables and their aliases), the planner's errors
 * underlined as you type (parse errors, forbidden constructs, missing or bad params), Ctrl/Cmd+Enter
 * runs. Loaded as a chunk of its own after the playground is on screen (`SqlEditor`).
 */
export function MonacoSqlEditor({
  value,
  onChange,
  onRun,
  onEditor,
  height,
  catalogue,
}: MonacoSqlEditorProps): ReactNode {
  const { colorMode } = useColorMode();
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  const editorRef = useRef<MonacoEditor | undefined>(undefined);
  // How long the last check took: a slow one spaces out the next (see diagnosticsDelay).
  const lastCheckMs = useRef(0);
  // The first check waits for the editor: text that is there before it mounts (a shared link, an
  // example) is underlined too.
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    setMounted(true);
    registerSqlLanguage(monaco, allResourcesAndAliases);
    // addAction binds the key to this editor only, not to every Monaco on the page.
    editor.addAction({
      id: 'stackql.run',
      label: 'Run query',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => {
        runRef.current();
      },
    });
    onEditor(editor);
  };

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const model = editorRef.current?.getModel();
      // A service the text names is still loading: the check comes when it arrives (`catalogue`).
      if (!model || !catalogueReadyFor(value)) return;
      const { error, elapsedMs } = diagnose(value);
      lastCheckMs.current = elapsedMs;
      const markers: Parameters<typeof monaco.editor.setModelMarkers>[2] = [];
      if (error) {
        const { line = 1, column = 1, endLine, endColumn, message } = error;
        const lastLine = endLine ?? line;
        markers.push({
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: lastLine,
          endColumn: endColumn ?? model.getLineMaxColumn(lastLine),
        });
      }
      monaco.editor.setModelMarkers(model, OWNER, markers);
    }, diagnosticsDelay(lastCheckMs.current));
    return () => {
      window.clearTimeout(timer);
    };
  }, [value, mounted, catalogue]);

  return (
    <Editor
      height={height}
      language="sql"
      value={value}
      theme={colorMode === 'dark' ? DARK_THEME : LIGHT_THEME}
      beforeMount={defineThemes}
      onChange={(v) => {
        onChange(v ?? '');
      }}
      onMount={onMount}
      // The plain field is on screen while Monaco starts (SqlEditor): nothing to show here.
      loading={null}
      options={OPTIONS}
    />
  );
}
