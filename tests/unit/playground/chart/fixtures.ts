import type { ResultRow } from '../../../../src/sql/types';

/** The month query's answer: `SELECT substr(created_at, 1, 7) AS month, COUNT(*) AS n … GROUP BY month`. */
export const MONTHS: readonly ResultRow[] = [
  { month: '2023-01', n: 12 },
  { month: '2023-02', n: 3 },
  { month: '2023-03', n: 41 },
];

/** Versions as the list method gives them: ids, names, timestamps; nothing to measure. */
export const VERSIONS: readonly ResultRow[] = Array.from({ length: 5 }, (_, i) => ({
  id: 81005000 + i,
  name: `sha256:${String(i)}`,
  created_at: `2023-0${String(1 + (i % 3))}-0${String(1 + i)}T09:00:00Z`,
  package_type: i % 2 ? 'container' : 'npm',
}));

/** Long rows: a month, a state and a count per pair. */
export const BY_STATE: readonly ResultRow[] = [
  { month: '2023-01', state: 'active', n: 10 },
  { month: '2023-01', state: 'deleted', n: 2 },
  { month: '2023-02', state: 'active', n: 3 },
  { month: '2023-02', state: 'deleted', n: null },
];
