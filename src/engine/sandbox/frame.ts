/**
 * The sandbox frame's only script (inlined into `engine/sandbox.<hash>.html` and allowed by its
 * hash). It turns the engine bundle into a `blob:` worker, which inherits this document's policy
 * (`connect-src 'none'`), and hands each worker the port the page sent. It relays no engine traffic,
 * so whatever code a query gets through runs in the worker, where the policy leaves it no network.
 *
 * Where a browser refuses a `blob:` worker in an opaque-origin frame (Safari has treated such blob
 * URLs as not trustworthy), the engine runs in this frame instead: under the same policy, so still
 * without network; only a runaway query then holds this frame's thread until the page drops the
 * frame (see src/engine/README.md).
 */

/** The engine worker's source, put in by the build (`src/plugins/engineSandbox`). */
declare const ENGINE_WORKER_SOURCE: string;

interface EngineScope {
  onmessage: ((event: { data: unknown; ports: readonly MessagePort[] }) => void) | null;
}

const source = ENGINE_WORKER_SOURCE;
const workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
let worker: Worker | undefined;

/** Runs the engine in this frame, on `port` (the fallback described above). */
function startHere(port: MessagePort): void {
  const scope: EngineScope = { onmessage: null };
  // The bundle's entry reads `self`; give it one that is not this window.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the engine bundle, not reader text; the frame's policy allows eval for alasql anyway
  const run = new Function('self', source) as (self: EngineScope) => void;
  run(scope);
  scope.onmessage?.({ data: { type: 'connect' }, ports: [port] });
}

function start(port: MessagePort): void {
  worker?.terminate();
  let current: Worker;
  try {
    current = new Worker(workerUrl);
  } catch {
    startHere(port);
    return;
  }
  worker = current;
  let started = false;
  // The entry says 'started' once it has run; only then does the port go to it, so a worker the
  // browser refused leaves the port here for the fallback.
  current.onmessage = () => {
    if (started) return;
    started = true;
    current.postMessage({ type: 'connect' }, [port]);
  };
  current.onerror = (event) => {
    event.preventDefault();
    if (worker !== current) return;
    worker = undefined;
    if (!started) startHere(port);
    else parent.postMessage({ type: 'engine-crashed' }, '*');
  };
}

addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the page that framed this document starts engines; the frame has an opaque origin, so
  // the page's message can only be told apart by its window.
  if (event.source !== parent || parent === window) return;
  const port = event.ports[0];
  if ((event.data as { type?: unknown } | null)?.type === 'start' && port) start(port);
});
