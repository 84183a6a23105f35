import type { ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import { methodExamples } from '@site/src/resources/examples';
import type { ResourceTableProps } from './OverviewTable';
import { useResource } from './useResource';
import { OpenInPlayground } from './OpenInPlayground';

/** A StackQL statement for each method, in a code block with Docusaurus's copy button. */
export function SqlExamples({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  return methodExamples(def).map((example) => (
    <section key={example.method} aria-labelledby={`example-${example.method}`}>
      <Heading as="h3" id={`example-${example.method}`}>
        {example.title}
      </Heading>
      <p>
        Method <code>{example.method}</code>
      </p>
      <CodeBlock language="sql">{example.sql}</CodeBlock>
      <OpenInPlayground sql={example.sql} description={example.title} />
    </section>
  ));
}
