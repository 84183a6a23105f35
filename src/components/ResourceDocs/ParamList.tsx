import { Fragment, type ReactNode } from 'react';
import CopyableCode from '../CopyableCode/CopyableCode';

export interface ParamListProps {
  readonly params: readonly string[];
}

/** Param names, each one copyable, separated by commas as on the provider's page. */
export function ParamList({ params }: ParamListProps): ReactNode {
  return params.map((name, i) => (
    <Fragment key={name}>
      {i > 0 && ', '}
      <CopyableCode code={name} />
    </Fragment>
  ));
}
