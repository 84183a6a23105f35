import type { ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';
import type { ResourceTableProps } from './OverviewTable';
import { useResource } from './useResource';

/** The columns of a resource: name, datatype, description. */
export function FieldsTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Datatype</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {def.fields.map((field) => (
          <tr key={field.name}>
            <td>
              <CopyableCode code={field.name} />
            </td>
            <td>
              <code>{field.type}</code>
            </td>
            <td>{field.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
