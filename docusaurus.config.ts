import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes, type PrismTheme } from 'prism-react-renderer';
import path from 'node:path';
import type { Configuration as WebpackConfiguration } from 'webpack';
import { cspPlugin } from './src/plugins/csp';
import { engineSandboxPlugin, SANDBOX_STATIC_DIR } from './src/plugins/engineSandbox';

/**
 * The site is static files only: nothing is loaded from another host at build or run time (no CDN,
 * no web fonts, no Algolia). Search is the local, build-time index of docusaurus-search-local.
 */
/**
 * The GitHub API the playground calls: GitHub.com unless `GITHUB_API_URL` (the variable GitHub
 * Actions sets) names a GitHub Enterprise Server (`https://HOST/api/v3`) at build time.
 * `PLAYGROUND_EXTRA_API_URLS` (comma-separated) allows more base URLs for the reader to pick.
 * The CSP's connect-src allows exactly these origins.
 */
const apiBaseUrl = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
const allowedApiBaseUrls = [
  apiBaseUrl,
  ...(process.env.PLAYGROUND_EXTRA_API_URLS ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean),
];

/**
 * Prism's github and dracula themes with the token colours that miss WCAG AA contrast (4.5:1) on the
 * code-block background, and on a highlighted line, replaced by darker (light) or lighter (dark) ones.
 */
function withColours(theme: PrismTheme, replace: Readonly<Record<string, string>>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const colour = entry.style.color;
      const swap = colour === undefined ? undefined : replace[colour.toLowerCase()];
      return swap ? { ...entry, style: { ...entry.style, color: swap } } : entry;
    }),
  };
}
const accessibleGithub = withColours(prismThemes.github, {
  '#999988': '#565d66', // comment
  '#e3116c': '#b0084f', // string
  '#36acaa': '#006560', // number, variable, constant
  '#00a4db': '#005f8f', // keyword, attr-name
  '#d73a49': '#b62434', // function, deleted
});
const accessibleDracula = withColours(prismThemes.dracula, {
  'rgb(98, 114, 164)': '#8d9bd1', // comment
});

const config: Config = {
  title: 'StackQL GitHub provider',
  tagline: 'Query, deploy and manage GitHub resources using SQL',
  favicon: 'img/favicon.svg',
  url: 'https://github-provider.stackql.io',
  baseUrl: '/',
  trailingSlash: false,
  customFields: { apiBaseUrl, allowedApiBaseUrls },
  // The engine's sandbox frame is built into its own static directory (src/plugins/engineSandbox).
  staticDirectories: ['static', SANDBOX_STATIC_DIR],
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
  plugins: [
    cspPlugin,
    engineSandboxPlugin,
    () => ({
      name: 'browser-builds',
      // alasql's Node build pulls in fs and React Native modules; the site (and its SSR pass,
      // which never runs the playground) always takes the browser build.
      configureWebpack: (webpackConfig: WebpackConfiguration, isServer: boolean) => ({
        // Webpack's persistent cache does not see environment variables, so a build for other API
        // URLs could reuse bundles that allow the previous ones: key the cache by them too.
        cache:
          typeof webpackConfig.cache === 'object' && webpackConfig.cache.type === 'filesystem'
            ? {
                ...webpackConfig.cache,
                version: `${webpackConfig.cache.version ?? ''}|${allowedApiBaseUrls.join(',')}`,
              }
            : webpackConfig.cache,
        resolve: {
          alias: {
            alasql$: path.join(__dirname, 'node_modules/alasql/dist/alasql.min.js'),
            ...(isServer
              ? { 'react-native-fetch-blob': false, 'react-native-fs': false, 'react-native': false }
              : {}),
          },
        },
      }),
    }),
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
      // The title beside the logo names the link; an alt repeating it would be read twice.
      logo: { alt: '', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'provider', position: 'left', label: 'Docs' },
        { to: '/services/packages', label: 'packages', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'StackQL GitHub provider reference with an in-browser SQL playground. Not affiliated with GitHub.',
    },
    prism: {
      theme: accessibleGithub,
      darkTheme: accessibleDracula,
      additionalLanguages: ['sql', 'bash'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
