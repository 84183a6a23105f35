/**
 * The engine's sandbox before anything reads from it: the hidden `<iframe sandbox="allow-scripts">`
 * loading `frameUrl` (the build's `engine/sandbox.<hash>.html`), which runs the engine as a `blob:`
 * worker under a policy without network (see src/engine/README.md), and the `MessageChannel` whose
 * far end the frame hands to that worker. This module imports nothing of the engine, so the docs
 * page can open the sandbox at its `load` event, before the playground's code has arrived
 * (prestart.ts); `createSandboxWorker` then reads what comes back, as untrusted input.
 *
 * Nothing is lost in between: a port queues what arrives until it gets a listener, and a crash the
 * frame reports is remembered.
 */
export interface OpenSandbox {
  /** The page's end of the channel to the engine; unstarted until someone listens on it. */
  readonly port: MessagePort;
  /** When the frame was created (`performance.now()`), for the `engine:startup` measure. */
  readonly startedAt: number;
  /** The frame reported that its engine crashed. */
  readonly crashed: boolean;
  /** Called when the frame reports a crash (a microtask after it is set, if it already has). */
  onCrash: (() => void) | null;
  /** Removes the frame, which ends its worker whatever it is doing. Idempotent. */
  end(): void;
}

export function openSandbox(frameUrl: string, doc: Document = document): OpenSandbox {
  const channel = new MessageChannel();
  const frame = doc.createElement('iframe');
  frame.sandbox.add('allow-scripts');
  frame.src = frameUrl;
  frame.hidden = true;
  frame.title = 'Query engine (no network access)';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  let ended = false;
  let crashed = false;
  let onCrash: (() => void) | null = null;

  const onWindowMessage = (event: MessageEvent<unknown>): void => {
    if (event.source !== frame.contentWindow || event.source === null) return;
    if ((event.data as { type?: unknown } | null)?.type !== 'engine-crashed' || ended) return;
    crashed = true;
    onCrash?.();
  };

  const sandbox: OpenSandbox = {
    port: channel.port1,
    startedAt: performance.now(),
    get crashed() {
      return crashed;
    },
    get onCrash() {
      return onCrash;
    },
    set onCrash(handler) {
      onCrash = handler;
      if (handler && crashed)
        queueMicrotask(() => {
          if (onCrash === handler && !ended) handler();
        });
    },
    end() {
      if (ended) return;
      ended = true;
      channel.port1.onmessage = null;
      channel.port1.close();
      doc.defaultView?.removeEventListener('message', onWindowMessage);
      frame.remove();
    },
  };

  doc.defaultView?.addEventListener('message', onWindowMessage);
  frame.addEventListener(
    'load',
    () => {
      // The frame has an opaque origin, so '*' is the only target that reaches it; what is sent is
      // only the port, and the frame checks it comes from this window.
      if (!ended) frame.contentWindow?.postMessage({ type: 'start' }, '*', [channel.port2]);
    },
    { once: true },
  );
  doc.body.appendChild(frame);
  return sandbox;
}
