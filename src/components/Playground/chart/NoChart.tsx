import type { ReactNode } from 'react';
import type { OverCap } from './chartLimits';
import type { AggregateSuggestion } from './suggestAggregate';
import styles from './chart.module.css';

const NUMBER = new Intl.NumberFormat('en-US');

function Suggestion({ suggestion }: { readonly suggestion: AggregateSuggestion | undefined }): ReactNode {
  if (!suggestion) return null;
  return (
    <>
      {' '}
      Count rows per group instead, adding <code>{suggestion.groupBy}</code>:{' '}
      <code className={styles.query}>{suggestion.query}</code>
    </>
  );
}

/** Why there is no chart of this result, in words, and the GROUP BY that would give one. */
export function NothingToPlot({
  suggestion,
}: {
  readonly suggestion: AggregateSuggestion | undefined;
}): ReactNode {
  return (
    <p className={styles.message}>
      Nothing to plot: a chart needs a label or date column and a number column (a count, a size, a total),
      and this result has none that fit.
      <Suggestion suggestion={suggestion} />
    </p>
  );
}

/** A chart over its limit is not drawn: the reader aggregates first, with the GROUP BY to add. */
export function TooBig({
  over,
  suggestion,
}: {
  readonly over: OverCap;
  readonly suggestion: AggregateSuggestion | undefined;
}): ReactNode {
  return (
    <p className={styles.message}>
      Too much to draw: this chart would have {NUMBER.format(over.count)} {over.noun}, and a chart draws from
      at most {NUMBER.format(over.limit)} {over.noun}. Aggregate the rows in the query
      {over.noun === 'bars' ? ', or choose a line or dots in Chart kind' : ''}.
      <Suggestion suggestion={suggestion} />
    </p>
  );
}
