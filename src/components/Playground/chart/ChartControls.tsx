import { useId, type ReactNode } from 'react';
import { isIdLike } from './columns';
import { groupOptions, xOptions, yOptions } from './proposeChart';
import { CHART_KINDS, type ChartChoice, type ChartKind, type ChartSpec, type ColumnInfo } from './types';
import styles from './chart.module.css';

export interface ChartControlsProps {
  readonly columns: readonly ColumnInfo[];
  readonly spec: ChartSpec;
  /** The whole chart as the reader now has it: every select writes the full choice, so a link keeps it. */
  readonly onChange: (choice: ChartChoice) => void;
}

const KIND_LABELS: Readonly<Record<ChartKind, string>> = {
  bar: 'Bar',
  line: 'Line',
  area: 'Area',
  dot: 'Dot',
};
const ALL = 'all';
const CURRENT = 'current';

function Select({
  label,
  value,
  onChange,
  children,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly children: ReactNode;
}): ReactNode {
  const id = useId();
  return (
    <div className={styles.control}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        className={styles.select}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {children}
      </select>
    </div>
  );
}

/**
 * The chart's settings as native selects (keyboard and screen readers know them): its kind, the x
 * column (dates and labels), the y column(s) (numbers) and a column to colour by.
 */
export function ChartControls({ columns, spec, onChange }: ChartControlsProps): ReactNode {
  const numbers = yOptions(columns, spec.x).map((c) => c.name);
  const measures = numbers.filter((n) => !isIdLike(n));
  const all = measures.length > 1 ? measures : undefined;
  const yValue =
    spec.y.length === 1
      ? `y:${String(numbers.indexOf(spec.y[0] ?? ''))}`
      : all?.join('\u0000') === spec.y.join('\u0000')
        ? ALL
        : CURRENT;
  const current = { kind: spec.kind, x: spec.x, y: spec.y, group: spec.group ?? null };
  return (
    <div className={styles.controls} role="group" aria-label="Chart settings">
      <Select
        label="Chart kind"
        value={spec.kind}
        onChange={(kind) => {
          onChange({ ...current, kind: CHART_KINDS.find((k) => k === kind) ?? spec.kind });
        }}
      >
        {CHART_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      <Select
        label="X axis"
        value={spec.x}
        onChange={(x) => {
          // A new x keeps the kind and the numbers; the grouping that suits it is proposed again.
          onChange({ kind: spec.kind, y: spec.y, x });
        }}
      >
        {xOptions(columns).map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select
        label="Y axis"
        value={yValue}
        onChange={(value) => {
          const y =
            value === ALL ? all : value === CURRENT ? spec.y : [numbers[Number(value.slice(2))] ?? ''];
          // Several y columns are one series each: no colour column beside them.
          onChange({ ...current, y, ...((y?.length ?? 0) > 1 ? { group: null } : {}) });
        }}
      >
        {numbers.map((name, i) => (
          <option key={name} value={`y:${String(i)}`}>
            {name}
          </option>
        ))}
        {all && <option value={ALL}>All: {all.join(', ')}</option>}
        {yValue === CURRENT && <option value={CURRENT}>{spec.y.join(', ')}</option>}
      </Select>
      <Select
        label="Colour by"
        value={spec.group ?? ''}
        onChange={(group) => {
          onChange({ ...current, group: group === '' ? null : group });
        }}
      >
        <option value="">None</option>
        {groupOptions(columns, spec.x).map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
