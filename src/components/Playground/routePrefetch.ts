/**
 * Docusaurus prefetches the route of every link that scrolls into view (its `Link` calls
 * `window.docusaurus.prefetch` from an IntersectionObserver). On a resource page that is the whole
 * sidebar, 31 services and their resources, as soon as the page is hydrated: each prefetch matches
 * the path against every route and appends `<link rel="prefetch">`s, ~200 ms of main thread in one
 * task (measured, 2 CPUs), right when the playground starts. Here those prefetches wait until the
 * playground is on screen, then go through in the browser's idle time, a few at a time: the links
 * still prefetch, a little later, and a prefetch is only ever an optimisation of a later click.
 */

type Docusaurus = Window['docusaurus'];

/** Idle time left below which no further prefetch starts in that idle period (ms). */
const MIN_IDLE_MS = 4;
/** The longest prefetches are held, whatever happens to the playground (ms). */
export const HOLD_CAP_MS = 10_000;

interface Scheduler {
  requestIdle(run: (deadline: { timeRemaining(): number }) => void): void;
  setTimeout(run: () => void, ms: number): void;
}

const browserScheduler = (win: Window): Scheduler => ({
  requestIdle: (run) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 2_000 });
    else
      win.setTimeout(() => {
        run({ timeRemaining: () => MIN_IDLE_MS + 1 });
      }, 50);
  },
  setTimeout: (run, ms) => {
    win.setTimeout(run, ms);
  },
});

/** One page's hold: the paths asked for meanwhile, and Docusaurus's own prefetch. */
interface Hold {
  readonly original: Docusaurus['prefetch'];
  readonly paths: string[];
  readonly scheduler: Scheduler;
}

let hold: Hold | undefined;

/**
 * Holds Docusaurus's route prefetches (see above) until `releaseRoutePrefetch`, or `HOLD_CAP_MS`.
 * Its object is frozen, so the page's `window.docusaurus` is replaced by a copy whose `prefetch`
 * queues the path. Nothing happens where Docusaurus has not set it up, or while a hold is on.
 */
export function holdRoutePrefetch(
  win: Pick<Window, 'docusaurus'> & Partial<Window> = window,
  scheduler: Scheduler = browserScheduler(win as Window),
): void {
  const current = (win as Partial<Pick<Window, 'docusaurus'>>).docusaurus;
  if (hold || typeof current?.prefetch !== 'function') return;
  const paths: string[] = [];
  const own: Hold = { original: current.prefetch, paths, scheduler };
  hold = own;
  win.docusaurus = Object.freeze({
    ...current,
    prefetch: (path: string) => {
      if (hold !== own) return own.original(path);
      paths.push(path);
      return false;
    },
  });
  scheduler.setTimeout(() => {
    if (hold === own) releaseRoutePrefetch();
  }, HOLD_CAP_MS);
}

/** Lets the held prefetches go, in idle time, a few per idle period; later ones go straight through. */
export function releaseRoutePrefetch(): void {
  const released = hold;
  hold = undefined;
  if (!released) return;
  const { original, paths, scheduler } = released;
  const next = (deadline: { timeRemaining(): number }): void => {
    while (paths.length > 0 && deadline.timeRemaining() > MIN_IDLE_MS) {
      const path = paths.shift();
      // Only a prefetch: a failed one costs the later click a download, nothing else.
      const fetching = path === undefined ? false : original(path);
      if (fetching) fetching.catch(() => undefined);
    }
    if (paths.length > 0) scheduler.requestIdle(next);
  };
  scheduler.requestIdle(next);
}
