import type { ReactNode } from 'react';
import type { RateLimit } from '@site/src/github/headers';
import { missingScopes } from '@site/src/github/scopes';
import type { StatementScopes } from './statementScopes';
import type { TokenCheckState } from './useTokenCheck';
import styles from '../styles.module.css';

/** GitHub's new-token form, with the given scopes ticked. */
export function newTokenUrl(scopes: readonly string[]): string {
  const query = new URLSearchParams({ scopes: scopes.join(','), description: 'StackQL playground' });
  return `https://github.com/settings/tokens/new?${query.toString()}`;
}

/** The classic scopes the statement needs and the checked token lacks (none when not known). */
export function lackedScopes(state: TokenCheckState, needs: StatementScopes | undefined): string[] {
  if (state.status !== 'done' || !state.check.ok || !needs) return [];
  // No X-OAuth-Scopes: a fine-grained or app token, whose permissions GitHub does not list.
  if (state.check.scopes === undefined) return [];
  return missingScopes(needs.scopes, state.check.scopes);
}

/** A few words on the check, for the settings' summary: `token works`, `token rejected`. */
export function tokenCheckLabel(state: TokenCheckState, lacked: readonly string[]): string {
  if (state.status === 'checking') return 'checking token…';
  if (state.status === 'idle') return 'token set';
  if (!state.check.ok) return state.check.code === 'bad_token' ? 'token rejected' : 'token not checked';
  if (lacked.length > 0) return `token lacks ${lacked.join(', ')}`;
  return 'token works';
}

function time(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function budget(rate: RateLimit): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  return `${n(rate.remaining)} of ${n(rate.limit)} requests left; the budget resets at ${time(rate.resetAt)}.`;
}

const codes = (names: readonly string[]): ReactNode =>
  names.map((s, i) => [i > 0 && ', ', <code key={s}>{s}</code>]);

/**
 * What the token check found, beside the token field: whether GitHub accepts the token, its classic
 * scopes against what the statement in the editor needs, and the requests left. A live region, so a
 * screen reader hears the verdict once it arrives.
 */
export function TokenStatus({
  state,
  needs,
  onRecheck,
}: {
  readonly state: TokenCheckState;
  readonly needs: StatementScopes | undefined;
  readonly onRecheck: () => void;
}): ReactNode {
  const lacked = lackedScopes(state, needs);
  let body: ReactNode = null;
  let warn = false;
  if (state.status === 'checking') body = 'Checking the token with GitHub…';
  else if (state.status === 'done' && !state.check.ok) {
    warn = true;
    body = (
      <>
        {state.check.message}{' '}
        <button type="button" className="button button--sm button--secondary" onClick={onRecheck}>
          Check again
        </button>
      </>
    );
  } else if (state.status === 'done' && state.check.ok) {
    const { scopes, rate } = state.check;
    warn = lacked.length > 0 || rate?.remaining === 0;
    body = (
      <>
        GitHub accepts this token.{' '}
        {scopes === undefined ? (
          <>
            It reports no classic scopes for it (a fine-grained or app token): Packages need a classic token;
            other methods need its repository and organization permissions.{' '}
          </>
        ) : scopes.length === 0 ? (
          <>It has no classic scopes: it reads public data only. </>
        ) : (
          <>Classic scopes: {codes(scopes)}. </>
        )}
        {rate && budget(rate)}
        {lacked.length > 0 && (
          <>
            {' '}
            This statement needs {codes(lacked)}, which the token lacks:{' '}
            <a href={newTokenUrl(needs?.scopes ?? lacked)} target="_blank" rel="noopener noreferrer">
              create a token with {lacked.length > 1 ? 'them' : 'it'}
            </a>
            .
          </>
        )}
      </>
    );
  }
  return (
    <p role="status" aria-label="Token check" className={warn ? styles.warning : styles.hint}>
      {body}
    </p>
  );
}
