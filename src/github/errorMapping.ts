import { buildPath, plural, rowNoun, type ParamValue } from '../resources/calls';
import type { MethodDef, ResourceDef } from '../resources/types';
import { GitHubError } from './errors';
import { parseRateLimitWait } from './headers';
import { missingScopes as lacking, splitScopes } from './scopes';

/** What the client knows when GitHub answers with an error status. */
export interface HttpFailure {
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed body (GitHub's `{ message, documentation_url }`), or its text when not JSON. */
  readonly body: unknown;
  readonly url: string;
  /** Epoch milliseconds when the response arrived, for rate-limit reset times. */
  readonly now: number;
  /** Whether the request carried a token (a 401 without one means "a token is needed"). */
  readonly authenticated?: boolean;
}

/** The call that failed, to name what was asked for in the message. */
export interface FailedCall {
  readonly resource: ResourceDef;
  readonly method: MethodDef;
  readonly params: Readonly<Record<string, ParamValue>>;
}

const CLASSIC_PAT_NOTE =
  'GitHub Packages accepts classic personal access tokens only (fine-grained tokens and GitHub App tokens are refused).';

/**
 * The note on token kinds for a method: GitHub Packages refuses every token but a classic one, which
 * the catalogue says through the method's scopes (`read:packages`, `delete:packages`, …).
 */
function tokenNote(call: FailedCall): string {
  return call.method.scopes.some((s) => s.endsWith(':packages')) ? ` ${CLASSIC_PAT_NOTE}` : '';
}

/** `a classic personal access token with repo`, or any token when GitHub documents no scope. */
function tokenWith(call: FailedCall): string {
  const { scopes } = call.method;
  return scopes.length > 0
    ? `a classic personal access token with ${scopes.join(' and ')}`
    : 'a personal access token that may do this';
}

/** Maps an HTTP error response to a GitHubError a person can act on. */
export function mapHttpFailure(failure: HttpFailure, call: FailedCall): GitHubError {
  const { status, headers, url } = failure;
  const { githubMessage, documentationUrl } = readErrorBody(failure.body);
  const base = { status, githubMessage, documentationUrl, url };
  const said = githubMessage ? ` GitHub said: "${githubMessage}".` : '';

  const wait = parseRateLimitWait(status, headers, failure.now);
  if (wait) {
    const at = new Date(wait.until).toISOString();
    return new GitHubError('rate_limited', `GitHub's rate limit is used up; it resets at ${at}.${said}`, {
      ...base,
      resetAt: wait.until,
    });
  }
  if (status === 401 && failure.authenticated === false) {
    return new GitHubError(
      'bad_credentials',
      `GitHub requires a token for this (401). Paste ${tokenWith(call)}, or use the sample data.`,
      base,
    );
  }
  if (status === 401) {
    return new GitHubError(
      'bad_credentials',
      `The token was refused (401): it is invalid, expired or revoked. Create ${tokenWith(call)} and paste it again.`,
      base,
    );
  }
  if (status === 403) return forbidden(failure, call, base, said);
  if (status === 404) {
    return new GitHubError(
      'not_found',
      `Not found (404): ${describeTarget(call)} does not exist, or this token cannot see it. Check the names, and that the token's owner can read it.`,
      base,
    );
  }
  if (status === 400 && call.method.http.method === 'DELETE') {
    return new GitHubError(
      'cannot_delete',
      `GitHub refused to delete ${describeTarget(call)}.${said}${deleteRule(call)}`,
      base,
    );
  }
  if (status === 422) {
    return new GitHubError('validation_failed', `GitHub rejected the request (422).${said}`, base);
  }
  if (status >= 500) {
    return new GitHubError(
      'server_error',
      `GitHub had an error (${status}). Try again in a moment.${said}`,
      base,
    );
  }
  return new GitHubError('http_error', `GitHub answered ${status}.${said}`, base);
}

function forbidden(
  failure: HttpFailure,
  call: FailedCall,
  base: Record<string, unknown>,
  said: string,
): GitHubError {
  const sso = failure.headers['x-github-sso'];
  if (sso) {
    const ssoUrl = safeHttpsUrl(/url=(\S+)/.exec(sso)?.[1]);
    const where = ssoUrl ? ` at ${ssoUrl}` : ' in your token settings on GitHub';
    return new GitHubError(
      'sso_required',
      `The organization uses SAML single sign-on: authorize this token for it${where}, then run again.`,
      { ...base, ssoUrl },
    );
  }
  const accepted = splitScopes(failure.headers['x-accepted-oauth-scopes']);
  const grantedHeader = failure.headers['x-oauth-scopes'];
  if (accepted.length > 0 || grantedHeader !== undefined) {
    const granted = splitScopes(grantedHeader);
    const wanted = [...new Set([...accepted, ...call.method.scopes])];
    const missingScopes = lacking(wanted, granted);
    if (grantedHeader === undefined) {
      return new GitHubError(
        'missing_scope',
        `The token is not a classic personal access token, or has no scopes.${tokenNote(call)} It needs ${wanted.join(' and ')}.`,
        { ...base, missingScopes: wanted },
      );
    }
    if (missingScopes.length > 0) {
      return new GitHubError(
        'missing_scope',
        `The token lacks the ${missingScopes.join(' and ')} scope${missingScopes.length > 1 ? 's' : ''} (it has: ${granted.join(', ') || 'none'}). Add ${missingScopes.length > 1 ? 'them' : 'it'} to the classic personal access token.${tokenNote(call)}`,
        { ...base, missingScopes },
      );
    }
  }
  return new GitHubError(
    'forbidden',
    `GitHub refused access (403) to ${describeTarget(call)}.${said} The token's owner may need more rights on it (admin of the repository or the organization), or the token more scopes.`,
    base,
  );
}

/**
 * What a call asked for, in words. GitHub Packages' calls (rows of packages, or `package_*` path
 * params) read as `version
 * 81005383 of container package "web/frontend" in org "acme"`, `npm package "hello-world" of user
 * "octocat"`, `npm package "x" of the authenticated user`, from the method's path params (a path
 * param this vocabulary does not know is named as `name = "value"`). Any other path reads as what one
 * row of the resource is and where: `the workflow run at /repos/acme/web/actions/runs/42`.
 */
export function describeTarget(call: FailedCall): string {
  const { path } = call.method.http;
  if (!/\bpackage\b/.test(rowNoun(call.resource)) && !path.includes('{package_')) {
    let at = path;
    try {
      at = buildPath(call.method, call.params);
    } catch {
      // A call without its path params never reaches GitHub; the template names it well enough.
    }
    const noun = rowNoun(call.resource);
    return `the ${call.method.response === 'list' ? plural(noun) : noun} at ${at}`;
  }
  const value = (name: string): string | undefined =>
    path.includes(`{${name}}`) && call.params[name] !== undefined ? String(call.params[name]) : undefined;
  const org = value('org');
  const username = value('username');
  const type = value('package_type') ?? queryValue(call, 'package_type');
  const name = value('package_name');
  const version = value('package_version_id');
  const owner =
    org !== undefined
      ? `org ${JSON.stringify(org)}`
      : username !== undefined
        ? `user ${JSON.stringify(username)}`
        : /^\/user(?:\/|$)/.test(path)
          ? 'the authenticated user'
          : undefined;
  const known = new Set(['org', 'username', 'package_type', 'package_name', 'package_version_id']);
  const others = [...path.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !known.has(n))
    .map((n) => `${n} = ${JSON.stringify(String(call.params[n] ?? ''))}`);

  let target: string | undefined;
  if (name !== undefined) {
    target = `${type === undefined ? '' : `${type} `}package ${JSON.stringify(name)}`;
    if (version !== undefined) target = `version ${version} of ${target}`;
    if (owner !== undefined) target += `${org === undefined ? ' of ' : ' in '}${owner}`;
  } else if (owner !== undefined) {
    const what = type === undefined ? 'the packages' : `the ${type} packages`;
    target = `${what} of ${owner}`;
  }
  return [target, ...others].filter((t) => t !== undefined).join(', ') || call.method.http.path;
}

/**
 * GitHub's documented reason a package or a version cannot be deleted, read from what the DELETE's
 * path names (a version id, or a package name); nothing for other DELETEs, whose 400 says it itself.
 */
function deleteRule(call: FailedCall): string {
  const { path } = call.method.http;
  if (path.includes('{package_version_id}'))
    return ' A public version with more than 5,000 downloads cannot be deleted, nor the last version of a package (delete the package instead).';
  if (path.includes('{package_name}'))
    return ' A public package with a version downloaded more than 5,000 times cannot be deleted; GitHub support can.';
  return '';
}

function queryValue(call: FailedCall, name: string): string | undefined {
  const value = call.params[name];
  return call.method.requiredParams.includes(name) && value !== undefined ? String(value) : undefined;
}

function readErrorBody(body: unknown): { githubMessage?: string; documentationUrl?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { message, documentation_url: doc } = body as Record<string, unknown>;
  return {
    githubMessage: typeof message === 'string' ? message.slice(0, 500) : undefined,
    documentationUrl: safeHttpsUrl(typeof doc === 'string' ? doc : undefined),
  };
}

/** Only https URLs may become links in the UI (a hostile server could send `javascript:`). */
function safeHttpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
