import type { ReactNode } from 'react';
import { MethodCells } from './MethodCells';
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
            <MethodCells method={method} />
            <td>
              <ParamList params={method.scopes} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
