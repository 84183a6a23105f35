import { useEffect, useRef, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { checkApiBase, type ApiSettings } from './settings/apiBase';
import { API_BASE_KEY, store, stored, useToken, type TokenState } from './settings/useToken';
import { useTokenCheck, type TokenCheckState } from './settings/useTokenCheck';

/** The API settings the site was built with (docusaurus.config.ts → customFields). */
export function useApiSettings(): ApiSettings {
  const { siteConfig } = useDocusaurusContext();
  const fields = siteConfig.customFields as
    { apiBaseUrl?: string; allowedApiBaseUrls?: string[] } | undefined;
  const defaultUrl = fields?.apiBaseUrl ?? 'https://api.github.com';
  return { defaultUrl, allowed: fields?.allowedApiBaseUrls ?? [defaultUrl] };
}

export interface PlaygroundSettings {
  readonly token: TokenState;
  readonly api: ApiSettings;
  readonly apiBaseUrl: string;
  readonly setApiBaseUrl: (url: string) => void;
  readonly useSample: boolean;
  readonly setUseSample: (sample: boolean) => void;
  /** The token checked on entry against the API (`GET /rate_limit`), while reading GitHub. */
  readonly tokenCheck: TokenCheckState & { readonly recheck: () => void };
}

/**
 * Token, data source and API base URL. Sample data is on until the reader gives a token; giving one
 * switches to GitHub once, and the switch still lets them go back.
 */
export function usePlaygroundSettings(): PlaygroundSettings {
  const token = useToken();
  const api = useApiSettings();
  // A remembered token comes back with the API it was entered for (if this build still allows it).
  const [apiBaseUrl, setApiBaseUrl] = useState(() => {
    const remembered = token.remember ? stored(API_BASE_KEY) : null;
    const checked = remembered === null ? undefined : checkApiBase(remembered, api);
    return checked?.ok ? checked.url : api.defaultUrl;
  });
  useEffect(() => {
    store(token.remember && token.token !== '' ? apiBaseUrl : null, API_BASE_KEY);
  }, [token.remember, token.token, apiBaseUrl]);
  const [useSample, setUseSample] = useState(token.token === '');
  const hadToken = useRef(token.token !== '');
  useEffect(() => {
    const has = token.token !== '';
    if (has && !hadToken.current) setUseSample(false);
    if (!has && hadToken.current) setUseSample(true);
    hadToken.current = has;
  }, [token.token]);
  const tokenCheck = useTokenCheck(token.token, apiBaseUrl, !useSample);
  return { token, api, apiBaseUrl, setApiBaseUrl, useSample, setUseSample, tokenCheck };
}
