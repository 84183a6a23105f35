import type { ReactNode } from 'react';
import Admonition from '@theme/Admonition';
import { serviceSummary } from './serviceSummary';
import type { ServiceProps } from './ServiceOverviewTable';
import { useService } from './useService';
import styles from './styles.module.css';

/**
 * The service's description line and its summary box (resources, selectable resources, methods), as
 * the provider's service page opens; the counts come from the catalogue, not from the page.
 */
export function ServiceIntro({ service }: ServiceProps): ReactNode {
  const def = useService(service);
  const summary = serviceSummary(def);
  const rows: readonly (readonly [string, number])[] = [
    ['total resources', summary.resources],
    ['total selectable resources', summary.selectableResources],
    ['total methods', summary.methods],
  ];
  return (
    <>
      <p>{def.description}</p>
      <Admonition type="info" title="Service Summary">
        <div className={styles.summary}>
          {rows.map(([label, count]) => (
            <span key={label} data-summary={label}>
              {label}:&nbsp;<b>{count}</b>
            </span>
          ))}
        </div>
      </Admonition>
    </>
  );
}
