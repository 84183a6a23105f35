import type { ReactNode } from 'react';

/** `@theme/Admonition` as a plain box with its title, as Docusaurus renders it in text. */
export default function Admonition({
  type,
  title,
  children,
}: {
  readonly type: string;
  readonly title?: ReactNode;
  readonly children?: ReactNode;
}): ReactNode {
  return (
    <div data-admonition={type}>
      <div data-admonition-title="">{title}</div>
      {children}
    </div>
  );
}
