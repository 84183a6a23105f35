import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { compressToEncodedURIComponent } from 'lz-string';
import type { ExampleQuery } from '@site/src/resources/types';
import { usePlaygroundBridge } from '../Playground/bridge';

export interface OpenInPlaygroundProps {
  readonly sql: string;
  /** What the query is, for screen readers: "Open in playground" alone repeats down the page. */
  readonly description: string;
  /** The example's view: `chart` opens the playground's Chart view, with `chart`'s settings. */
  readonly view?: ExampleQuery['view'];
  readonly chart?: ExampleQuery['chart'];
}

/**
 * Loads a query into the playground beside the docs, without running it. Where there is no
 * playground beside the page, a link opens it in the full-window playground instead.
 */
export function OpenInPlayground({ sql, description, view, chart }: OpenInPlaygroundProps): ReactNode {
  const bridge = usePlaygroundBridge();
  if (!bridge) {
    // The share link's `view=chart` (the chart's own settings are proposed from the result there).
    return (
      <Link
        className="button button--sm button--outline button--primary"
        to={`/playground#sql=${compressToEncodedURIComponent(sql)}${view === 'chart' ? '&view=chart' : ''}`}
      >
        Open in playground
      </Link>
    );
  }
  return (
    <button
      type="button"
      className="button button--sm button--outline button--primary"
      aria-describedby={undefined}
      title={`Load ${description} into the playground`}
      onClick={() => {
        bridge.open(sql, view === 'chart' ? { view, chart: { ...chart } } : undefined);
      }}
    >
      Open in playground
    </button>
  );
}
