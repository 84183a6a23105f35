import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { docPath, SERVICE_OVERVIEW, servicePath } from '@site/src/resources/registry';
import styles from './styles.module.css';

/**
 * Every service of the provider, each with its description and links to its resources' pages. Read
 * from the services' overview, so the home page loads no service's definitions.
 */
export function ProviderServices(): ReactNode {
  return (
    <ul>
      {SERVICE_OVERVIEW.map((service) => (
        <li key={service.id}>
          <Link to={servicePath(service)}>{service.name}</Link>: {service.description}
          <ul className={styles.resourceList} aria-label={`Resources of ${service.name}`}>
            {service.resources.map((r) => (
              <li key={r.name}>
                <Link to={docPath({ service: service.name, name: r.name })}>{r.name}</Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
