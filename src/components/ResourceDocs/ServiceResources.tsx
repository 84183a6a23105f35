import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { SERVICES } from '@site/src/resources/registry';
import CopyableCode from '../CopyableCode/CopyableCode';

export interface ServiceResourcesProps {
  /** Service name within the provider, `packages`. */
  readonly service: string;
}

/** The resources of a service, linked to their pages, as StackQL's `SHOW RESOURCES IN` lists them. */
export function ServiceResources({ service }: ServiceResourcesProps): ReactNode {
  const def = SERVICES.find((s) => s.name === service);
  if (!def) throw new Error(`Unknown service ${service}`);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Id</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {def.resources.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/services/${r.service}/${r.name}`}>{r.name}</Link>
            </td>
            <td>
              <CopyableCode code={r.id} />
            </td>
            <td>{r.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
