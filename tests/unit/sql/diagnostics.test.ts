import { describe, expect, it } from 'vitest';

import {
  DIAGNOSTICS_DELAY_MS,
  MAX_DIAGNOSTICS_DELAY_MS,
  diagnose,
  diagnosticsDelay,
} from '../../../src/components/Playground/editor/diagnostics';
import { MAX_QUERY_CHARS } from '../../../src/sql/limits';
import { tokenize } from '../../../src/sql/tokenize';

// The editor's underline while typing (SqlEditor runs `diagnose` after a pause of `diagnosticsDelay`).
describe('editor diagnostics', () => {
  it('underlines the planner error, and nothing for a query that plans or an empty text', () => {
    expect(diagnose('SELECT FROM').error?.code).toBe('syntax');
    expect(diagnose('SHOW METHODS IN github.packages.org_versions').error).toBeUndefined();
    expect(diagnose('  -- nothing yet').error).toBeUndefined();
  });

  it('refuses an oversized paste without reading it', () => {
    const huge = `SELECT ${'('.repeat(500_000)}1`;
    const { error } = diagnose(huge);
    expect(error?.code).toBe('too-complex');
    expect(error?.message).toContain('over the limit of 20,000');
    // Refused without reading it: several times faster than only tokenizing it, measured in the same
    // run (the best of three of each, so a busy machine slows both alike).
    const best = (f: () => unknown) =>
      Math.min(
        ...Array.from({ length: 3 }, () => {
          const start = performance.now();
          f();
          return performance.now() - start;
        }),
      );
    expect(best(() => diagnose(huge))).toBeLessThan(best(() => tokenize(huge)) / 3);
    expect(huge.length).toBeGreaterThan(MAX_QUERY_CHARS);
  });

  it('underlines a deep query at the level past the limit', () => {
    const { error } = diagnose(`SELECT 1\nFROM github.packages.org_versions\nWHERE ${'NOT '.repeat(100)}1`);
    expect(error).toMatchObject({ code: 'too-complex', line: 3, column: 7 + 4 * 64 });
  });

  it('reports how long the check took', () => {
    let t = 1000;
    const clock = () => (t += 30);
    expect(diagnose('SELECT 1', clock).elapsedMs).toBe(30);
  });

  it('waits longer after a slow check, within bounds', () => {
    expect(diagnosticsDelay(0)).toBe(DIAGNOSTICS_DELAY_MS);
    expect(diagnosticsDelay(10)).toBe(DIAGNOSTICS_DELAY_MS);
    expect(diagnosticsDelay(120)).toBe(480);
    expect(diagnosticsDelay(10_000)).toBe(MAX_DIAGNOSTICS_DELAY_MS);
    expect(diagnosticsDelay(Number.NaN)).toBe(MAX_DIAGNOSTICS_DELAY_MS);
  });
});
