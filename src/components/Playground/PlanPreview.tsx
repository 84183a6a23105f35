import { useEffect, useState, type ReactNode } from 'react';
import { describePlan } from '@site/src/sql/describePlan';
import { planQuery } from '@site/src/sql/plan';
import { catalogueReadyFor } from './useCatalogue';
import styles from './styles.module.css';

/** How long the text must rest before it is planned for the preview (planning a long text takes time). */
const PAUSE_MS = 250;

/**
 * What the statement in the editor will request, before it runs: its calls, how many, and for a JOIN
 * the dependent calls and their cap. Empty while the statement does not plan: the editor's underline
 * and, on Run, the error say why.
 */
export function PlanPreview({
  sql,
  catalogue,
}: {
  readonly sql: string;
  /** The catalogue's version: a service the text names that arrives replans it. */
  readonly catalogue: number;
}): ReactNode {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      // A service the text names is still loading: its plan comes when it arrives.
      if (!catalogueReadyFor(sql)) return;
      const planned = planQuery(sql);
      setText(planned.ok ? describePlan(planned.value) : '');
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [sql, catalogue]);
  if (!text) return null;
  return (
    <p className={styles.plan}>
      <span className={styles.planLabel}>Plan:</span> {text}
    </p>
  );
}
