import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { PROVIDER, SERVICE_OVERVIEW, servicePath } from '@site/src/resources/registry';
import { PlaygroundBridge, PlaygroundLoader } from '../components/Playground';

/** The playground in the full window, for longer sessions than the panel beside the docs. */
export default function PlaygroundPage(): ReactNode {
  return (
    <Layout title="SQL playground" description="Run StackQL SQL against the GitHub API in your browser">
      <main className="container margin-vert--lg">
        <h1>SQL playground</h1>
        <p>
          Query any of the {SERVICE_OVERVIEW.length} services of <code>{PROVIDER}</code> with StackQL SQL; a
          service&apos;s definitions load when your SQL names it. The references list each resource&apos;s
          fields and methods:{' '}
          {SERVICE_OVERVIEW.map((service, i) => (
            <span key={service.name}>
              {i > 0 && ', '}
              <Link to={servicePath(service)}>
                <code>{service.name}</code>
              </Link>
            </span>
          ))}
          .
        </p>
        <PlaygroundBridge>
          <PlaygroundLoader editorHeight="320px" />
        </PlaygroundBridge>
      </main>
    </Layout>
  );
}
