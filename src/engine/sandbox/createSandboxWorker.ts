import type { WorkerLike } from '../client';
import type { EngineRequest } from '../protocol';
import { readEngineResponse } from '../untrusted';

/** Why the engine behind a sandbox worker was given up; the client shows it and starts another. */
export interface SandboxFault {
  readonly reason: 'crashed' | 'malformed';
}

/**
 * Starts the engine in its sandbox: a hidden `<iframe sandbox="allow-scripts">` loading
 * `frameUrl` (the build's `engine/sandbox.<hash>.html`), which runs the engine as a `blob:` worker
 * under a policy without network (`connect-src 'none'`; see src/engine/README.md). The page and the
 * worker talk over a `MessageChannel` whose far end the frame hands to the worker, so the frame
 * relays nothing.
 *
 * Everything that comes back is untrusted: each message is checked by `readEngineResponse`, and one
 * that fails ends this engine (`onerror`), as a crash does; the client then starts a fresh one.
 * `terminate` removes the frame, which ends its worker whatever the worker is doing.
 */
export function createSandboxWorker(frameUrl: string, doc: Document = document): WorkerLike {
  const channel = new MessageChannel();
  const frame = doc.createElement('iframe');
  frame.sandbox.add('allow-scripts');
  frame.src = frameUrl;
  frame.hidden = true;
  frame.title = 'Query engine (no network access)';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  let ended = false;
  const startedAt = performance.now();

  const fault = (reason: SandboxFault['reason']): void => {
    if (!ended) like.onerror?.({ reason } satisfies SandboxFault);
  };
  const onWindowMessage = (event: MessageEvent<unknown>): void => {
    if (event.source !== frame.contentWindow || event.source === null) return;
    if ((event.data as { type?: unknown } | null)?.type === 'engine-crashed') fault('crashed');
  };

  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: EngineRequest) {
      // Messages wait in the channel until the worker takes its end, so nothing is lost while the
      // frame loads.
      if (!ended) channel.port1.postMessage(message);
    },
    terminate() {
      if (ended) return;
      ended = true;
      channel.port1.onmessage = null;
      channel.port1.close();
      doc.defaultView?.removeEventListener('message', onWindowMessage);
      frame.remove();
    },
  };

  channel.port1.onmessage = (event: MessageEvent<unknown>) => {
    const msg = readEngineResponse(event.data);
    if (!msg) {
      fault('malformed');
      return;
    }
    // From the frame's creation to the engine taking requests (the benchmark reads this).
    if (msg.type === 'ready') performance.measure('engine:startup', { start: startedAt });
    like.onmessage?.({ data: msg });
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
  return like;
}
