import { describe, expect, it } from 'vitest';
import {
  MILESTONE_INTERVAL_MS,
  progressMilestone,
  progressParts,
} from '../../../src/components/Playground/run/progressText';
import type { RunProgress } from '../../../src/components/Playground/run/types';

const START = 1_000_000;
const listing: RunProgress = {
  startedAt: START,
  phase: 'fetching',
  calls: 1,
  callIndex: 0,
  fetch: {
    pages: 7,
    rows: 700,
    lastPage: 12,
    rateLimit: { limit: 5000, remaining: 4321, used: 679, resetAt: 0 },
  },
};

describe('progressParts', () => {
  it('says what the run does, pages of how many, rows, time and the budget', () => {
    expect(progressParts(listing, START + 2_400)).toEqual([
      'Fetching',
      '7 of 12 pages, 700 rows',
      '2.4 s',
      'rate limit: 4321 left',
    ]);
  });

  it("names a JOIN's key and a multi-call run's call", () => {
    const join: RunProgress = { ...listing, unit: { name: 'package', index: 11, count: 40 } };
    expect(progressParts(join, START)[1]).toBe('package 12 of 40');
    const calls: RunProgress = { startedAt: START, phase: 'writing', calls: 3, callIndex: 1 };
    expect(progressParts(calls, START)).toEqual(['Sending', 'call 2 of 3', '0.0 s']);
  });
});

describe('progressMilestone', () => {
  it('stays quiet until the run has gone on for the interval', () => {
    expect(progressMilestone(listing, START + MILESTONE_INTERVAL_MS - 1, 0)).toBeUndefined();
  });

  it('then says where the run has got to, without the rate-limit budget', () => {
    expect(progressMilestone(listing, START + 12_000, 0)).toBe(
      'Still fetching: 7 of 12 pages, 700 rows, 12.0 s.',
    );
  });

  it('counts the interval from the last announcement, not from the start', () => {
    const last = START + 15_000;
    expect(progressMilestone(listing, last + MILESTONE_INTERVAL_MS - 1, last)).toBeUndefined();
    expect(progressMilestone(listing, last + MILESTONE_INTERVAL_MS, last)).toMatch(/^Still fetching: /);
  });

  it('words the other phases too', () => {
    const querying: RunProgress = { startedAt: START, phase: 'querying', calls: 1, callIndex: 0 };
    expect(progressMilestone(querying, START + 10_000, 0)).toBe('Still running the query: 10.0 s.');
  });
});
