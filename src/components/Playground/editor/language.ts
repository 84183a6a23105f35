import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { ResourceDef } from '@site/src/resources/types';
import { completionEntries, hoverText, type CompletionEntry } from './completions';

let registered = false;

function kindOf(monaco: typeof Monaco, kind: CompletionEntry['kind']): Monaco.languages.CompletionItemKind {
  const k = monaco.languages.CompletionItemKind;
  const map = {
    resource: k.Module,
    field: k.Field,
    param: k.Variable,
    method: k.Method,
    value: k.EnumMember,
    keyword: k.Keyword,
    function: k.Function,
  };
  return map[kind];
}

/** Registers completions and hovers for SQL that know the resource; once per page, as Monaco's registry is global. */
export function registerSqlLanguage(monaco: typeof Monaco, resource: ResourceDef): void {
  if (registered) return;
  registered = true;
  const entries = completionEntries(resource);
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', "'", ' '],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      return {
        suggestions: entries.map((e) => ({
          label: e.label,
          kind: kindOf(monaco, e.kind),
          insertText: e.insertText,
          detail: e.detail,
          documentation: e.documentation,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider('sql', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const text = word ? hoverText(resource, word.word) : undefined;
      if (!word || !text) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: text }],
      };
    },
  });
}
