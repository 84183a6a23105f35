import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { docPath } from '@site/src/resources/registry';
import CopyableCode from '../CopyableCode/CopyableCode';
import type { ServiceProps } from './ServiceOverviewTable';
import { useService } from './useService';

/** The resources of a service, linked to their pages, as StackQL's `SHOW RESOURCES IN` lists them. */
export function ServiceResources({ service }: ServiceProps): ReactNode {
  const def = useService(service);
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
              <Link to={docPath(r)}>{r.name}</Link>
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
