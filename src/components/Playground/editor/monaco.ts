/**
 * The locally bundled Monaco: the editor core, the contributions a SQL editor uses, and the SQL
 * language only. Importing `monaco-editor` whole would pull in the TypeScript, JSON, CSS and HTML
 * workers (megabytes the playground never uses), and `@monaco-editor/react` would otherwise fetch
 * Monaco from a CDN, which fails offline and breaks the site's no-third-party rule.
 *
 * Each contribution is weight every reader of a resource page downloads (issue 13), so only those the
 * playground's readers use are here: completions (suggest, with snippet, which inserts them), hovers,
 * find, comment toggling, clipboard and its context menu, bracket matching, cursor undo, word moves
 * (Ctrl+Left/Right/Backspace), line moves and copies (Alt+Up/Down, Shift+Alt+Up/Down, Ctrl+Shift+K),
 * multiple cursors (Ctrl+D), indentation, the placeholder, tokenization, the read-only message and
 * gotoError (F8 through the diagnostics). Left out: wordHighlighter (highlighting the other
 * occurrences of a word; 17 KB minified). Parts of Monaco's core the editor never runs (diff editors,
 * GPU rendering, the EditContext input path, quick input, tree-sitter, the code-action menu) are
 * replaced at build time in docusaurus.config.ts (`MONACO_STUBS`).
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { loader } from '@monaco-editor/react';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/codeEditor/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/placeholderText/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/tokenization/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/readOnlyMessage/register.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/languages/definitions/sql/register.js';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// Only the generic editor worker (diffing, word ranges); no language workers.
window.MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' }),
};

loader.config({ monaco });

export { monaco };
