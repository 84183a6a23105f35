/**
 * The token check the playground makes when a reader enters a token: `GET /rate_limit`, which costs no
 * rate limit. It says whether GitHub accepts the token, which classic scopes it has (`X-OAuth-Scopes`;
 * absent for fine-grained and app tokens) and how many requests are left, before any query runs. It
 * also opens the connection to the API (DNS, TLS), so the first query does not pay for that.
 */
import { apiScopeOf, isApiUrl } from './apiScope';
import { parseRateLimit, type HeaderMap, type RateLimit } from './headers';
import { splitScopes } from './scopes';
import { authorization } from './transport';

export type TokenCheck =
  | {
      readonly ok: true;
      /** Classic scopes, or undefined when GitHub sends no `X-OAuth-Scopes` (not a classic token). */
      readonly scopes: readonly string[] | undefined;
      /** The core REST budget: requests left this hour and when it resets. */
      readonly rate: RateLimit | undefined;
    }
  | {
      readonly ok: false;
      readonly code: 'bad_token' | 'network' | 'forbidden' | 'http_error';
      readonly message: string;
      readonly status?: number;
    };

export interface TokenCheckOptions {
  /** A normalized API base URL (`https://api.github.com`, `https://ghe.example/api/v3`). */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
}

/** The core budget from `/rate_limit`'s body, or from the response's own `x-ratelimit-*` headers. */
function coreBudget(body: unknown, headers: HeaderMap): RateLimit | undefined {
  const core = (body as { resources?: { core?: Record<string, unknown> } } | null)?.resources?.core;
  const { limit, remaining, reset, used } = core ?? {};
  if (typeof limit === 'number' && typeof remaining === 'number' && typeof reset === 'number') {
    return { limit, remaining, resetAt: reset * 1000, ...(typeof used === 'number' ? { used } : {}) };
  }
  return parseRateLimit(headers);
}

/** GitHub's `message` in an error body, short and as text only. */
async function githubMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a token against the API. Never throws for GitHub's answers or the network; throws only the
 * AbortError of a cancelled check (the token changed), which the caller ignores.
 */
export async function checkToken(options: TokenCheckOptions): Promise<TokenCheck> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/rate_limit`;
  const host = new URL(options.baseUrl).host;
  if (!isApiUrl(url, apiScopeOf(options.baseUrl))) {
    return { ok: false, code: 'http_error', message: `${options.baseUrl} is not an API base URL.` };
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: {
        accept: 'application/vnd.github+json',
        authorization: authorization(options.token),
        'x-github-api-version': '2022-11-28',
      },
      signal: options.signal,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return {
      ok: false,
      code: 'network',
      message: `Could not reach ${host} to check the token (offline, blocked by a proxy or an extension, or the server is down). Queries need it too; sample data works without it.`,
    };
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const scopesHeader = response.headers.get('x-oauth-scopes');
  if (response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    return {
      ok: true,
      scopes: scopesHeader === null ? undefined : splitScopes(scopesHeader),
      rate: coreBudget(body, headers),
    };
  }
  if (response.status === 404 && scopesHeader !== null) {
    // GitHub Enterprise Server with rate limiting off has no /rate_limit, yet it did read the token.
    return { ok: true, scopes: splitScopes(scopesHeader), rate: undefined };
  }
  const said = await githubMessage(response);
  const quoted = said ? ` ("${said}")` : '';
  if (response.status === 401) {
    return {
      ok: false,
      code: 'bad_token',
      status: 401,
      message: `${host} rejected this token${quoted}: it may be mistyped, expired or revoked. Queries with it will fail; paste a working token, or use sample data.`,
    };
  }
  if (response.status === 403) {
    return {
      ok: false,
      code: 'forbidden',
      status: 403,
      message: `${host} refused the token check (403)${quoted}. The token may be blocked by an IP allow list or need SSO authorization.`,
    };
  }
  return {
    ok: false,
    code: 'http_error',
    status: response.status,
    message: `${host} answered ${response.status} to the token check${quoted}. Try again in a moment.`,
  };
}
