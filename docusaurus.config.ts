import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';

/**
 * The site is static files only: nothing is loaded from another host at build or run time (no CDN,
 * no web fonts, no Algolia). Search is the local, build-time index of docusaurus-search-local.
 */
const config: Config = {
  title: 'StackQL GitHub provider',
  tagline: 'Query, deploy and manage GitHub resources using SQL',
  favicon: 'img/favicon.svg',
  url: 'https://github-provider.stackql.io',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        // Docs at the site root, like the provider's own site: /services/packages/org_versions.
        docs: { routeBasePath: '/', sidebarPath: './sidebars.ts' },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexDocs: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/',
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
      },
    ],
  ],
  themeConfig: {
    image: 'img/providers/github/stackql-github-provider-featured-image.png',
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'StackQL GitHub provider',
      logo: { alt: 'StackQL GitHub provider', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'provider', position: 'left', label: 'Docs' },
        { to: '/services/packages/org_versions', label: 'org_versions', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'StackQL GitHub provider reference with an in-browser SQL playground. Not affiliated with GitHub.',
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['sql', 'bash'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
