import { describe, expect, it } from 'vitest';
import {
  positionAt,
  readDraft,
  restoreDraft,
  SHELL_ATTRIBUTE,
  shellFieldHtml,
  takeShellDraft,
  type DraftField,
} from '../../../src/components/Playground/editor/draft';

/** A `<textarea>` as far as drafts go: value, default, selection, scroll and focus. */
function field(value: string, defaultValue = value): DraftField & { focused: boolean } {
  const doc = { activeElement: null as unknown };
  const f = {
    value,
    defaultValue,
    selectionStart: 0,
    selectionEnd: 0,
    selectionDirection: 'none',
    scrollTop: 0,
    ownerDocument: doc,
    get focused() {
      return doc.activeElement === f;
    },
    setSelectionRange(start: number, end: number, direction = 'none') {
      f.selectionStart = start;
      f.selectionEnd = end;
      f.selectionDirection = direction;
    },
    focus() {
      doc.activeElement = f;
    },
  };
  return f;
}

describe('the editor draft (the page field → the playground field → Monaco)', () => {
  it('reads the text, the selection, the focus and whether the reader changed the text', () => {
    const f = field('SELECT 1 -- mine', 'SELECT 1');
    f.setSelectionRange(3, 7, 'backward');
    f.scrollTop = 12;
    f.focus();
    expect(readDraft(f)).toEqual({
      value: 'SELECT 1 -- mine',
      selectionStart: 3,
      selectionEnd: 7,
      selectionDirection: 'backward',
      focused: true,
      edited: true,
      scrollTop: 12,
    });
    expect(readDraft(field('SELECT 1')).edited).toBe(false);
    expect(readDraft(field('SELECT 1')).focused).toBe(false);
  });

  it('puts the selection and focus on the next field, and only the focus when its text differs', () => {
    const from = field('SELECT 2', 'SELECT 1');
    from.setSelectionRange(8, 8, 'forward');
    from.focus();
    const draft = readDraft(from);
    const same = field('SELECT 2');
    restoreDraft(same, draft);
    expect([same.selectionStart, same.selectionEnd, same.selectionDirection, same.focused]).toEqual([
      8,
      8,
      'forward',
      true,
    ]);
    const other = field('SHOW SERVICES');
    restoreDraft(other, draft);
    expect([other.selectionStart, other.focused]).toEqual([0, true]);
    const unfocused = field('SELECT 2');
    restoreDraft(unfocused, { ...draft, focused: false });
    expect(unfocused.focused).toBe(false);
  });

  it("gives Monaco's 1-based line and column of an offset", () => {
    const text = 'SELECT id\nFROM t\nWHERE x = 1';
    expect(positionAt(text, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionAt(text, 9)).toEqual({ lineNumber: 1, column: 10 });
    expect(positionAt(text, 10)).toEqual({ lineNumber: 2, column: 1 });
    expect(positionAt(text, text.length)).toEqual({ lineNumber: 3, column: 12 });
    expect(positionAt(text, 999)).toEqual({ lineNumber: 3, column: 12 });
    expect(positionAt(text, -1)).toEqual({ lineNumber: 1, column: 1 });
  });

  it('writes the page field as HTML with its text and attributes escaped', () => {
    const html = shellFieldHtml('SELECT \'<b>\' & "x"</textarea><script>', {
      'aria-label': 'SQL "query"',
      class: 'plain',
    });
    expect(html).toBe(
      '<textarea aria-label="SQL &quot;query&quot;" class="plain">\n' +
        "SELECT '&lt;b&gt;' &amp; &quot;x&quot;&lt;/textarea&gt;&lt;script&gt;</textarea>",
    );
    // The parser drops the newline after the tag: a text starting with one keeps it.
    expect(shellFieldHtml('\nSELECT 1', {})).toBe('<textarea>\n\nSELECT 1</textarea>');
  });

  it("reads the page's own field from the document (before hydration too), and nothing once it is gone", () => {
    const f = field('ZSELECT 1', 'SELECT 1');
    const doc = {
      querySelector: (selector: string) => (selector === `[${SHELL_ATTRIBUTE}] textarea` ? f : null),
    } as unknown as Pick<Document, 'querySelector'>;
    expect(takeShellDraft(doc)).toMatchObject({ value: 'ZSELECT 1', edited: true, focused: false });
    const empty = { querySelector: () => null } as unknown as Pick<Document, 'querySelector'>;
    expect(takeShellDraft(empty)).toBeUndefined();
  });
});
