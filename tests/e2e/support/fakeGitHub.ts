import { RATE_LIMIT_PATH, type FaultRule, type RecordedRequest } from '../../../src/github/fake/types';
import { ALL_SCOPES, E2E_TOKEN, FAKE_API_URL } from './constants';

export interface FakeSettings {
  readonly faults?: readonly FaultRule[];
  readonly delayMs?: number;
  readonly hostile?: boolean;
  readonly scopes?: readonly string[];
  readonly token?: string;
  /** The core budget the fake starts the test with (5,000, as GitHub gives a token). */
  readonly rateLimit?: number;
  /** Serve this dataset (any shape the fake's `datasetFromJson` reads) instead of the sample's. */
  readonly dataset?: unknown;
}

/** Sets the fake API for one test (defaults restored for anything not given) and forgets old requests. */
export async function resetFake(settings: FakeSettings = {}): Promise<void> {
  const response = await fetch(`${FAKE_API_URL}/__control`, {
    method: 'POST',
    body: JSON.stringify({
      faults: settings.faults ?? [],
      delayMs: settings.delayMs ?? 0,
      hostile: settings.hostile ?? false,
      scopes: settings.scopes ?? ALL_SCOPES,
      token: settings.token ?? E2E_TOKEN,
      // Each test starts with a full budget, whatever the tests before it spent.
      rateLimit: settings.rateLimit ?? 5000,
      resetRequests: true,
      // Every test starts from the same data: earlier deletes and restores are undone.
      ...(settings.dataset === undefined ? { resetDataset: true } : { dataset: settings.dataset }),
    }),
  });
  if (response.status !== 204) throw new Error(`fake control answered ${response.status}`);
}

async function recorded(): Promise<RecordedRequest[]> {
  const response = await fetch(`${FAKE_API_URL}/__requests`);
  return (await response.json()) as RecordedRequest[];
}

const isTokenCheck = (r: RecordedRequest): boolean => new URL(r.url).pathname === RATE_LIMIT_PATH;

/**
 * The API requests the fake received since the last reset (preflights not included), less the token
 * checks (`GET /rate_limit`) the playground makes when a token is entered: `fakeTokenChecks` has those.
 */
export async function fakeRequests(): Promise<RecordedRequest[]> {
  return (await recorded()).filter((r) => !isTokenCheck(r));
}

/** The token checks (`GET /rate_limit`) the fake received since the last reset. */
export async function fakeTokenChecks(): Promise<RecordedRequest[]> {
  return (await recorded()).filter(isTokenCheck);
}
