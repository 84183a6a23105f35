import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  chartParams,
  MAX_COLUMN_NAME,
  readChartParams,
} from '../../../../src/components/Playground/chart/chartSettings';
import { MAX_Y } from '../../../../src/components/Playground/chart/proposeChart';
import type { ResultDisplay } from '../../../../src/components/Playground/chart/types';
import { buildShareLink, readSharedSql } from '../../../../src/components/Playground/share/shareLink';

const PAGE = 'https://github-provider.stackql.io/playground';
const SQL =
  "SELECT substr(created_at, 1, 7) AS month, COUNT(*) AS n FROM t WHERE org = 'acme' GROUP BY month";
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function read(query: string): ResultDisplay | undefined {
  return readChartParams(new URLSearchParams(query));
}

describe('readChartParams', () => {
  it('reads the view, kind, x, y columns and group', () => {
    expect(read('view=chart&kind=line&x=month&y=n&y=total&group=state')).toEqual({
      view: 'chart',
      chart: { kind: 'line', x: 'month', y: ['n', 'total'], group: 'state' },
    });
  });

  it('reads an empty group as "no grouping"', () => {
    expect(read('view=chart&group=')?.chart).toEqual({ group: null });
  });

  it('reads nothing unless the Chart view is asked for', () => {
    expect(read('kind=bar&x=month')).toBeUndefined();
    expect(read('view=table&kind=bar')).toBeUndefined();
    expect(read('view=CHART')).toBeUndefined();
  });

  it('ignores unknown values: kinds, over-long names, control characters, token-like names', () => {
    const long = 'a'.repeat(MAX_COLUMN_NAME + 1);
    const params = new URLSearchParams([
      ['view', 'chart'],
      ['kind', 'pie'],
      ['x', long],
      ['y', 'n\u0000'],
      ['y', TOKEN],
      ['y', 'ok'],
      ['group', 'line\nbreak'],
      ['token', TOKEN],
    ]);
    expect(readChartParams(params)).toEqual({ view: 'chart', chart: { y: ['ok'] } });
  });

  it(`keeps at most ${String(MAX_Y)} distinct y columns`, () => {
    const query = ['view=chart', ...Array.from({ length: 50 }, (_, i) => `y=c${String(i % 9)}`)].join('&');
    expect(read(query)?.chart.y).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('keeps hostile names as the text they are (a column may be called anything)', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(
      read(
        new URLSearchParams([
          ['view', 'chart'],
          ['x', name],
        ]).toString(),
      )?.chart.x,
    ).toBe(name);
  });
});

describe('chartParams', () => {
  it('writes nothing for the other views', () => {
    expect(chartParams(undefined)).toEqual([]);
    expect(chartParams({ view: 'table', chart: { kind: 'bar' } })).toEqual([]);
  });

  it('writes the view and what was chosen, never token-like names', () => {
    expect(
      chartParams({ view: 'chart', chart: { kind: 'dot', x: 'm', y: ['n', TOKEN], group: null } }),
    ).toEqual([
      ['view', 'chart'],
      ['kind', 'dot'],
      ['x', 'm'],
      ['y', 'n'],
      ['group', ''],
    ]);
  });
});

describe('share links with chart settings', () => {
  it.each<ResultDisplay>([
    { view: 'chart', chart: {} },
    { view: 'chart', chart: { kind: 'area', x: 'month', y: ['n', 'size'], group: 'state' } },
    { view: 'chart', chart: { kind: 'bar', x: 'a b&c=d#e', y: ['+%'], group: null } },
  ])('round-trips %j beside the SQL', (display) => {
    const { url } = buildShareLink(PAGE, SQL, display);
    expect(readSharedSql(new URL(url).hash)).toEqual({ sql: SQL, removedTokens: 0, display });
  });

  it('carries the SQL alone for the table view, as before', () => {
    const { url } = buildShareLink(PAGE, SQL, { view: 'table', chart: { kind: 'bar' } });
    expect(new URL(url).hash).toBe(`#sql=${compressToEncodedURIComponent(SQL)}`);
    expect(readSharedSql(new URL(url).hash)).toEqual({ sql: SQL, removedTokens: 0 });
  });

  it('never carries data or the token: only sql and the chart keys', () => {
    const { url } = buildShareLink(`${PAGE}?token=${TOKEN}`, SQL, {
      view: 'chart',
      chart: { kind: 'bar', x: 'month', y: [TOKEN] },
    });
    expect(url).not.toContain(TOKEN);
    expect([...new URLSearchParams(new URL(url).hash.slice(1)).keys()]).toEqual(['sql', 'view', 'kind', 'x']);
  });

  it('ignores chart settings in a link without SQL, and keeps the SQL cap', () => {
    expect(readSharedSql('#view=chart&kind=bar')).toBeUndefined();
    const huge = 'x'.repeat(20_001);
    expect(readSharedSql(`#sql=${huge}&view=chart`)).toBeUndefined();
  });
});
