import type { ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';
import { useService } from './useService';

export interface ServiceProps {
  /** Service name within the provider, `packages`. */
  readonly service: string;
}

/** Name, Type, Title, Description and Id of a service, as the provider's service page shows them. */
export function ServiceOverviewTable({ service }: ServiceProps): ReactNode {
  const def = useService(service);
  return (
    <table>
      <tbody>
        <tr>
          <th scope="row">Name</th>
          <td>
            <CopyableCode code={`${def.provider}.${def.name}`} />
          </td>
        </tr>
        <tr>
          <th scope="row">Type</th>
          <td>Service</td>
        </tr>
        <tr>
          <th scope="row">Title</th>
          <td>{def.title}</td>
        </tr>
        <tr>
          <th scope="row">Description</th>
          <td>{def.description}</td>
        </tr>
        <tr>
          <th scope="row">Id</th>
          <td>
            <CopyableCode code={def.id} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
