/**
 * What the reader typed before Monaco was up, handed on to the next editor without losing the text,
 * the caret or the focus. The playground's editor starts as a plain text field, in stages:
 *
 * 1. the page's HTML (server-rendered, `shellFieldHtml`): a reader can type as soon as the page shows,
 *    before any script has run; React never manages this field's value, so hydration keeps it;
 * 2. once the playground's code is loaded, its own plain field (`SqlEditor`), which takes the first
 *    one's `EditorDraft` (`takeShellDraft`) and already runs queries (Ctrl+Enter);
 * 3. Monaco, which takes the second one's draft when it is up.
 */

/** A plain field's text, selection and focus. */
export interface EditorDraft {
  readonly value: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly selectionDirection: 'forward' | 'backward' | 'none';
  readonly focused: boolean;
  /** The reader changed the text the page came with. */
  readonly edited: boolean;
  readonly scrollTop: number;
}

/** The parts of a `<textarea>` a draft is read from and restored to (a real one fits, so do fakes). */
export interface DraftField {
  value: string;
  readonly defaultValue: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly selectionDirection: string;
  scrollTop: number;
  readonly ownerDocument: { readonly activeElement: unknown };
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
  focus(options?: FocusOptions): void;
}

export function readDraft(field: DraftField): EditorDraft {
  const direction = field.selectionDirection;
  return {
    value: field.value,
    selectionStart: field.selectionStart,
    selectionEnd: field.selectionEnd,
    selectionDirection: direction === 'backward' || direction === 'forward' ? direction : 'none',
    focused: field.ownerDocument.activeElement === field,
    edited: field.value !== field.defaultValue,
    scrollTop: field.scrollTop,
  };
}

/**
 * Puts a draft's selection, scroll and focus on `field`, whose text is `draft.value` (a selection over
 * other text would mean nothing, so then only the focus is restored).
 */
export function restoreDraft(field: DraftField, draft: EditorDraft): void {
  if (field.value === draft.value) {
    field.setSelectionRange(draft.selectionStart, draft.selectionEnd, draft.selectionDirection);
    field.scrollTop = draft.scrollTop;
  }
  if (draft.focused) field.focus({ preventScroll: true });
}

/** The 1-based line and column of a character offset in `text` (Monaco's positions). */
export function positionAt(text: string, offset: number): { lineNumber: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { lineNumber: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A `<textarea>` as HTML, for the page's own markup (stage 1): with `value` as its text and the given
 * attributes (names are the caller's constants; values are escaped). The HTML parser drops one newline
 * right after `<textarea>`, so one goes first and a value starting with a newline keeps it.
 */
export function shellFieldHtml(value: string, attributes: Readonly<Record<string, string>>): string {
  const attrs = Object.entries(attributes)
    .map(([name, v]) => ` ${name}="${escapeHtml(v)}"`)
    .join('');
  return `<textarea${attrs}>\n${escapeHtml(value)}</textarea>`;
}

/** Marks the box of the page's own field (stage 1; the loader's `Shell`). */
export const SHELL_ATTRIBUTE = 'data-playground-shell';

/**
 * The page's own field as it is now (stage 1), for what replaces it; undefined once it is gone. Read
 * from the document, so it works before React has hydrated the page too.
 */
export function takeShellDraft(doc: Pick<Document, 'querySelector'> = document): EditorDraft | undefined {
  const field = doc.querySelector<HTMLTextAreaElement>(`[${SHELL_ATTRIBUTE}] textarea`);
  return field ? readDraft(field) : undefined;
}
