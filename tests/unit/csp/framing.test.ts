import { describe, expect, it } from 'vitest';
import { isFramedByOtherOrigin } from '../../../src/components/Playground/framing';

interface FakeWindow {
  parent: FakeWindow | null;
  top: FakeWindow | null;
  location: { readonly origin: string };
}

/** A top-level window of `origin`. */
function topWindow(origin: string): FakeWindow {
  const win: FakeWindow = { parent: null, top: null, location: { origin } };
  win.parent = win;
  win.top = win;
  return win;
}

/**
 * A window framed by `parent`. With `crossOrigin`, reading its `location.origin` from a child throws,
 * as the browser's cross-origin WindowProxy does (SecurityError).
 */
function frameIn(parent: FakeWindow, origin: string): FakeWindow {
  return { parent, top: parent.top, location: { origin } };
}

/** `win` as seen from a window of another origin: its location cannot be read. */
function opaque(win: FakeWindow): FakeWindow {
  return {
    get parent() {
      return win.parent;
    },
    top: win.top,
    get location(): { origin: string } {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  };
}

const SITE = 'https://github-provider.stackql.io';
const check = (win: FakeWindow): boolean => isFramedByOtherOrigin(win);

describe('isFramedByOtherOrigin', () => {
  it('is false at the top level', () => {
    expect(check(topWindow(SITE))).toBe(false);
  });

  it('is false in frames of its own origin, however deep', () => {
    const top = topWindow(SITE);
    expect(check(frameIn(top, SITE))).toBe(false);
    expect(check(frameIn(frameIn(top, SITE), SITE))).toBe(false);
  });

  it('is true when the parent is another origin whose location cannot be read', () => {
    const evil = opaque(topWindow('https://evil.example'));
    const framed: FakeWindow = { parent: evil, top: evil, location: { origin: SITE } };
    expect(check(framed)).toBe(true);
  });

  it('is true when the parent reports another origin', () => {
    expect(check(frameIn(topWindow('https://evil.example'), SITE))).toBe(true);
  });

  it('is true when a frame in the middle of the chain is another origin', () => {
    const top = topWindow(SITE);
    const middle = opaque(frameIn(top, 'https://evil.example'));
    expect(check(frameIn(middle, SITE))).toBe(true);
  });

  it('is true in a sandboxed frame with an opaque origin, even under its own site', () => {
    expect(check(frameIn(topWindow(SITE), 'null'))).toBe(true);
  });

  it('is true for a detached frame, whose holder cannot be known', () => {
    expect(check({ parent: null, top: null, location: { origin: SITE } })).toBe(true);
  });
});
