import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { ResourceDef } from '@site/src/resources/types';
import { completionsAt, providerServiceIds, type CompletionEntry } from './completions';
import { loadServicesFor } from '@site/src/resources/registry';
import { hoverAt } from './hovers';

let registered = false;

function kindOf(monaco: typeof Monaco, kind: CompletionEntry['kind']): Monaco.languages.CompletionItemKind {
  const k = monaco.languages.CompletionItemKind;
  const map = {
    resource: k.Module,
    alias: k.Reference,
    field: k.Field,
    param: k.Variable,
    method: k.Method,
    value: k.EnumMember,
    keyword: k.Keyword,
    function: k.Function,
  };
  return map[kind];
}

/**
 * Registers completions and hovers for SQL that know every resource of the catalogue, the statement's
 * tables and their aliases; once per page, as Monaco's registry is global. The work is in the pure
 * `completionsAt` and `hoverAt`, which read the model's text around the cursor.
 */
export function registerSqlLanguage(monaco: typeof Monaco, resources: () => readonly ResourceDef[]): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', "'", ' ', '@'],
    async provideCompletionItems(model, position) {
      // The services the text names load first (`github.actions.` lists actions' resources).
      await loadServicesFor(model.getValue()).catch(() => false);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const entries = completionsAt(
        model.getValue(),
        model.getOffsetAt(position),
        resources(),
        providerServiceIds(),
      );
      return {
        suggestions: entries.map((e, i) => ({
          // The detail as the label's description, shown on every row and part of each option's
          // accessible name ("id, integer, Field"); as a plain `detail` it shows on the selected row
          // only and is missing from that name. Its leading space keeps the row's text two words
          // ("id integer", not "idinteger") for what reads the text rather than the layout.
          label: { label: e.label, description: ` ${e.detail}` },
          kind: kindOf(monaco, e.kind),
          insertText: e.insertText,
          documentation: e.documentation,
          // The order completionsAt chose (aliases and columns before keywords), not alphabetical.
          sortText: String(i).padStart(5, '0'),
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider('sql', {
    provideHover(model, position) {
      const hover = hoverAt(model.getValue(), model.getOffsetAt(position), resources());
      if (!hover) return null;
      const start = model.getPositionAt(hover.start);
      const end = model.getPositionAt(hover.end);
      return {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        contents: [{ value: hover.text }],
      };
    },
  });
}
