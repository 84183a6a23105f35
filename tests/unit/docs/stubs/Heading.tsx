import type { ReactNode } from 'react';

type Level = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** `@theme/Heading` without its anchor link. */
export default function Heading({
  as: Tag,
  id,
  children,
}: {
  readonly as: Level;
  readonly id?: string;
  readonly children?: ReactNode;
}): ReactNode {
  return <Tag id={id}>{children}</Tag>;
}
