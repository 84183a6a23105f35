import { normalizeBaseUrl } from '@site/src/github';

/** The API base URLs this build allows, from `customFields` (see docusaurus.config.ts). */
export interface ApiSettings {
  /** Default API base URL: `GITHUB_API_URL` at build time, else https://api.github.com. */
  readonly defaultUrl: string;
  /** Every base URL the reader may pick; the CSP's connect-src allows exactly their origins. */
  readonly allowed: readonly string[];
}

/**
 * Checks a base URL the reader typed. Only URLs the site was built for are accepted: the token must
 * never be sent to a host the site's owner did not choose, and the CSP would block it anyway.
 */
export function checkApiBase(
  value: string,
  settings: ApiSettings,
): { ok: true; url: string } | { ok: false; message: string } {
  let url: string;
  try {
    url = normalizeBaseUrl(value.trim());
  } catch {
    return {
      ok: false,
      message: `"${value}" is not a valid API base URL (for example https://HOST/api/v3).`,
    };
  }
  if (!settings.allowed.includes(url)) {
    return {
      ok: false,
      message: `This site was built to call only ${settings.allowed.join(', ')}. Rebuild it with GITHUB_API_URL set to use another GitHub Enterprise Server.`,
    };
  }
  return { ok: true, url };
}
