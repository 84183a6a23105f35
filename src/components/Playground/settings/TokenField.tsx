import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { StatementScopes } from './statementScopes';
import type { TokenState } from './useToken';
import { newTokenUrl, TokenStatus } from './TokenStatus';
import type { TokenCheckState } from './useTokenCheck';
import styles from '../styles.module.css';

/** The token field with its "remember" opt-in, "Forget token", and the scopes each statement needs. */
export function TokenField({
  state,
  inputId,
  needs,
  check,
  onRecheck,
}: {
  /** The check of the token on entry (`useTokenCheck`), shown under the field. */
  readonly check?: TokenCheckState;
  readonly onRecheck?: () => void;
  /** What the statement in the editor needs of the token (`statementScopes`), if it plans. */
  readonly needs?: StatementScopes;
  readonly state: TokenState;
  /** The input's id, for a caller that moves the focus to it. */
  readonly inputId?: string;
}): ReactNode {
  const hint = useId();
  const input = useRef<HTMLInputElement>(null);
  // A remembered token is put in the field as a property, once: never as an attribute.
  const [initial] = useState(state.token);
  useEffect(() => {
    if (input.current) input.current.value = initial;
  }, [initial]);
  return (
    <div className={styles.field}>
      <label>
        GitHub token
        {/* Uncontrolled, with no defaultValue: React mirrors value and defaultValue into the `value`
            attribute, where CSS attribute selectors and DOM dumps could read the token. */}
        <input
          ref={input}
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            state.setToken(e.target.value.trim());
          }}
          placeholder="ghp_… (classic token)"
          aria-describedby={hint}
        />
      </label>
      {check && <TokenStatus state={check} needs={needs} onRecheck={onRecheck ?? (() => undefined)} />}
      <div className={styles.inline}>
        <label>
          <input
            type="checkbox"
            checked={state.remember}
            onChange={(e) => {
              state.setRemember(e.target.checked);
            }}
          />{' '}
          Remember in this tab
        </label>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => {
            if (input.current) input.current.value = '';
            state.forget();
          }}
        >
          Forget token
        </button>
      </div>
      <p id={hint} className={styles.hint}>
        {needs ? (
          <>
            This statement calls {needs.methods.map((m, i) => [i > 0 && ', ', <code key={m}>{m}</code>])}
            {needs.scopes.length > 0 ? (
              <>
                , which needs the classic scope{needs.scopes.length > 1 ? 's' : ''}{' '}
                {needs.scopes.map((s, i) => [i > 0 && ', ', <code key={s}>{s}</code>])}.{' '}
              </>
            ) : (
              <>; GitHub documents no scope for it (public data needs none). </>
            )}
          </>
        ) : (
          <>Each method&apos;s scopes are on its resource page; Packages take classic tokens only. </>
        )}
        <a href={newTokenUrl(needs?.scopes ?? [])} target="_blank" rel="noopener noreferrer">
          Create a token
        </a>
        . It is sent only to the API, in the Authorization header, and kept in memory unless you tick
        “Remember in this tab”.
      </p>
    </div>
  );
}
