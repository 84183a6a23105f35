import type { ReactNode } from 'react';
import type { MethodDef } from '@site/src/resources/types';
import CopyableCode from '../CopyableCode/CopyableCode';

/** The first two cells of a method row, shared by the Methods and Permissions tables. */
export function MethodCells({ method }: { readonly method: MethodDef }): ReactNode {
  return (
    <>
      <td>
        <CopyableCode code={method.name} />
      </td>
      <td>
        <code>{method.sqlVerb}</code>
      </td>
    </>
  );
}
