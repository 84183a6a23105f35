import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { docPath, servicePath, SERVICES } from '@site/src/resources/registry';
import styles from './styles.module.css';

/** Every service the site documents, each with its description and links to its resources' pages. */
export function ProviderServices(): ReactNode {
  return (
    <ul>
      {SERVICES.map((service) => (
        <li key={service.id}>
          <Link to={servicePath(service)}>{service.name}</Link>: {service.description}
          <ul className={styles.resourceList} aria-label={`Resources of ${service.name}`}>
            {service.resources.map((r) => (
              <li key={r.id}>
                <Link to={docPath(r)}>{r.name}</Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
