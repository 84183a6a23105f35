import type { ReactNode } from 'react';
import Layout from '@theme-original/DocItem/Layout';
import type LayoutType from '@theme/DocItem/Layout';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { docPath, allResources } from '@site/src/resources/registry';
import { DocsWithPlayground } from '@site/src/components/DocsWithPlayground/DocsWithPlayground';

type Props = WrapperProps<typeof LayoutType>;

/**
 * Wraps Docusaurus's doc layout: a resource's reference page (`docPath(resource)`) gets the playground
 * beside it; every other doc (provider home, service pages) renders as before.
 */
export default function LayoutWrapper(props: Props): ReactNode {
  const { metadata } = useDoc();
  const resource = allResources().find((r) => metadata.permalink === docPath(r));
  if (!resource) return <Layout {...props} />;
  return (
    <DocsWithPlayground>
      <Layout {...props} />
    </DocsWithPlayground>
  );
}
