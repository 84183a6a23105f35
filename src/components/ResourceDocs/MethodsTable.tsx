import type { ReactNode } from 'react';
import { MethodCells } from './MethodCells';
import type { ResourceTableProps } from './OverviewTable';
import { ParamList } from './ParamList';
import { RichText } from './RichText';
import { OpenInPlayground } from './OpenInPlayground';
import { exampleSql } from '@site/src/resources/examples';
import { useResource } from './useResource';
import styles from './styles.module.css';

/** The methods of a resource: the SQL verb that reaches each, its params and GitHub's description. */
export function MethodsTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  return (
    <table className={styles.methods}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Accessible by</th>
          <th scope="col">Required Params</th>
          <th scope="col">Optional Params</th>
          <th scope="col">Description</th>
          <th scope="col">Try it</th>
        </tr>
      </thead>
      <tbody>
        {def.methods.map((method) => (
          <tr key={method.name}>
            <MethodCells method={method} />
            <td>
              <ParamList params={method.requiredParams} />
            </td>
            <td>
              <ParamList params={method.optionalParams} />
            </td>
            <td>
              <RichText source={method.description} />
            </td>
            <td>
              <OpenInPlayground
                sql={exampleSql(def, method)}
                description={`a ${method.sqlVerb} for ${method.name}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
