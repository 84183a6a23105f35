// Monaco's editor worker, bundled locally by webpack (see monaco.ts).
import 'monaco-editor/editor/editor.worker.js';
