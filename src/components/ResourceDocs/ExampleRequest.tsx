import { Fragment, type ReactNode } from 'react';
import type { MethodDef, ResourceDef } from '@site/src/resources/types';

/** Verbs the playground plans and shows but does not send yet. */
const NOT_SENT: ReadonlySet<MethodDef['sqlVerb']> = new Set(['INSERT', 'UPDATE', 'REPLACE']);

export interface ExampleRequestProps {
  readonly resource: Pick<ResourceDef, 'methods' | 'params'>;
  /** The method the example reaches. */
  readonly method: string;
}

/** The JSON body properties a method sets (`title` for `data__title`), from its params' definitions. */
function bodyProperties(resource: ExampleRequestProps['resource'], method: MethodDef): string[] {
  return [...method.requiredParams, ...method.optionalParams].flatMap((name) => {
    const param = resource.params[name];
    return param?.in === 'body' ? [param.property ?? name] : [];
  });
}

/**
 * The line above an example: the method it reaches and the HTTP request that method makes (`PATCH
 * /repos/{owner}/{repo}`), with the properties of its JSON body; for the writes the playground does not
 * send yet, that it shows the request instead.
 */
export function ExampleRequest({ resource, method: name }: ExampleRequestProps): ReactNode {
  const method = resource.methods.find((m) => m.name === name);
  if (!method)
    return (
      <p>
        Method <code>{name}</code>
      </p>
    );
  const body = bodyProperties(resource, method);
  return (
    <p>
      Method <code>{name}</code>: <code>{`${method.http.method} ${method.http.path}`}</code>
      {body.length > 0 && (
        <>
          , with a JSON body of{' '}
          {body.map((p, i) => (
            <Fragment key={p}>
              {i > 0 && ', '}
              <code>{p}</code>
            </Fragment>
          ))}
        </>
      )}
      .
      {NOT_SENT.has(method.sqlVerb) &&
        ` The playground does not send ${method.sqlVerb} yet: it shows the request this would make.`}
    </p>
  );
}
