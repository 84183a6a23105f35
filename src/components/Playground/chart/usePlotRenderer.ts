import { useEffect, useState } from 'react';

type Renderer = typeof import('./renderChart');

/** The chart renderer, once its chunk (Observable Plot) has loaded; an error message if it could not. */
export type PlotRenderer =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly module: Renderer }
  | { readonly state: 'failed'; readonly message: string };

let cached: Promise<Renderer> | undefined;

/** Loads Plot's chunk once per page, the first time a chart is drawn (never on the docs' first load). */
function load(): Promise<Renderer> {
  cached ??= import(/* webpackChunkName: "chart" */ './renderChart').catch((e: unknown) => {
    cached = undefined; // a later open may try again (a flaky connection)
    throw e;
  });
  return cached;
}

export function usePlotRenderer(): PlotRenderer {
  const [renderer, setRenderer] = useState<PlotRenderer>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (module) => {
        if (live) setRenderer({ state: 'ready', module });
      },
      () => {
        if (live)
          setRenderer({
            state: 'failed',
            message: 'The chart could not be loaded. Reload the page to try again.',
          });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return renderer;
}
