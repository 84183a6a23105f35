import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { compressToEncodedURIComponent } from 'lz-string';
import { usePlaygroundBridge } from '../Playground/bridge';

export interface OpenInPlaygroundProps {
  readonly sql: string;
  /** What the query is, for screen readers: "Open in playground" alone repeats down the page. */
  readonly description: string;
}

/**
 * Loads a query into the playground beside the docs, without running it. Where there is no
 * playground beside the page, a link opens it in the full-window playground instead.
 */
export function OpenInPlayground({ sql, description }: OpenInPlaygroundProps): ReactNode {
  const bridge = usePlaygroundBridge();
  if (!bridge) {
    return (
      <Link
        className="button button--sm button--outline button--primary"
        to={`/playground#sql=${compressToEncodedURIComponent(sql)}`}
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
        bridge.open(sql);
      }}
    >
      Open in playground
    </button>
  );
}
