import { describe, expect, it } from 'vitest';

import { nearest } from '../../../src/sql/nearest';
import { planQuery } from '../../../src/sql/plan';

const T = 'github.packages.org_versions';
const W = `WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

function error(sql: string) {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected an error for ${sql}`);
  return r.error;
}

describe('strings in ORDER BY and GROUP BY', () => {
  it('underlines the string it refuses', () => {
    const sql = `SELECT id FROM ${T} ${W}\nORDER BY id, 'created_at'`;
    expect(error(sql)).toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('write its name without quotes: ORDER BY created_at') as unknown,
      line: 2,
      column: 14,
      endColumn: 26,
    });
  });

  it('names the nearest column or alias of an unknown double-quoted name, or none when nothing is near', () => {
    expect(error(`SELECT id AS version_id FROM ${T} ${W} ORDER BY "versionid"`).message).toBe(
      'Unknown column "versionid" in ORDER BY; the nearest known column is version_id.',
    );
    expect(error(`SELECT id FROM ${T} ${W} GROUP BY "zzzzzz"`).message).toBe(
      'Unknown column "zzzzzz" in GROUP BY.',
    );
  });

  it('leaves strings inside expressions alone', () => {
    expect(planQuery(`SELECT id FROM ${T} ${W} ORDER BY REPLACE(name, 'a', 'b')`).ok).toBe(true);
    expect(planQuery(`SELECT UPPER('x') AS k, COUNT(*) FROM ${T} ${W} GROUP BY UPPER('x')`).ok).toBe(true);
  });
});

describe('nearest', () => {
  it('picks the closest name, case-insensitively, and nothing when none is close', () => {
    expect(nearest('NMAE', ['id', 'name', 'url'])).toBe('name');
    expect(nearest('created', ['created_at', 'updated_at'])).toBe('created_at');
    expect(nearest('qqqqqqqq', ['id', 'name'])).toBeUndefined();
  });
});

describe('many quoted alias terms', () => {
  /** Median time of planning `sql`, over 5 runs after a warm-up. */
  function planMs(sql: string): number {
    planQuery(sql);
    const times = Array.from({ length: 5 }, () => {
      const t = performance.now();
      planQuery(sql);
      return performance.now() - t;
    }).sort((a, b) => a - b);
    return times[2] ?? 0;
  }
  const pad = (sql: string) => `${sql} /*${'z'.repeat(19_990 - sql.length)}*/`;

  it.each(['GROUP BY', 'ORDER BY'])(
    '%s with 1,400 terms costs about what one term does in a query as long (tokens read once)',
    (clause) => {
      const head = `SELECT name AS x FROM ${T} ${W} ${clause} `;
      const many = pad(head + Array.from({ length: 1_400 }, () => '"x"').join(','));
      const one = pad(`${head}"x"`);
      expect(planQuery(many).ok).toBe(true);
      // Re-reading the whole text per term made this ~15× slower than one term (seconds a plan);
      // the parse of 1,400 terms itself costs a few times more than one.
      expect(planMs(many)).toBeLessThan(8 * planMs(one) + 50);
    },
  );
});
