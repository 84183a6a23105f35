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
  const url = normalized(value.trim());
  if (url === undefined) {
    // The text is not echoed: a reader may have pasted the token into the wrong field.
    return {
      ok: false,
      message: 'That is not a valid API base URL: use https://HOST/api/v3 (no user name, query or fragment).',
    };
  }
  // Compared normalized on both sides, so `https://HOST/api/v3/` in the build settings still matches.
  if (!settings.allowed.some((allowed) => normalized(allowed) === url)) {
    return {
      ok: false,
      message: `This site was built to call only ${settings.allowed.join(', ')}. Rebuild it with GITHUB_API_URL set to use another GitHub Enterprise Server.`,
    };
  }
  return { ok: true, url };
}

function normalized(value: string): string | undefined {
  try {
    return normalizeBaseUrl(value);
  } catch {
    return undefined;
  }
}
