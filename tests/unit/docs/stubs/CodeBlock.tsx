import type { ReactNode } from 'react';

/** `@theme/CodeBlock` without Prism: the code as text, which the tests compare. */
export default function CodeBlock({
  children,
  language,
}: {
  readonly children?: ReactNode;
  readonly language?: string;
}): ReactNode {
  return (
    <pre>
      <code className={`language-${language ?? 'text'}`}>{children}</code>
    </pre>
  );
}
