import type { WorkerLike } from './client';

/**
 * Starts the engine worker. Kept alone in this file so webpack 5 sees the `new Worker(new URL(…))`
 * pattern it bundles, and tests can pass their own `createWorker` instead.
 */
export function createEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}
