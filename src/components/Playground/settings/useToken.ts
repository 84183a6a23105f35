import { useCallback, useState } from 'react';

/** sessionStorage key, used only when the reader opts in; the token never goes to localStorage. */
export const TOKEN_KEY = 'stackql-playground:token';
/**
 * The API base URL a remembered token belongs to, kept beside it: a reloaded page checks and uses
 * the token against that server, never sends an Enterprise Server token to api.github.com.
 */
export const API_BASE_KEY = 'stackql-playground:api-base';

export function stored(key = TOKEN_KEY): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function store(value: string | null, key = TOKEN_KEY): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Storage blocked: the token stays in memory only, which is the default anyway.
  }
}

export interface TokenState {
  readonly token: string;
  /** Keep the token in this tab's sessionStorage (cleared when the tab closes). */
  readonly remember: boolean;
  readonly setToken: (token: string) => void;
  readonly setRemember: (remember: boolean) => void;
  /** Clears the token from memory and storage. */
  readonly forget: () => void;
}

/** The reader's GitHub token: in memory by default, in sessionStorage only when they opt in. */
export function useToken(): TokenState {
  const [token, setTokenState] = useState(() => stored() ?? '');
  const [remember, setRememberState] = useState(() => stored() !== null);

  const setToken = useCallback(
    (next: string) => {
      setTokenState(next);
      if (remember) store(next);
    },
    [remember],
  );
  const setRemember = useCallback(
    (next: boolean) => {
      setRememberState(next);
      store(next ? token : null);
    },
    [token],
  );
  const forget = useCallback(() => {
    setTokenState('');
    setRememberState(false);
    store(null);
  }, []);

  return { token, remember, setToken, setRemember, forget };
}
