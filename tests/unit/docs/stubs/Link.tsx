import type { ReactNode } from 'react';

/** `@docusaurus/Link` as plain `<a>`: the href a reader follows, which the tests compare. */
export default function Link({
  to,
  href,
  children,
}: {
  readonly to?: string;
  readonly href?: string;
  readonly children?: ReactNode;
}): ReactNode {
  return <a href={to ?? href}>{children}</a>;
}
