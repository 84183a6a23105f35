import { useState, type ReactNode } from 'react';
import { copyText } from '../../CopyableCode/copyText';
import type { QueryResult } from '../run/types';
import { downloadBlob } from './download';
import { toCsv, toJson, toMarkdown } from './exporters';
import type { ResultRows } from './useResultRows';

function download(name: string, type: string, text: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

export interface ExportButtonsProps {
  readonly result: QueryResult;
  readonly rows: ResultRows;
  /** File name without extension: the resources the query read (`org_packages-org_versions`). */
  readonly name: string;
}

/** CSV and JSON downloads and "Copy as Markdown", over every row of the result. */
export function ExportButtons({ result, rows, name }: ExportButtonsProps): ReactNode {
  const [note, setNote] = useState('');
  const act = (kind: 'csv' | 'json' | 'md') => async () => {
    const all = await rows.all();
    if (kind === 'csv') download(`${name}.csv`, 'text/csv', toCsv(result.columns, all));
    else if (kind === 'json') download(`${name}.json`, 'application/json', toJson(result.columns, all));
    else setNote((await copyText(toMarkdown(result.columns, all))) ? 'Copied as Markdown' : 'Copy failed');
  };
  return (
    <div role="group" aria-label="Export">
      <button type="button" className="button button--sm button--secondary" onClick={() => void act('csv')()}>
        Export CSV
      </button>
      <button
        type="button"
        className="button button--sm button--secondary"
        onClick={() => void act('json')()}
      >
        Export JSON
      </button>
      <button type="button" className="button button--sm button--secondary" onClick={() => void act('md')()}>
        Copy as Markdown
      </button>
      <span aria-live="polite">{note}</span>
    </div>
  );
}
