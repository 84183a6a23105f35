import { afterEach, describe, expect, it } from 'vitest';
import {
  HOLD_CAP_MS,
  holdRoutePrefetch,
  releaseRoutePrefetch,
} from '../../../src/components/Playground/routePrefetch';

/** A window with Docusaurus's frozen object, and a scheduler run by hand. */
function setup() {
  const prefetched: string[] = [];
  const prefetch: Window['docusaurus']['prefetch'] = (path) => {
    prefetched.push(path);
    return Promise.resolve([]);
  };
  const win = {
    docusaurus: Object.freeze({ prefetch, preload: () => false as const }),
  } as Pick<Window, 'docusaurus'>;
  const idle: ((deadline: { timeRemaining(): number }) => void)[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const scheduler = {
    requestIdle: (run: (deadline: { timeRemaining(): number }) => void) => void idle.push(run),
    setTimeout: (run: () => void, ms: number) => void timers.push({ run, ms }),
  };
  /** Runs the next idle callback with this much idle time, counted down 3 ms per prefetch. */
  const runIdle = (ms: number) => {
    let left = ms;
    idle.shift()?.({
      timeRemaining: () => {
        const now = left;
        left -= 3;
        return now;
      },
    });
  };
  return { win, prefetched, idle, timers, scheduler, runIdle };
}

afterEach(() => {
  releaseRoutePrefetch();
});

describe("holding Docusaurus's route prefetches while the playground starts", () => {
  it('queues the prefetches of links in view, then lets them go in idle time, a few at a time', () => {
    const { win, prefetched, idle, scheduler, runIdle } = setup();
    holdRoutePrefetch(win, scheduler);
    for (const path of ['/a', '/b', '/c', '/d']) expect(win.docusaurus.prefetch(path)).toBe(false);
    expect(prefetched).toEqual([]);
    expect(Object.isFrozen(win.docusaurus)).toBe(true);
    releaseRoutePrefetch();
    expect(prefetched).toEqual([]);
    runIdle(10); // 10, 7 and 4: two prefetches, then too little time left
    expect(prefetched).toEqual(['/a', '/b']);
    expect(idle).toHaveLength(1);
    runIdle(100);
    expect(prefetched).toEqual(['/a', '/b', '/c', '/d']);
    expect(idle).toHaveLength(0);
    // Released: later ones go straight through.
    void win.docusaurus.prefetch('/e');
    expect(prefetched).toContain('/e');
  });

  it('lets them go on its own after the cap, whatever happens to the playground', () => {
    const { win, prefetched, timers, scheduler, runIdle } = setup();
    holdRoutePrefetch(win, scheduler);
    void win.docusaurus.prefetch('/a');
    expect(timers.map((t) => t.ms)).toEqual([HOLD_CAP_MS]);
    timers[0]?.run();
    runIdle(100);
    expect(prefetched).toEqual(['/a']);
  });

  it('does nothing where Docusaurus has no prefetch, and holds once', () => {
    const bare = {} as Pick<Window, 'docusaurus'>;
    const { scheduler } = setup();
    holdRoutePrefetch(bare, scheduler);
    expect(bare.docusaurus).toBeUndefined();
    const { win, scheduler: s2 } = setup();
    holdRoutePrefetch(win, s2);
    const held = win.docusaurus;
    holdRoutePrefetch(win, s2);
    expect(win.docusaurus).toBe(held);
  });
});
