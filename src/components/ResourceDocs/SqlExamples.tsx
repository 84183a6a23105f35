import type { ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import type { ResourceTableProps } from './OverviewTable';
import { exampleIds } from './methodExample';
import { useResource } from './useResource';
import { OpenInPlayground } from './OpenInPlayground';
import { ExampleRequest } from './ExampleRequest';

/**
 * The resource's examples from the catalogue (one per method, then extras such as JOINs), each in a
 * code block with Docusaurus's copy button and a button that loads it into the playground.
 */
export function SqlExamples({ resource }: ResourceTableProps): ReactNode {
  const def = useResource(resource);
  const ids = exampleIds(def.examples);
  return def.examples.map((example, i) => {
    const id = ids[i] ?? `example-${i}`;
    return (
      <section key={id} aria-labelledby={id}>
        <Heading as="h3" id={id}>
          {example.title}
        </Heading>
        <ExampleRequest resource={def} method={example.method} />
        <CodeBlock language="sql">{example.sql}</CodeBlock>
        <OpenInPlayground
          sql={example.sql}
          description={example.title}
          view={example.view}
          chart={example.chart}
        />
      </section>
    );
  });
}
