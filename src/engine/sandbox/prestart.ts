import { openSandbox, type OpenSandbox } from './openSandbox';

/**
 * The engine's sandbox opened ahead of the playground (at most one per page), waiting for the
 * playground's engine client to take it. Opening it at the page's `load` event, beside the download
 * of the playground's code, overlaps the engine's start-up (the frame, its worker, alasql) with that
 * download instead of following it. This module is on the docs page, so it imports nothing of the
 * engine (openSandbox.ts).
 */
let waiting: { readonly frameUrl: string; readonly sandbox: OpenSandbox } | undefined;

/** Opens the engine's sandbox for a playground about to start; nothing when one already waits. */
export function prestartSandbox(frameUrl: string, doc: Document = document): void {
  if (waiting?.frameUrl === frameUrl) return;
  waiting?.sandbox.end();
  waiting = { frameUrl, sandbox: openSandbox(frameUrl, doc) };
}

/**
 * The sandbox opened ahead for this frame, taken once; undefined when there is none, so the caller
 * opens a fresh one (`createSandboxWorker(frameUrl, document, takePrestartedSandbox(frameUrl))`).
 */
export function takePrestartedSandbox(frameUrl: string): OpenSandbox | undefined {
  const ahead = waiting;
  waiting = undefined;
  if (ahead?.frameUrl === frameUrl) return ahead.sandbox;
  ahead?.sandbox.end();
  return undefined;
}

/** Ends a sandbox opened ahead that nothing took (the reader left before the playground opened). */
export function dropPrestartedSandbox(): void {
  waiting?.sandbox.end();
  waiting = undefined;
}
