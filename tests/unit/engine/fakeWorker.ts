import { createCore } from '../../../src/engine/core';
import type { WorkerLike } from '../../../src/engine/client';
import { handleRequest } from '../../../src/engine/handler';
import type { EngineRequest } from '../../../src/engine/protocol';

/** An in-process stand-in for the engine worker: same core and handler, async, structured-cloned. */
export interface FakeWorker extends WorkerLike {
  readonly posted: EngineRequest[];
  terminated: boolean;
  /** Makes the worker swallow runs whose query contains this text, as a run that never ends would. */
  hangOn?: string;
  /** Simulates an uncaught error in the worker. */
  crash(): void;
}

export function createFakeWorker(hangOn?: string): FakeWorker {
  const core = createCore();
  const w: FakeWorker = {
    posted: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    ...(hangOn ? { hangOn } : {}),
    postMessage(message) {
      w.posted.push(message);
      const copy = structuredClone(message);
      setTimeout(() => {
        if (w.terminated) return;
        if (copy.type === 'run' && w.hangOn && copy.query.includes(w.hangOn)) return;
        handleRequest(core, copy, (res) => {
          const out = structuredClone(res);
          setTimeout(() => {
            if (!w.terminated) w.onmessage?.({ data: out });
          }, 0);
        });
      }, 0);
    },
    terminate() {
      w.terminated = true;
    },
    crash() {
      w.onerror?.(new Error('boom'));
    },
  };
  return w;
}
