import { useEffect, useRef, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type { ApiSettings } from './settings/apiBase';
import { useToken, type TokenState } from './settings/useToken';

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
}

/**
 * Token, data source and API base URL. Sample data is on until the reader gives a token; giving one
 * switches to GitHub once, and the switch still lets them go back.
 */
export function usePlaygroundSettings(): PlaygroundSettings {
  const token = useToken();
  const api = useApiSettings();
  const [apiBaseUrl, setApiBaseUrl] = useState(api.defaultUrl);
  const [useSample, setUseSample] = useState(token.token === '');
  const hadToken = useRef(token.token !== '');
  useEffect(() => {
    const has = token.token !== '';
    if (has && !hadToken.current) setUseSample(false);
    if (!has && hadToken.current) setUseSample(true);
    hadToken.current = has;
  }, [token.token]);
  return { token, api, apiBaseUrl, setApiBaseUrl, useSample, setUseSample };
}
