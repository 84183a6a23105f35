import { useCallback, useState, type MouseEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import { PlaygroundBridge, PlaygroundLoader } from '../Playground';
import styles from './styles.module.css';

type Width = 'normal' | 'wide' | 'collapsed';

/**
 * Docs on the left, the playground on the right (sticky while the docs scroll) on screens ≥ 1200 px;
 * the playground below the docs on narrower ones. The reader can collapse or widen it.
 */
export function DocsWithPlayground({ children }: { readonly children: ReactNode }): ReactNode {
  const [width, setWidth] = useState<Width>('normal');
  // "Open in playground" brings a collapsed playground back and into view.
  const onOpen = useCallback(() => {
    setWidth((w) => (w === 'collapsed' ? 'normal' : w));
    document.getElementById('playground')?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <PlaygroundBridge onOpen={onOpen}>
      <div className={clsx(styles.split, styles[width])}>
        <div className={styles.docs}>
          {/* Past the reference tables in one key press; shown when it has the focus. */}
          <a className={styles.skip} href="#playground" onClick={skipToPlayground}>
            Skip to the playground
          </a>
          {children}
        </div>
        <Aside width={width} setWidth={setWidth} />
      </div>
    </PlaygroundBridge>
  );
}

/**
 * Moves the focus into the playground. The router handles `#playground` as a scroll, which would leave
 * the focus behind on the link; a skip link is for the keyboard, so it moves the focus itself.
 */
function skipToPlayground(event: MouseEvent<HTMLAnchorElement>): void {
  const target = document.getElementById('playground');
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

function Aside({
  width,
  setWidth,
}: {
  readonly width: Width;
  readonly setWidth: (w: Width) => void;
}): ReactNode {
  return (
    // tabIndex -1: the skip link's target takes the focus, so the next Tab goes on inside it.
    <aside id="playground" tabIndex={-1} className={styles.aside} aria-label="SQL playground">
      <div className={styles.header}>
        <h2 className={styles.title}>Playground</h2>
        <div className={styles.controls}>
          {width !== 'collapsed' && (
            <button
              type="button"
              className="button button--sm button--secondary"
              aria-pressed={width === 'wide'}
              onClick={() => {
                setWidth(width === 'wide' ? 'normal' : 'wide');
              }}
            >
              {width === 'wide' ? 'Narrow playground' : 'Widen playground'}
            </button>
          )}
          <button
            type="button"
            className="button button--sm button--secondary"
            aria-expanded={width !== 'collapsed'}
            aria-controls="playground-body"
            onClick={() => {
              setWidth(width === 'collapsed' ? 'normal' : 'collapsed');
            }}
          >
            {width === 'collapsed' ? 'Show playground' : 'Hide playground'}
          </button>
        </div>
      </div>
      <div id="playground-body" className={styles.body} hidden={width === 'collapsed'}>
        <PlaygroundLoader />
      </div>
    </aside>
  );
}
