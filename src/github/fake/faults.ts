/** Fault injection of the fake API: which rule fires for a request, and what it answers. */
import type { EndpointResult } from './context';
import { linkHeader } from './context';
import { githubError } from './responses';
import type { FaultAction, FaultRule, RecordedRequest } from './types';
import { RATE_LIMIT_PATH } from './types';

/** The action of the first rule that matches this request, counting it as fired. */
export function pickFault(
  rules: readonly FaultRule[],
  fired: Map<FaultRule, number>,
  nth: number,
  page: number,
  method: string,
  path: string,
): FaultAction | undefined {
  for (const rule of rules) {
    // A rule names the token check's path to fail it; other rules leave the token check alone.
    if (rule.path !== undefined ? rule.path !== path : path === RATE_LIMIT_PATH) continue;
    if (rule.nth !== undefined && rule.nth !== nth) continue;
    if (rule.page !== undefined && rule.page !== page) continue;
    if (rule.method !== undefined && rule.method !== method) continue;
    const count = fired.get(rule) ?? 0;
    const times = rule.times ?? (rule.nth !== undefined ? 1 : Infinity);
    if (count >= times) continue;
    fired.set(rule, count + 1);
    return rule.action;
  }
  return undefined;
}

/** Faults answered instead of the endpoint (errors); undefined for faults that alter its answer. */
export function earlyFault(action: FaultAction, record: RecordedRequest, now: number): Response | undefined {
  const nowSeconds = Math.floor(now / 1000);
  switch (action.type) {
    case 'status':
      return githubError(action.status, action.message ?? statusText(action.status));
    case 'rate-limit': {
      const status = action.status ?? 403;
      const headers: Record<string, string> = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(nowSeconds + (action.resetInSeconds ?? 60)),
        'x-ratelimit-resource': 'core',
      };
      if (action.retryAfterSeconds !== undefined || status === 429) {
        headers['retry-after'] = String(action.retryAfterSeconds ?? 1);
      }
      const message =
        status === 429
          ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
          : 'API rate limit exceeded for user ID 1.';
      return githubError(status, message, headers);
    }
    case 'sso': {
      const url = action.url ?? 'https://github.com/orgs/acme/sso?authorization_request=AZ2SAMPLE';
      return githubError(
        403,
        'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
        { 'x-github-sso': `required; url=${url}` },
      );
    }
    case 'echo-auth':
      return githubError(
        500,
        `Internal error while checking Authorization: ${record.authorization ?? '(none)'}`,
      );
    default:
      return undefined;
  }
}

/** Faults that change a successful endpoint answer: cut JSON, a foreign `Link`, an empty linked page. */
export function applyLateFault(action: FaultAction, result: EndpointResult, url: URL): EndpointResult {
  if (result.status !== 200) return result;
  switch (action.type) {
    case 'malformed-json': {
      const text = JSON.stringify(result.body);
      return { ...result, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
    }
    case 'foreign-link': {
      if (action.link !== undefined) return { ...result, headers: { link: action.link } };
      const origin = action.origin ?? 'https://evil.example';
      const page = Number(url.searchParams.get('page') ?? '1');
      const foreign = new URL(url.pathname + url.search, origin);
      return { ...result, headers: { link: linkHeader(foreign, page, page + 1) } };
    }
    case 'empty-page': {
      const page = Number(url.searchParams.get('page') ?? '1');
      return { ...result, body: [], headers: { link: linkHeader(url, page, page + 1) } };
    }
    default:
      return result;
  }
}

function statusText(status: number): string {
  if (status === 502) return 'Server Error';
  if (status === 503) return 'Service Unavailable';
  if (status >= 500) return 'Internal Server Error';
  return `Error ${status}`;
}
