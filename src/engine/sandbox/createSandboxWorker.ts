import type { WorkerLike } from '../client';
import type { EngineRequest } from '../protocol';
import { readEngineResponse } from '../untrusted';
import { openSandbox, type OpenSandbox } from './openSandbox';

/** Why the engine behind a sandbox worker was given up; the client shows it and starts another. */
export interface SandboxFault {
  readonly reason: 'crashed' | 'malformed';
}

/**
 * The engine in its sandbox as a worker: `sandbox` (openSandbox.ts: a hidden `<iframe
 * sandbox="allow-scripts">` loading `frameUrl`, whose `blob:` worker has no network), opened now
 * unless one opened earlier is given (prestart.ts). The page and the worker talk over a
 * `MessageChannel` whose far end the frame hands to the worker, so the frame relays nothing.
 *
 * Everything that comes back is untrusted: each message is checked by `readEngineResponse`, and one
 * that fails ends this engine (`onerror`), as a crash does; the client then starts a fresh one.
 * `terminate` removes the frame, which ends its worker whatever the worker is doing.
 */
export function createSandboxWorker(
  frameUrl: string,
  doc: Document = document,
  sandbox: OpenSandbox = openSandbox(frameUrl, doc),
): WorkerLike {
  let ended = false;
  const { port } = sandbox;

  const fault = (reason: SandboxFault['reason']): void => {
    if (!ended) like.onerror?.({ reason } satisfies SandboxFault);
  };

  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: EngineRequest) {
      // Messages wait in the channel until the worker takes its end, so nothing is lost while the
      // frame loads.
      if (!ended) port.postMessage(message);
    },
    terminate() {
      if (ended) return;
      ended = true;
      sandbox.onCrash = null;
      sandbox.end();
    },
  };

  // Setting the listener starts the port: what the engine sent before (its `ready`) comes now.
  port.onmessage = (event: MessageEvent<unknown>) => {
    const msg = readEngineResponse(event.data);
    if (!msg) {
      fault('malformed');
      return;
    }
    // From the frame's creation to the engine taking requests (the benchmark reads this).
    if (msg.type === 'ready') performance.measure('engine:startup', { start: sandbox.startedAt });
    like.onmessage?.({ data: msg });
  };
  sandbox.onCrash = () => {
    fault('crashed');
  };
  return like;
}
