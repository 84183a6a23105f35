/**
 * Errors of the GitHub data layer: typed values with a code the UI can branch on and a message a person
 * can act on. Messages are built from what GitHub sent and what the call asked for; they never contain
 * the token (`redact` is applied once more on the way out, in case a server echoes it back).
 */

/** What went wrong, as the playground branches on it. */
export type GitHubErrorCode =
  | 'bad_credentials'
  | 'missing_scope'
  | 'sso_required'
  | 'forbidden'
  | 'not_found'
  | 'cannot_delete'
  | 'validation_failed'
  | 'http_error'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'cross_origin_link'
  | 'unsafe_link'
  | 'malformed_response'
  | 'pagination_stalled'
  | 'cancelled'
  | 'invalid_base_url'
  | 'invalid_call';

/** Extra facts some errors carry, for the UI to show beside the message. */
export interface GitHubErrorDetails {
  /** HTTP status GitHub answered with; absent for network failures and local refusals. */
  readonly status?: number;
  /** Scopes the endpoint accepts that the token lacks (`missing_scope`). */
  readonly missingScopes?: readonly string[];
  /** Where to authorize the token for the organization's SAML SSO (`sso_required`). */
  readonly ssoUrl?: string;
  /** When the rate limit resets, epoch milliseconds (`rate_limited`). */
  readonly resetAt?: number;
  /** GitHub's own `message` from the JSON error body. */
  readonly githubMessage?: string;
  /** GitHub's `documentation_url` from the JSON error body. */
  readonly documentationUrl?: string;
  /** The URL that was refused or failed, never with the token in it. */
  readonly url?: string;
}

/** An error of the GitHub data layer. `instanceof GitHubError` and `code` are the contract. */
export class GitHubError extends Error implements GitHubErrorDetails {
  override readonly name = 'GitHubError';
  readonly code: GitHubErrorCode;
  readonly status?: number;
  readonly missingScopes?: readonly string[];
  readonly ssoUrl?: string;
  readonly resetAt?: number;
  readonly githubMessage?: string;
  readonly documentationUrl?: string;
  readonly url?: string;

  constructor(code: GitHubErrorCode, message: string, details: GitHubErrorDetails = {}) {
    super(message);
    this.code = code;
    Object.assign(this, stripUndefined(details));
  }

  /** A copy whose message and detail strings have `secret` replaced; used for every error that leaves. */
  redacted(secret: string | undefined): GitHubError {
    if (!secret) return this;
    const clean = (s: string | undefined): string | undefined => (s === undefined ? s : redact(s, secret));
    return new GitHubError(this.code, redact(this.message, secret), {
      status: this.status,
      missingScopes: this.missingScopes,
      ssoUrl: clean(this.ssoUrl),
      resetAt: this.resetAt,
      githubMessage: clean(this.githubMessage),
      documentationUrl: clean(this.documentationUrl),
      url: clean(this.url),
    });
  }
}

/** Replaces every occurrence of `secret` in `text` (a hostile server may echo the Authorization header). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('[REDACTED]');
}

/** Whether a value is a GitHubError with one of the given codes. */
export function isGitHubError(value: unknown, ...codes: GitHubErrorCode[]): value is GitHubError {
  return value instanceof GitHubError && (codes.length === 0 || codes.includes(value.code));
}

function stripUndefined(details: GitHubErrorDetails): Partial<GitHubErrorDetails> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}
