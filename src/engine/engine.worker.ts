import { createCore } from './core';
import { handleRequest } from './handler';
import type { EngineRequest, EngineResponse } from './protocol';

/** The end of a `MessageChannel` the page holds the other end of. */
interface Port {
  onmessage: ((event: { readonly data: EngineRequest }) => void) | null;
  postMessage(message: EngineResponse): void;
}

/** The part of a dedicated worker's global scope this entry uses (no `webworker` lib in the project). */
interface WorkerScope {
  /** Absent where the frame runs the engine itself (see sandbox/frame.ts). */
  postMessage?: (message: unknown) => void;
  onmessage: ((event: { readonly data: unknown; readonly ports: readonly Port[] }) => void) | null;
}

/**
 * The engine's entry, bundled into the sandbox frame (see `sandbox/README` in src/engine/README.md)
 * and started there as a `blob:` worker. It talks to the page only over the port the frame hands it
 * in its first message: the frame never relays engine traffic, and anything the worker posts to its
 * own `self` reaches a frame that does not listen.
 */
const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const port = event.ports[0];
  if ((event.data as { type?: unknown } | null)?.type !== 'connect' || !port) return;
  scope.onmessage = null;
  const core = createCore();
  // The port's methods are taken before any query compiles, and the prototypes they come from frozen
  // (as createCore freezes the language's), so code a query gets through cannot wrap postMessage to
  // get hold of the port or change what the engine sends.
  const post = port.postMessage.bind(port);
  port.onmessage = (message) => {
    handleRequest(core, message.data, post);
  };
  for (const name of ['MessagePort', 'EventTarget', 'WorkerGlobalScope', 'DedicatedWorkerGlobalScope']) {
    const ctor = (globalThis as Record<string, unknown>)[name] as { prototype?: object } | undefined;
    if (ctor?.prototype) Object.freeze(ctor.prototype);
  }
  post({ type: 'ready' });
};
// Tells the frame the worker runs, so it hands over the page's port (see sandbox/frame.ts).
scope.postMessage?.({ type: 'started' });
