import type { ReactNode } from 'react';
import { SAMPLE_ORG, SAMPLE_USER } from '@site/src/github';
import type { TokenCheckState } from './settings/useTokenCheck';
import styles from './styles.module.css';

/** The token check's verdict in the banner, when it is a problem the reader should see at once. */
function tokenProblem(check: TokenCheckState | undefined): string {
  if (check?.status !== 'done' || check.check.ok) return '';
  return check.check.code === 'bad_token'
    ? ' GitHub rejected the token.'
    : ' The token could not be checked (see Token settings).';
}

export interface DataSourceBannerProps {
  readonly useSample: boolean;
  readonly apiBaseUrl: string;
  readonly hasToken: boolean;
  /** The token check on entry: a rejected token is named here, settings open or not. */
  readonly tokenCheck?: TokenCheckState;
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
  tokenCheck,
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
          {hasToken ? 'with your token.' : 'without a token: GitHub Packages needs one.'}
          {hasToken && tokenProblem(tokenCheck)}{' '}
          <button type="button" className="button button--sm button--secondary" onClick={onAddToken}>
            {hasToken ? 'Token settings' : 'Add a GitHub token'}
          </button>
        </p>
      )}
    </div>
  );
}
