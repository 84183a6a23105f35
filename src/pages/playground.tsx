import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { PlaygroundBridge, PlaygroundLoader } from '../components/Playground';

/** The playground in the full window, for longer sessions than the panel beside the docs. */
export default function PlaygroundPage(): ReactNode {
  return (
    <Layout title="SQL playground" description="Run StackQL SQL against GitHub Packages in your browser">
      <main className="container margin-vert--lg">
        <h1>SQL playground</h1>
        <p>
          Query <code>github.packages.org_versions</code> with StackQL SQL. See the{' '}
          <Link to="/services/packages/org_versions">reference</Link> for its fields and methods.
        </p>
        <PlaygroundBridge>
          <PlaygroundLoader editorHeight="320px" />
        </PlaygroundBridge>
      </main>
    </Layout>
  );
}
