import type { ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';
import type { ResourceTableProps } from './OverviewTable';
import { RichText } from './RichText';
import { useResource } from './useResource';

/** The columns of a resource: name, datatype, description (Markdown, as on the provider's page). */
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
            <td>
              <RichText source={field.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
