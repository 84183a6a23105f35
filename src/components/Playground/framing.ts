/** The parts of a window the framing check reads; a real `window` fits, and so do test doubles. */
export interface FrameWindow {
  readonly parent: FrameWindow | null;
  readonly top: FrameWindow | null;
  readonly location: { readonly origin: string };
}

/**
 * True when this window is inside a frame and some ancestor frame is not of its origin (or cannot be
 * read, which is how the browser answers for another origin: reading `location.origin` of a
 * cross-origin window throws). A page that is not framed, or framed only by pages of its own origin,
 * gets false.
 *
 * Every ancestor is checked, not just `top`, so a foreign frame in the middle of the chain counts too.
 * A sandboxed frame without `allow-same-origin` has an opaque origin, so no parent matches it.
 */
export function isFramedByOtherOrigin(win: FrameWindow): boolean {
  if (win.top === win) return false;
  const own = win.location.origin;
  let current = win;
  // A window's parent is itself at the top; the bound only guards against a malformed chain.
  for (let depth = 0; depth < 64; depth += 1) {
    const parent = current.parent;
    if (parent === null) return true; // detached: no way to tell who holds it
    if (parent === current) return false;
    try {
      if (parent.location.origin !== own) return true;
    } catch {
      return true;
    }
    current = parent;
  }
  return true;
}
