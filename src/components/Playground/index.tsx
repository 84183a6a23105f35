import { lazy, Suspense, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import type { PlaygroundProps } from './Playground';
import { FramedNotice } from './FramedNotice';
import { isFramedByOtherOrigin } from './framing';
import styles from './styles.module.css';

// Monaco, alasql and Octokit load only in the browser, after the docs are up.
const Playground = lazy(() => import('./Playground'));

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
