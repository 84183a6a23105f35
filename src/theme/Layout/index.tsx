import { useContext, type ReactNode } from 'react';
import Layout from '@theme-original/Layout';
import type LayoutType from '@theme/Layout';
import type { WrapperProps } from '@docusaurus/types';
import { MainLandmark } from './MainLandmark';

type Props = WrapperProps<typeof LayoutType>;

/** Docusaurus's Layout; for a page that asks for it (see MainLandmark), its content in a `<main>`. */
export default function LayoutWrapper({ children, ...props }: Props): ReactNode {
  const wantsMain = useContext(MainLandmark);
  return <Layout {...props}>{wantsMain ? <main>{children}</main> : children}</Layout>;
}
