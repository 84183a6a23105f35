/**
 * The one fake GitHub API: a fetch-shaped handler for every registered method, over the `packages`
 * dataset and rows generated from the catalogue for every other resource (on first request, then kept).
 * The browser's sample mode plugs it in as the client's `fetch`; the Node test server wraps it in
 * `http.createServer`. It speaks GitHub's
 * protocol (CORS, `Link`, `x-ratelimit-*`, ETag/304, scope headers, JSON error bodies) and can inject
 * the faults a test asks for. Browser-safe: no Node imports.
 */
import { allResources } from '../../resources/registry';
import { createSampleDataset } from '../sample/dataset';
import type { FakeDataset } from '../sample/model';
import { normalizeDataset } from '../sample/normalize';
import { createSampleRows } from '../sample/resourceRows';
import type { EndpointContext, EndpointResult } from './context';
import { answer, matchRoute, perCatalogue } from './endpoints';
import { applyLateFault, earlyFault, pickFault } from './faults';
import { DOWNLOAD_PATH } from './genericEndpoints';
import { corsHeaders, delay, etagOf, githubError, json, preflight } from './responses';
import type { FakeGitHub, FakeGitHubOptions, FaultRule, RecordedRequest } from './types';
import { RATE_LIMIT_PATH } from './types';

/** Whether a recorded request is the playground's token check. */
const isTokenCheck = (url: string): boolean => new URL(url).pathname === RATE_LIMIT_PATH;

/** Every scope any registered method needs: what a token has when no `scopes` are configured. */
const allScopes = perCatalogue(() => [
  ...new Set(allResources().flatMap((r) => r.methods.flatMap((m) => m.scopes))),
]);

/** Creates a fake GitHub API. */
export function createFakeGitHub(initial: FakeGitHubOptions = {}): FakeGitHub {
  const original = initial.dataset ?? createSampleDataset();
  let dataset: FakeDataset = normalizeDataset(original);
  const rows = createSampleRows();
  let options: FakeGitHubOptions = { ...initial };
  let fired = new Map<FaultRule, number>();
  const requests: RecordedRequest[] = [];
  const now = (): number => (options.now ?? Date.now)();
  const resetAt = Math.floor(now() / 1000) + 3600;
  let remaining = options.rateLimit ?? 5000;

  const rateHeaders = (): Record<string, string> => {
    const limit = Math.max(options.rateLimit ?? 5000, remaining);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(limit - Math.max(0, remaining)),
      'x-ratelimit-resource': 'core',
    };
  };

  /** `GET /rate_limit` as GitHub answers it: the budgets, `rate` repeating `core`. */
  const rateLimitAnswer = (limit: number, left: number, extra: Record<string, string> = {}): Response => {
    const core = { limit, used: limit - left, remaining: left, reset: resetAt, resource: 'core' };
    const search = { limit: 30, used: 0, remaining: 30, reset: resetAt, resource: 'search' };
    return json(
      200,
      { resources: { core, search }, rate: core },
      {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(left),
        'x-ratelimit-reset': String(resetAt),
        'x-ratelimit-used': String(limit - left),
        'x-ratelimit-resource': 'core',
        ...extra,
      },
    );
  };

  const respond = (request: Request, record: RecordedRequest): Response => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('page') ?? '1');
    // `nth` counts data requests: the token check is not one.
    const nth = requests.filter((r) => !isTokenCheck(r.url)).length;
    const fault = pickFault(options.faults ?? [], fired, nth, page, request.method, url.pathname);
    if (fault?.type === 'network') throw new TypeError('Failed to fetch');
    const early = fault && earlyFault(fault, record, now());
    if (early) return early;

    if (url.pathname.startsWith(`${DOWNLOAD_PATH}/`)) {
      // The file a `redirect` method points at, as GitHub's storage hosts serve it: no token needed.
      return new Response('sample file\n', {
        headers: { ...corsHeaders(), 'content-type': 'application/octet-stream' },
      });
    }
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(record.authorization ?? '')?.[1];
    // With a token, `/rate_limit` answers as GitHub does (the playground's token check); without
    // one (sample mode), from the catalogue's sample rows like any other resource.
    const tokenCheck = request.method === 'GET' && url.pathname === RATE_LIMIT_PATH && auth !== undefined;
    if (options.token !== undefined && auth !== options.token) {
      return githubError(401, auth === undefined ? 'Requires authentication' : 'Bad credentials');
    }
    if (tokenCheck) {
      // Costs no rate limit, even when it is used up; says which classic scopes the token has.
      const limit = Math.max(options.rateLimit ?? 5000, remaining);
      return rateLimitAnswer(limit, Math.max(0, remaining), {
        'x-oauth-scopes': (options.scopes ?? allScopes()).join(', '),
      });
    }
    if (remaining <= 0) {
      return githubError(403, 'API rate limit exceeded for user ID 1.', rateHeaders());
    }
    const route = matchRoute(request.method, url.pathname);
    if (!route) return githubError(404, 'Not Found', rateHeaders());

    const scopeHeaders: Record<string, string> = {};
    if (auth !== undefined) {
      const granted = options.scopes ?? allScopes();
      scopeHeaders['x-oauth-scopes'] = granted.join(', ');
      scopeHeaders['x-accepted-oauth-scopes'] = route.method.scopes.join(', ');
      if (!route.method.scopes.every((s) => granted.includes(s))) {
        remaining--;
        return githubError(
          403,
          `You need at least ${route.method.scopes.join(', ')} scope to use ${route.method.http.operationId}.`,
          {
            ...rateHeaders(),
            ...scopeHeaders,
          },
        );
      }
    }
    const ctx: EndpointContext = {
      dataset,
      rows,
      url,
      hostile: options.hostile ?? false,
      sampleMode: options.sampleMode ?? false,
      now: now(),
      authenticated: auth !== undefined,
    };
    const result: EndpointResult = fault
      ? applyLateFault(fault, answer(route, ctx), url)
      : answer(route, ctx);
    return finish(request, result, scopeHeaders);
  };

  const finish = (request: Request, result: EndpointResult, extra: Record<string, string>): Response => {
    const headers = { ...extra, ...result.headers };
    if (result.body === undefined) {
      remaining--;
      return new Response(null, {
        status: result.status,
        headers: { ...corsHeaders(), ...rateHeaders(), ...headers },
      });
    }
    if (typeof result.body === 'string') {
      // A fault's raw text (malformed JSON), sent as GitHub would label it.
      remaining--;
      return new Response(result.body, {
        status: result.status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...corsHeaders(),
          ...rateHeaders(),
          ...headers,
        },
      });
    }
    const text = JSON.stringify(result.body);
    const etag = etagOf(text);
    const conditional = request.headers.get('if-none-match');
    if (result.status === 200 && conditional?.split(',').some((t) => t.trim() === etag)) {
      // A 304 costs no rate limit on GitHub.
      return new Response(null, {
        status: 304,
        headers: { ...corsHeaders(), ...rateHeaders(), ...headers, etag },
      });
    }
    remaining--;
    return json(result.status, result.body, {
      ...rateHeaders(),
      ...headers,
      ...(result.status === 200 ? { etag } : {}),
    });
  };

  const handle = async (request: Request): Promise<Response> => {
    // A preflight travels the network like any request: it pays the same delay.
    if (request.method === 'OPTIONS') {
      await delay(options.delayMs ?? 0, request.signal);
      return preflight();
    }
    const record: RecordedRequest = {
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization') ?? undefined,
      ifNoneMatch: request.headers.get('if-none-match') ?? undefined,
      status: 0,
      at: now(),
    };
    requests.push(record);
    await delay(options.delayMs ?? 0, request.signal);
    const response = respond(request, record);
    record.status = response.status;
    return response;
  };

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    requests,
    get dataset() {
      return dataset;
    },
    resetDataset(next) {
      dataset = normalizeDataset(next ?? original);
      rows.reset();
    },
    configure(changes) {
      options = { ...options, ...changes };
      if (changes.faults) fired = new Map();
      if (changes.rateLimit !== undefined) remaining = changes.rateLimit;
    },
    setFaults(faults) {
      options = { ...options, faults };
      fired = new Map();
    },
    resetRequests() {
      requests.length = 0;
    },
  };
}
