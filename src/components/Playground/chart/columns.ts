import type { ResultRow } from '@site/src/sql/types';
import type { ColumnInfo, ColumnKind, TimeGrain } from './types';

/** A parsed time value: the instant (UTC) and how fine its text was. */
export interface TimeValue {
  readonly date: Date;
  readonly grain: TimeGrain;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 and SQLite's `datetime()` text (a space for the `T`); no zone is read as UTC, as SQLite does. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function utc(year: number, month = 1, day = 1): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2024-02-31 would roll over to March: not a date.
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/**
 * The time a text stands for, if it is a year (`2024`), a month (`2024-05`, what
 * `substr(created_at, 1, 7)` gives), a day or an ISO timestamp; else undefined.
 */
export function parseTime(text: string): TimeValue | undefined {
  let m = MONTH.exec(text);
  if (m) return wrap(utc(Number(m[1]), Number(m[2])), 'month');
  m = DAY.exec(text);
  if (m) return wrap(utc(Number(m[1]), Number(m[2]), Number(m[3])), 'day');
  m = INSTANT.exec(text);
  if (m) {
    if (!utc(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
    const zone = m[8] ?? 'Z';
    const iso = `${text.slice(0, 10)}T${text.slice(11).replace(/(Z|[+-]\d{2}:?\d{2})$/, '')}${zone}`;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? undefined : { date: new Date(ms), grain: 'instant' };
  }
  m = YEAR.exec(text);
  if (m) return wrap(utc(Number(m[1])), 'year');
  return undefined;
}

function wrap(date: Date | undefined, grain: TimeGrain): TimeValue | undefined {
  return date ? { date, grain } : undefined;
}

/** A column that names things rather than measuring them (`id`, `package_version_id`, a second `id:1`). */
export function isIdLike(name: string): boolean {
  return /(^|_)id(:\d+)?$/i.test(name);
}

function kindOf(values: readonly unknown[]): { kind: ColumnKind; grain?: TimeGrain } {
  if (values.length === 0) return { kind: 'none' };
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return { kind: 'number' };
  if (values.some((v) => typeof v === 'object' || typeof v === 'function')) return { kind: 'none' };
  if (values.every((v): v is string => typeof v === 'string')) {
    const grains = new Set<TimeGrain>();
    for (const v of values) {
      const t = parseTime(v);
      if (!t) return { kind: 'label' };
      grains.add(t.grain);
    }
    // Mixed grains (`2024-05` and `2024-05-01`) are still instants on one time axis.
    const [only] = grains;
    return { kind: 'time', grain: grains.size === 1 && only ? only : 'instant' };
  }
  return { kind: 'label' };
}

/**
 * What each column of a result can be plotted as: numbers (every non-null value a finite number),
 * times (every value a date or timestamp text), labels (other text and booleans), or nothing (JSON,
 * no values). NULLs are skipped: a count column with a NULL is still numbers.
 */
export function classifyColumns(columns: readonly string[], rows: readonly ResultRow[]): ColumnInfo[] {
  return columns.map((name) => {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    const { kind, grain } = kindOf(values);
    const distinct = new Set(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))).size;
    return grain ? { name, kind, grain, distinct } : { name, kind, distinct };
  });
}
