import type { ReactNode } from 'react';
import Admonition from '@theme/Admonition';
import { SERVICE_OVERVIEW } from '@site/src/resources/registry';
import { providerSummary } from './providerSummary';
import styles from './styles.module.css';

/**
 * The provider home's summary box (services, methods, resources, selectable resources), as the
 * provider's own home page opens; the counts come from the catalogue, not from that page.
 */
export function ProviderIntro(): ReactNode {
  const summary = providerSummary(SERVICE_OVERVIEW);
  const rows: readonly (readonly [string, number])[] = [
    ['total services', summary.services],
    ['total methods', summary.methods],
    ['total resources', summary.resources],
    ['total selectable resources', summary.selectableResources],
  ];
  return (
    <Admonition
      type="info"
      title={summary.version ? `Provider Summary (${summary.version})` : 'Provider Summary'}
    >
      <div className={styles.summary}>
        {rows.map(([label, count]) => (
          <span key={label} data-summary={label}>
            {label}:&nbsp;<b>{count}</b>
          </span>
        ))}
      </div>
    </Admonition>
  );
}
