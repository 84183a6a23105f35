import { useCallback, useEffect, useState } from 'react';
import { checkToken, type TokenCheck } from '@site/src/github/tokenCheck';

/** How long the field must rest before the token is checked: a paste checks once, not per key. */
export const TOKEN_CHECK_DELAY_MS = 300;

export type TokenCheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly check: TokenCheck };

/**
 * Checks the reader's token with `GET /rate_limit` as soon as it is entered (and again when the API
 * base URL changes), so a bad or under-scoped token is reported before any query. Only while the
 * playground reads GitHub: sample data sends nothing anywhere.
 */
export function useTokenCheck(
  token: string,
  apiBaseUrl: string,
  enabled: boolean,
): TokenCheckState & { readonly recheck: () => void } {
  const [state, setState] = useState<TokenCheckState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const active = enabled && token !== '';
  useEffect(() => {
    if (!active) {
      setState({ status: 'idle' });
      return undefined;
    }
    setState({ status: 'checking' });
    const abort = new AbortController();
    const timer = setTimeout(() => {
      checkToken({ baseUrl: apiBaseUrl, token, signal: abort.signal }).then(
        (check) => {
          if (!abort.signal.aborted) setState({ status: 'done', check });
        },
        () => undefined, // aborted: a newer token or URL is being checked
      );
    }, TOKEN_CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [active, token, apiBaseUrl, attempt]);
  const recheck = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, recheck };
}
