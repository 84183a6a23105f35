import type { ReactNode } from 'react';
import { MethodCells } from './MethodCells';
import type { ResourceTableProps } from './OverviewTable';
import { ParamList } from './ParamList';
import { RichText } from './RichText';
import { OpenInPlayground } from './OpenInPlayground';
import { methodExample } from './methodExample';
import { useResource } from './useResource';
import styles from './styles.module.css';

/**
 * The methods of a resource: the SQL verb that reaches each, its required and optional params,
 * GitHub's description, and a button that loads the method's example (sample values filled in, so it
 * runs as loaded) into the playground.
 */
export function MethodsTable({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  // A view (StackQL's SELECT over another resource's rows) has no methods of its own.
  if (def.methods.length === 0) return <p>No additional methods available for this resource.</p>;
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
        {def.methods.map((method) => {
          const example = methodExample(def, method.name);
          return (
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
                {example && (
                  <OpenInPlayground
                    sql={example.sql}
                    description={`the ${method.sqlVerb} example for ${method.name}`}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
