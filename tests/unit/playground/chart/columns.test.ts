import { describe, expect, it } from 'vitest';
import { classifyColumns, isIdLike, parseTime } from '../../../../src/components/Playground/chart/columns';
import { MONTHS, VERSIONS } from './fixtures';

describe('parseTime', () => {
  it.each([
    ['2024', 'year', '2024-01-01T00:00:00.000Z'],
    ['2024-05', 'month', '2024-05-01T00:00:00.000Z'],
    ['2024-05-31', 'day', '2024-05-31T00:00:00.000Z'],
    ['2024-05-31T12:34:56Z', 'instant', '2024-05-31T12:34:56.000Z'],
    ['2024-05-31T12:34:56.789Z', 'instant', '2024-05-31T12:34:56.789Z'],
    ['2024-05-31 12:34:56', 'instant', '2024-05-31T12:34:56.000Z'],
    ['2024-05-31T12:34+02:00', 'instant', '2024-05-31T10:34:00.000Z'],
  ])('reads %s as a %s', (text, grain, iso) => {
    const t = parseTime(text);
    expect(t?.grain).toBe(grain);
    expect(t?.date.toISOString()).toBe(iso);
  });

  it.each([
    '2024-13',
    '2024-02-30',
    '2024-5',
    'May 2024',
    '20240',
    '2024-05-31T25:00:00Z',
    ' 2024-05',
    'v1.2.3',
  ])('does not read %j as a time', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe('classifyColumns', () => {
  it('tells months from counts', () => {
    expect(classifyColumns(['month', 'n'], MONTHS)).toEqual([
      { name: 'month', kind: 'time', grain: 'month', distinct: 3 },
      { name: 'n', kind: 'number', distinct: 3 },
    ]);
  });

  it('reads ids as numbers, timestamps as instants, other text as labels', () => {
    const kinds = classifyColumns(['id', 'name', 'created_at', 'package_type'], VERSIONS).map((c) => [
      c.name,
      c.kind,
      c.grain,
    ]);
    expect(kinds).toEqual([
      ['id', 'number', undefined],
      ['name', 'label', undefined],
      ['created_at', 'time', 'instant'],
      ['package_type', 'label', undefined],
    ]);
  });

  it('skips NULLs, calls JSON and empty columns nothing, mixed text and numbers labels', () => {
    const rows = [
      { n: null, meta: { a: 1 }, none: null, mixed: 1, flag: true },
      { n: 2, meta: null, none: null, mixed: 'x', flag: false },
    ];
    const kinds = classifyColumns(['n', 'meta', 'none', 'mixed', 'flag', 'missing'], rows).map((c) => c.kind);
    expect(kinds).toEqual(['number', 'none', 'none', 'label', 'label', 'none']);
  });

  it('reads a mix of months and days as instants on one axis', () => {
    expect(classifyColumns(['t'], [{ t: '2024-05' }, { t: '2024-05-02' }])[0]).toMatchObject({
      kind: 'time',
      grain: 'instant',
    });
  });

  it('counts non-finite numbers as not numbers', () => {
    expect(classifyColumns(['n'], [{ n: 1 }, { n: Number.NaN }])[0]?.kind).toBe('label');
  });
});

describe('isIdLike', () => {
  it.each([
    ['id', true],
    ['ID', true],
    ['package_version_id', true],
    ['id:1', true],
    ['idle', false],
    ['n', false],
    ['version_count', false],
  ])('%s → %s', (name, expected) => {
    expect(isIdLike(name)).toBe(expected);
  });
});
