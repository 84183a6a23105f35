import type { ReactNode } from 'react';
import { SAMPLE_ORG, SAMPLE_USER } from '@site/src/github';
import styles from './styles.module.css';

export interface DataSourceBannerProps {
  readonly useSample: boolean;
  readonly apiBaseUrl: string;
  readonly hasToken: boolean;
  /** Opens the data-source settings and puts the focus in the token field. */
  readonly onAddToken: () => void;
}

/**
 * Where queries go, visible without opening anything. A status region: when entering a token
 * switches the playground to GitHub (or forgetting it switches back), screen readers hear it once.
 */
export function DataSourceBanner({
  useSample,
  apiBaseUrl,
  hasToken,
  onAddToken,
}: DataSourceBannerProps): ReactNode {
  return (
    <div role="status" className={styles.banner}>
      {useSample ? (
        <p>
          Running on <strong>built-in sample data</strong> (organization <code>{SAMPLE_ORG}</code>, user{' '}
          <code>{SAMPLE_USER}</code>, who is also the signed-in user).{' '}
          <button type="button" className="button button--sm button--primary" onClick={onAddToken}>
            Add a GitHub token
          </button>{' '}
          to query your own data.
        </p>
      ) : (
        <p>
          Querying <strong>GitHub</strong> at <code>{apiBaseUrl}</code>{' '}
          {hasToken ? 'with your token.' : 'without a token: GitHub Packages needs one.'}{' '}
          <button type="button" className="button button--sm button--secondary" onClick={onAddToken}>
            {hasToken ? 'Token settings' : 'Add a GitHub token'}
          </button>
        </p>
      )}
    </div>
  );
}
