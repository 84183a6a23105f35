/** Building responses the way api.github.com sends them: CORS, JSON error bodies, ETags. */

/** Headers GitHub lets browser code read; without `Link` exposed, pagination silently stops at page 1. */
export const EXPOSED_HEADERS = [
  'ETag',
  'Link',
  'Location',
  'Retry-After',
  'X-GitHub-OTP',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used',
  'X-RateLimit-Resource',
  'X-RateLimit-Reset',
  'X-OAuth-Scopes',
  'X-Accepted-OAuth-Scopes',
  'X-Poll-Interval',
  'X-GitHub-Media-Type',
  'X-GitHub-SSO',
  'X-GitHub-Request-Id',
  'Deprecation',
  'Sunset',
].join(', ');

/** Request headers GitHub's preflight allows. */
export const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Unmodified-Since',
  'Accept-Encoding',
  'X-GitHub-OTP',
  'X-Requested-With',
  'User-Agent',
  'X-GitHub-Api-Version',
].join(', ');

const DOCS = 'https://docs.github.com/rest/packages/packages';

/** CORS headers on every response, as GitHub sends them. */
export function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED_HEADERS,
  };
}

/** The answer to an OPTIONS preflight. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(),
      'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '86400',
    },
  });
}

/** A JSON response with CORS and the given extra headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...corsHeaders(), ...headers },
  });
}

/** GitHub's error body: `{ "message", "documentation_url", "status" }`. */
export function githubError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { message, documentation_url: DOCS, status: String(status) }, headers);
}

/** A weak ETag of a body (FNV-1a), stable for the same bytes like GitHub's. */
export function etagOf(body: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) {
    hash ^= body.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `W/"${(hash >>> 0).toString(16).padStart(8, '0')}${body.length.toString(16)}"`;
}

/** Resolves after `ms`, or rejects when the request is aborted (the client cancelled). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('The request was aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}
