/** A frame as openSandbox makes it: what it was given, and a way to play the frame's part. */
export interface FakeFrame {
  src: string;
  removed: boolean;
  readonly ports: MessagePort[];
  load(): void;
  readonly contentWindow: { postMessage(data: unknown, target: string, ports: MessagePort[]): void };
}

/** Just enough of a document for openSandbox: frames, the body, the window's message listeners. */
export function fakeDocument() {
  const frames: FakeFrame[] = [];
  const listeners = new Set<(event: MessageEvent<unknown>) => void>();
  const view = {
    addEventListener: (_: string, f: (event: MessageEvent<unknown>) => void) => listeners.add(f),
    removeEventListener: (_: string, f: (event: MessageEvent<unknown>) => void) => listeners.delete(f),
  };
  const doc = {
    defaultView: view,
    body: { appendChild: (f: FakeFrame) => frames.push(f) },
    createElement() {
      let onload: (() => void) | undefined;
      const frame: FakeFrame & Record<string, unknown> = {
        src: '',
        removed: false,
        ports: [],
        sandbox: { add: () => undefined },
        setAttribute: () => undefined,
        addEventListener: (_: string, f: () => void) => {
          onload = f;
        },
        remove() {
          frame.removed = true;
        },
        load: () => onload?.(),
        contentWindow: {
          postMessage: (_data: unknown, _target: string, ports: MessagePort[]) => {
            frame.ports.push(...ports);
          },
        },
      };
      return frame;
    },
  };
  /** The frame says its engine crashed, as frame.ts does. */
  const crash = (frame: FakeFrame) => {
    for (const l of listeners)
      l({
        source: frame.contentWindow,
        data: { type: 'engine-crashed' },
      } as unknown as MessageEvent<unknown>);
  };
  return { doc: doc as unknown as Document, frames, listeners, crash };
}
