import { useCallback, useState } from 'react';

/** sessionStorage key, used only when the reader opts in; the token never goes to localStorage. */
export const TOKEN_KEY = 'stackql-playground:token';

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function store(token: string | null): void {
  try {
    if (token === null) window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token);
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
