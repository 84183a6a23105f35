import { Fragment, type ReactNode } from 'react';
import { aliasesOf } from '@site/src/resources/registry';
import CopyableCode from '../CopyableCode/CopyableCode';
import { useResource } from './useResource';

export interface ResourceTableProps {
  /** Fully qualified resource id, `github.packages.org_versions`. */
  readonly resource: string;
}

/**
 * Name, Type and Id of a resource, as the provider's pages show them, and the names today's StackQL
 * provider gives it (`github.packages.package_versions`), which statements may use too.
 */
export function OverviewTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  const aliases = aliasesOf(def);
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
        {aliases.length > 0 && (
          <tr>
            <th scope="row">Also known as</th>
            <td>
              {aliases.map((id, i) => (
                <Fragment key={id}>
                  {i > 0 && ', '}
                  <CopyableCode code={id} />
                </Fragment>
              ))}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
