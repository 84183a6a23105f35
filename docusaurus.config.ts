import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes, type PrismTheme } from 'prism-react-renderer';
import path from 'node:path';
import type { Module, Configuration as WebpackConfiguration } from 'webpack';
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

/**
 * Docusaurus Faster (`@docusaurus/faster`: Rspack, SWC, Lightning CSS, SSG in worker threads) unless
 * `DOCUSAURUS_FASTER=0`, which gives the webpack and Babel build: the bench builds the site both ways
 * in one run to compare them.
 */
const faster = process.env.DOCUSAURUS_FASTER !== '0';

/**
 * A persistent cache setting (webpack's `filesystem`, Rspack's `persistent`) with the API URLs in its
 * version; any other setting as it is.
 */
function keyedCache<T>(cache: T): T {
  if (typeof cache !== 'object' || cache === null) return cache;
  const { type, version } = cache as { type?: unknown; version?: unknown };
  if (type !== 'filesystem' && type !== 'persistent') return cache;
  return {
    ...cache,
    version: `${typeof version === 'string' ? version : ''}|${allowedApiBaseUrls.join(',')}`,
  };
}

/** A service's catalogue JSON (`catalogue/github/repos.json`; not the samples, overview or aliases). */
const CATALOGUE_JSON =
  /[\\/]src[\\/]resources[\\/]catalogue[\\/]github[\\/]((?!overview|services|aliases)[a-z_]+)\.json$/;

/** The split-chunks group that gives each service's JSON one chunk of its own. */
const CATALOGUE_CHUNKS = {
  test: CATALOGUE_JSON,
  name: (module: Module): string =>
    `catalogue-json-${(CATALOGUE_JSON.exec(module.nameForCondition() ?? '')?.[1] ?? 'service').replaceAll('_', '-')}`,
  chunks: 'all' as const,
  enforce: true,
  // Above Docusaurus's `common` group (40), below its single `styles` chunk (50).
  priority: 45,
};

/**
 * Modules of Monaco's core that the playground's editor never runs, each replaced by a class that
 * throws if it were ever constructed (issue 13: the playground's weight). `editor.api.js` imports them
 * for API the editor does not use, or for options it turns off:
 * - the diff and multi-file diff editors (`monaco.editor.createDiffEditor`; 173 KB minified);
 * - quick input, the command palette's and pickers' UI: the editor registers no palette, quick
 *   outline or go-to-line, and no command that opens a picker has a key (100 KB);
 * - GPU rendering (`experimentalGpuAcceleration`, off by default; 80 KB);
 * - the EditContext input path (SqlEditor sets `editContext: false`; 28 KB);
 * - tree-sitter tokens (the standalone editor supports no tree-sitter language; 31 KB);
 * - the code-action menu (and its action widget), which a problem's hover opens only for the quick
 *   fixes of a code-action provider; the playground registers none (26 KB).
 * Keyed by the module's path under `monaco-editor/esm/vs/`; the value is the class it exports (an
 * editor contribution's `get(editor)` finds none).
 */
const MONACO_STUBS: Readonly<Record<string, string>> = {
  'editor/browser/widget/diffEditor/diffEditorWidget.js': 'DiffEditorWidget',
  'editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js': 'MultiDiffEditorWidget',
  'platform/quickinput/browser/quickInputService.js': 'QuickInputService',
  'editor/browser/gpu/viewGpuContext.js': 'ViewGpuContext',
  'editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js': 'ViewLinesGpu',
  'editor/browser/controller/editContext/native/nativeEditContext.js': 'NativeEditContext',
  'editor/common/model/tokens/treeSitter/treeSitterSyntaxTokenBackend.js': 'TreeSitterSyntaxTokenBackend',
  'editor/contrib/codeAction/browser/codeActionController.js': 'CodeActionController',
};

/** The requests that may name a stubbed module (its file name), for the replacement plugin's test. */
const MONACO_STUB_REQUEST = new RegExp(
  `(?:${Object.keys(MONACO_STUBS)
    .map((p) => path.posix.basename(p).replaceAll('.', '\\.'))
    .join('|')})$`,
);

/** A `data:` module exporting `name` as a class that throws when constructed. */
function stubModule(name: string): string {
  const source = `export class ${name} { static get() { return null; } constructor() { throw new Error('${name} is not bundled with the playground (see MONACO_STUBS in docusaurus.config.ts)'); } }`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/** The import of a stubbed module from inside Monaco: `{ request, context }` as the bundler resolves it. */
function monacoStubFor(request: string, context: string): string | undefined {
  const from = context.split(path.sep).join('/');
  const at = from.indexOf('/node_modules/monaco-editor/esm/vs/');
  if (at < 0 || !request.startsWith('.')) return undefined;
  const target = path.posix.normalize(
    `${from.slice(at + '/node_modules/monaco-editor/esm/vs/'.length)}/${request}`,
  );
  const name = MONACO_STUBS[target];
  return name === undefined ? undefined : stubModule(name);
}

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
  future: {
    // SSG worker threads need the v4 head handling; set for both builds, so they differ only in tools.
    v4: { removeLegacyPostBuildHeadAttribute: true },
    faster,
  },
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
      configureWebpack: (webpackConfig: WebpackConfiguration, isServer: boolean, { currentBundler }) => ({
        // The bundler's persistent cache does not see environment variables, so a build for other API
        // URLs could reuse bundles that allow the previous ones: key the cache by them too (webpack's
        // `cache.version`; Rspack's persistent cache is `experiments.cache`).
        ...(currentBundler.name === 'rspack'
          ? {
              experiments: {
                cache: keyedCache(
                  (webpackConfig.experiments as { readonly cache?: unknown } | undefined)?.cache,
                ),
              },
            }
          : { cache: keyedCache(webpackConfig.cache) }),
        // Each generated page imports its service's JSON (to register it before it renders). With
        // Docusaurus's default cache groups off, a module shared by pages is copied into every page
        // chunk that imports it (repos.json, 440 KB, into 61 of them): put each service's JSON in one
        // chunk, `catalogue-json-<service>`, which the playground's lazy load of the service
        // (`catalogue-<service>`) shares. Not that same name: webpack refuses a cache group named as a
        // chunk that is not a parent of its modules (Rspack merges them).
        ...(isServer
          ? {}
          : { optimization: { splitChunks: { cacheGroups: { catalogue: CATALOGUE_CHUNKS } } } }),
        // Monaco's core modules the editor never runs (MONACO_STUBS), swapped before they resolve.
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            MONACO_STUB_REQUEST,
            (data: { request: string; context: string }) => {
              const stub = monacoStubFor(data.request, data.context);
              if (stub !== undefined) data.request = stub;
            },
          ),
        ],
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
        // Keep English stop words: `get`, `all` and `after` are method and field names a reader searches for.
        removeDefaultStopWordFilter: true,
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
        { to: '/playground', label: 'Playground', position: 'left' },
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
