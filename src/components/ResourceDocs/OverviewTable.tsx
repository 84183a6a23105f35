import type { ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';
import { useResource } from './useResource';

export interface ResourceTableProps {
  /** Fully qualified resource id, `github.packages.org_versions`. */
  readonly resource: string;
}

/** Name, Type and Id of a resource, as the provider's pages show them. */
export function OverviewTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  return (
    <table>
      <tbody>
        <tr>
          <th scope="row">Name</th>
          <td>
            <code>{def.name}</code>
          </td>
        </tr>
        <tr>
          <th scope="row">Type</th>
          <td>{def.type}</td>
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
