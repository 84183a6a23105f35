import { createCore } from './core';
import { handleRequest } from './handler';
import type { EngineRequest, EngineResponse } from './protocol';

/** The part of a dedicated worker's global scope this entry uses (no `webworker` lib in the project). */
interface WorkerScope {
  onmessage: ((event: { readonly data: EngineRequest }) => void) | null;
  postMessage(message: EngineResponse): void;
}

// The worker entry: one core per worker. Everything else lives in modules tests can import directly.
const core = createCore();
const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  handleRequest(core, event.data, (msg) => {
    scope.postMessage(msg);
  });
};
