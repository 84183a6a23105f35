import type { ReactNode } from 'react';
import { MethodCells } from './MethodCells';
import type { ResourceTableProps } from './OverviewTable';
import { ParamList } from './ParamList';
import { useResource } from './useResource';

/**
 * The classic token scopes each method needs, from the definition: the ones GitHub's descriptions
 * name. Many endpoints name none (public data, or only fine-grained permissions); the row says so.
 */
export function PermissionsTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  if (def.methods.length === 0) return null;
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
            <td>{method.scopes.length > 0 ? <ParamList params={method.scopes} /> : 'none documented'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
