import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { docPath, SERVICES } from '@site/src/resources/registry';
import { PlaygroundBridge, PlaygroundLoader } from '../components/Playground';

/** The playground in the full window, for longer sessions than the panel beside the docs. */
export default function PlaygroundPage(): ReactNode {
  return (
    <Layout title="SQL playground" description="Run StackQL SQL against GitHub Packages in your browser">
      <main className="container margin-vert--lg">
        <h1>SQL playground</h1>
        {SERVICES.map((service) => (
          <p key={service.name}>
            Query <code>{`${service.provider}.${service.name}`}</code> with StackQL SQL; the references list
            each resource&apos;s fields and methods:{' '}
            {service.resources.map((r, i) => (
              <span key={r.id}>
                {i > 0 && ', '}
                <Link to={docPath(r)}>
                  <code>{r.name}</code>
                </Link>
              </span>
            ))}
            .
          </p>
        ))}
        <PlaygroundBridge>
          <PlaygroundLoader editorHeight="320px" />
        </PlaygroundBridge>
      </main>
    </Layout>
  );
}
