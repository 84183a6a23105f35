import type { ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';
import type { ResourceTableProps } from './OverviewTable';
import { ParamList } from './ParamList';
import { useResource } from './useResource';

/** The classic token scopes each method needs, from the definition. */
export function PermissionsTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Accessible by</th>
          <th scope="col">Classic token scopes</th>
        </tr>
      </thead>
      <tbody>
        {def.methods.map((method) => (
          <tr key={method.name}>
            <td>
              <CopyableCode code={method.name} />
            </td>
            <td>
              <code>{method.sqlVerb}</code>
            </td>
            <td>
              <ParamList params={method.scopes} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
