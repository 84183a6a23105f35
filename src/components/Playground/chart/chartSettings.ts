import { looksLikeToken } from '../history/tokenPattern';
import { MAX_Y } from './proposeChart';
import { CHART_KINDS, type ChartChoice, type ChartKind, type ResultDisplay } from './types';

/** Longest column name a link may carry: SQL aliases are short; anything longer is not one. */
export const MAX_COLUMN_NAME = 128;

/** The fragment keys of the chart's settings, beside `sql=`. */
const KEYS = { view: 'view', kind: 'kind', x: 'x', y: 'y', group: 'group' } as const;

function isKind(value: string | null): value is ChartKind {
  return CHART_KINDS.some((k) => k === value);
}

/** A column name from a link: short, printable, nothing that looks like a token; else undefined. */
function columnName(value: string | null): string | undefined {
  if (value === null || value === '' || value.length > MAX_COLUMN_NAME) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value) || looksLikeToken(value)) return undefined;
  return value;
}

/**
 * The chart settings a link's fragment carries, or undefined when it does not ask for the Chart view.
 * Each value is checked on its own and dropped when unknown (a kind that is not bar, line, area or
 * dot; a name too long, with control characters or token-like text); at most `MAX_Y` y columns.
 * Whether the names are columns of a result is decided when there is one (`resolveChart`).
 */
export function readChartParams(params: URLSearchParams): ResultDisplay | undefined {
  if (params.get(KEYS.view) !== 'chart') return undefined;
  const kind = params.get(KEYS.kind);
  const x = columnName(params.get(KEYS.x));
  const y = [
    ...new Set(
      params
        .getAll(KEYS.y)
        .slice(0, MAX_Y * 4)
        .map(columnName),
    ),
  ]
    .filter((n): n is string => n !== undefined)
    .slice(0, MAX_Y);
  const rawGroup = params.get(KEYS.group);
  // `group=` (empty): the reader chose no grouping, which a proposal must not override.
  const group = rawGroup === '' ? null : columnName(rawGroup);
  const chart: ChartChoice = {
    ...(isKind(kind) ? { kind } : {}),
    ...(x !== undefined ? { x } : {}),
    ...(y.length > 0 ? { y } : {}),
    ...(group !== undefined ? { group } : {}),
  };
  return { view: 'chart', chart };
}

/**
 * The fragment entries for a display: none unless the Chart view is chosen (a link to the table is a
 * link to the SQL alone), else `view=chart` and what the reader chose. Never data, never a token:
 * names that look like one are left out, as `readChartParams` would drop them.
 */
export function chartParams(display: ResultDisplay | undefined): [string, string][] {
  if (display?.view !== 'chart') return [];
  const { kind, x, y, group } = display.chart;
  const entries: [string, string][] = [[KEYS.view, 'chart']];
  if (kind) entries.push([KEYS.kind, kind]);
  if (columnName(x ?? null) !== undefined && x !== undefined) entries.push([KEYS.x, x]);
  for (const name of (y ?? []).slice(0, MAX_Y)) if (columnName(name)) entries.push([KEYS.y, name]);
  if (group === null) entries.push([KEYS.group, '']);
  else if (group !== undefined && columnName(group)) entries.push([KEYS.group, group]);
  return entries;
}
