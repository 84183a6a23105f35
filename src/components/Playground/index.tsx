import { lazy, Suspense, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { PlaygroundProps } from './Playground';
import { FramedNotice } from './FramedNotice';
import { isFramedByOtherOrigin } from './framing';
import { allServices, loadServicesFor, PLAYGROUND_RESOURCE_ID } from '@site/src/resources/registry';
import styles from './styles.module.css';

// Monaco, alasql and Octokit load only in the browser, after the docs are up. The service of the
// resource a page about no resource opens on loads beside them; the services the SQL names load as it
// is typed or shared (useCatalogue).
const Playground = lazy(async () => {
  const [module] = await Promise.all([
    import('./Playground'),
    // Only where the page registered no service of its own (the full-window page). A chunk that did
    // not load: the playground still opens, and says so when the SQL needs it.
    allServices().length > 0 ? undefined : loadServicesFor(PLAYGROUND_RESOURCE_ID).catch(() => false),
  ]);
  return module;
});

function Placeholder(): ReactNode {
  return (
    <div className={styles.placeholder} role="status">
      Loading the SQL playground…
    </div>
  );
}

/** The playground, loaded lazily in the browser; the docs render fully without it. */
export function PlaygroundLoader(props: PlaygroundProps): ReactNode {
  return (
    <BrowserOnly fallback={<Placeholder />}>
      {() =>
        // Checked before the chunk loads: a foreign frame never gets the editor, engine or client.
        isFramedByOtherOrigin(window) ? (
          <FramedNotice />
        ) : (
          <Suspense fallback={<Placeholder />}>
            <Playground {...props} />
          </Suspense>
        )
      }
    </BrowserOnly>
  );
}

export { PlaygroundBridge, usePlaygroundBridge } from './bridge';
