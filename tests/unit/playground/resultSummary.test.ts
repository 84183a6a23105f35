import { describe, expect, it } from 'vitest';
import { resultSummary } from '../../../src/components/Playground/results/resultSummary';
import type { QueryResult } from '../../../src/components/Playground/run/types';

const base: QueryResult = {
  columns: [],
  rows: [],
  total: 0,
  source: 'sample',
  interim: false,
  elapsedMs: 12.4,
};

describe('resultSummary', () => {
  it('says rows, source and time', () => {
    expect(resultSummary({ ...base, total: 1 })).toBe('1 row from sample data in 12 ms.');
  });

  it("carries the client's note: an empty answer or a download says so in the status", () => {
    const note = 'GitHub answered 204 No Content: there are no rows to show.';
    expect(resultSummary({ ...base, source: 'github', note })).toBe(`0 rows from GitHub in 12 ms. ${note}`);
  });
});
