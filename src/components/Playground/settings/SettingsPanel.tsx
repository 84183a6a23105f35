import { useMemo, useState, type ReactNode } from 'react';
import { checkApiBase, type ApiSettings } from './apiBase';
import { TokenField } from './TokenField';
import { statementScopes } from './statementScopes';
import type { TokenState } from './useToken';
import { lackedScopes, tokenCheckLabel } from './TokenStatus';
import type { TokenCheckState } from './useTokenCheck';
import styles from '../styles.module.css';

export interface SettingsPanelProps {
  readonly token: TokenState;
  readonly useSample: boolean;
  readonly onUseSample: (sample: boolean) => void;
  readonly api: ApiSettings;
  readonly apiBaseUrl: string;
  readonly onApiBaseUrl: (url: string) => void;
  /** Whether the disclosure is open: the banner's "Add a GitHub token" opens it. */
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** The token input's id, for the banner to focus it. */
  readonly tokenInputId: string;
  /** The statement in the editor and the catalogue's version: the token hint names what it needs. */
  readonly sql?: string;
  readonly catalogue?: number;
  /** The token check on entry; absent, nothing is checked. */
  readonly tokenCheck?: TokenCheckState & { readonly recheck: () => void };
}

/** Token, the sample-data switch and the API base URL (limited to what the site was built for). */
export function SettingsPanel(props: SettingsPanelProps): ReactNode {
  const [draft, setDraft] = useState(props.apiBaseUrl);
  const { open, sql = '', catalogue, tokenCheck } = props;
  // Planned only while someone reads it: the open settings' hint, or a checked token's scopes.
  const checked = tokenCheck?.status === 'done' && tokenCheck.check.ok;
  const needs = useMemo(
    () => (open || checked ? statementScopes(sql) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `catalogue` changes when a service loads
    [open, checked, sql, catalogue],
  );
  const [problem, setProblem] = useState<string | undefined>();
  return (
    // A <details> disclosure is interactive (its summary toggles it); Escape closes it, as a reader expects.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details
      className={styles.settings}
      open={props.open}
      onToggle={(e) => {
        props.onOpenChange(e.currentTarget.open);
      }}
      onKeyDown={(e) => {
        // Escape closes what the summary opened, and gives the focus back to it.
        if (e.key !== 'Escape' || !props.open) return;
        props.onOpenChange(false);
        e.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary>
        Data source: {props.useSample ? 'sample data' : props.apiBaseUrl}
        {props.useSample
          ? ''
          : props.token.token
            ? ` (${tokenCheck ? tokenCheckLabel(tokenCheck, lackedScopes(tokenCheck, needs)) : 'token set'})`
            : ' (no token)'}
      </summary>
      {/* A form, so password managers and browsers treat the token field as a credential. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label className={styles.inline}>
          <input
            type="checkbox"
            checked={props.useSample}
            onChange={(e) => {
              props.onUseSample(e.target.checked);
            }}
          />
          Use sample data
        </label>
        <TokenField
          state={props.token}
          inputId={props.tokenInputId}
          needs={needs}
          check={tokenCheck}
          onRecheck={tokenCheck?.recheck}
        />
        <div className={styles.field}>
          <label>
            API base URL
            <input
              type="url"
              value={draft}
              aria-invalid={problem !== undefined}
              aria-describedby="api-base-problem"
              onChange={(e) => {
                setDraft(e.target.value);
              }}
              onBlur={() => {
                const checked = checkApiBase(draft, props.api);
                setProblem(checked.ok ? undefined : checked.message);
                if (checked.ok) props.onApiBaseUrl(checked.url);
              }}
            />
          </label>
          <p id="api-base-problem" className={problem ? styles.warning : styles.hint}>
            {problem ??
              `GitHub.com or a GitHub Enterprise Server this site was built for (${props.api.allowed.join(', ')}).`}
          </p>
        </div>
      </form>
    </details>
  );
}
