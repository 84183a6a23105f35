import { useEffect, useMemo, useState, type ReactNode } from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useLocation } from '@docusaurus/router';
import { usePluginData } from '@docusaurus/useGlobalData';
import globalData from '@generated/globalData';
import type { SandboxData } from '@site/src/plugins/engineSandbox';
import { dropPrestartedSandbox, prestartSandbox } from '@site/src/engine/sandbox/prestart';
import type { PlaygroundProps } from './Playground';
import { FramedNotice } from './FramedNotice';
import { isFramedByOtherOrigin } from './framing';
import { holdRoutePrefetch, releaseRoutePrefetch } from './routePrefetch';
import { SHELL_ATTRIBUTE, shellFieldHtml } from './editor/draft';
import {
  allResources,
  allServices,
  docPath,
  loadServicesFor,
  PLAYGROUND_RESOURCE_ID,
} from '@site/src/resources/registry';
import styles from './styles.module.css';
import editorStyles from './editor/editor.module.css';

type PlaygroundModule = typeof import('./Playground');

/** The side panel's editor height (the full-window page passes its own), as Playground.tsx has it. */
const DEFAULT_EDITOR_HEIGHT = '220px';

let loaded: PlaygroundModule | undefined;
let loading: Promise<PlaygroundModule> | undefined;

/**
 * Starts everything the playground needs at once, rather than one after another once React has
 * rendered: the query engine's sandbox (frame, worker, alasql: prestart.ts) and the playground's
 * chunk (alasql's parser, the GitHub client, the layout). Monaco's chunk follows once the playground
 * is on screen (SqlEditor): run any earlier, its start-up would hold up the playground's. The service
 * of the resource a page about no resource opens on loads beside them; the services the SQL names
 * load as it is typed or shared (useCatalogue). Idempotent.
 */
function startPlayground(frameUrl: string): Promise<PlaygroundModule> {
  loading ??= afterLoad().then(async () => {
    if (!left) prestartSandbox(frameUrl);
    const module = await load();
    // The engine client, warmed with the query on screen, before React renders the playground;
    // not for a reader who has left the page meanwhile (nothing would take it).
    if (!left) module.startEngine(frameUrl);
    else dropPrestartedSandbox();
    return module;
  });
  return loading;
}

/** Playgrounds on screen, and whether the last one has gone (the reader left before it loaded). */
let mounted = 0;
let left = false;

/** The page's `load` event: nothing of the playground delays the docs. */
function afterLoad(): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else
      window.addEventListener(
        'load',
        () => {
          resolve();
        },
        { once: true },
      );
  });
}

function load(): Promise<PlaygroundModule> {
  return Promise.all([
    import(/* webpackChunkName: "playground" */ './Playground'),
    // Only where the page registered no service of its own (the full-window page). A chunk that did
    // not load: the playground still opens, and says so when the SQL needs it.
    allServices().length > 0 ? undefined : loadServicesFor(PLAYGROUND_RESOURCE_ID).catch(() => false),
  ]).then(
    ([module]) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      // A lost connection or a chunk gone after a deploy: the next mount tries again.
      loading = undefined;
      throw error;
    },
  );
}

function frameUrlOf(data: unknown): string | undefined {
  const plugin = (data as Record<string, Record<string, Partial<SandboxData> | undefined> | undefined>)[
    'engine-sandbox'
  ];
  const url = plugin?.default?.frameUrl;
  return typeof url === 'string' ? url : undefined;
}

/**
 * On a first visit, the start happens at the page's `load` event (not before: the docs come first and
 * their `load` is not delayed), when the page's HTML has a playground and no other site frames it; a
 * playground reached by navigating within the site starts as it mounts.
 */
if (ExecutionEnvironment.canUseDOM && document.readyState !== 'complete') {
  // The sidebar's route prefetches wait until the playground is up (routePrefetch.ts).
  if (document.querySelector(`[${SHELL_ATTRIBUTE}]`)) holdRoutePrefetch();
  window.addEventListener(
    'load',
    () => {
      const frameUrl = frameUrlOf(globalData);
      if (!frameUrl || isFramedByOtherOrigin(window)) return;
      if (document.querySelector(`[${SHELL_ATTRIBUTE}]`)) startPlayground(frameUrl).catch(() => undefined);
    },
    { once: true },
  );
}

/**
 * The query a resource page's playground opens with, as `startingResource` (pageResource.ts) picks it,
 * without that module's editor imports: the page's resource's first example. Other pages (the
 * full-window one) register their default resource's service only in the browser, so their field
 * starts empty, the same in every build, and the playground fills it unless the reader typed first.
 */
function pageSql(pathname: string): string {
  const path = pathname.replace(/\/+$/, '');
  return allResources().find((r) => path.endsWith(docPath(r)))?.examples[0]?.sql ?? '';
}

/**
 * The playground before its code is loaded: the editor as a plain field with the page's query, in the
 * page's HTML, so a reader can type as soon as the page shows (draft.ts hands what they typed on).
 * React renders this field's markup but never its value, so hydration keeps what was typed before it.
 */
function Shell({ height, failed }: { readonly height: string; readonly failed: boolean }): ReactNode {
  const { pathname } = useLocation();
  // The same on the server and in the browser, and between renders: new markup would write the field
  // again, losing what was typed (only another page gets another field).
  const html = useMemo(
    () =>
      shellFieldHtml(pageSql(pathname), {
        class: editorStyles.plain ?? '',
        style: `height:${height}`,
        'aria-label': 'SQL query',
        spellcheck: 'false',
        autocapitalize: 'off',
        autocomplete: 'off',
        autocorrect: 'off',
      }),
    [pathname, height],
  );
  return (
    <div className={styles.playground} {...{ [SHELL_ATTRIBUTE]: '' }}>
      <div className={styles.editor}>
        <div className={editorStyles.frame} dangerouslySetInnerHTML={{ __html: html }} />
      </div>
      {failed ? (
        <p className={styles.placeholder} role="alert">
          The rest of the playground could not be loaded. Check the connection and reload the page.
        </p>
      ) : (
        <p className={styles.hint} role="status">
          Loading the SQL playground…
        </p>
      )}
    </div>
  );
}

/**
 * The playground: its editor at once (in the page's HTML), the rest as soon as its code is loaded,
 * which starts at the page's `load` (above) or as this mounts. The docs render fully without it.
 */
export function PlaygroundLoader(props: PlaygroundProps): ReactNode {
  const isBrowser = useIsBrowser();
  const { frameUrl } = usePluginData('engine-sandbox') as SandboxData;
  const [module, setModule] = useState(() => loaded);
  const [failed, setFailed] = useState(false);
  // Checked before the chunk loads: a foreign frame never gets the editor, engine or client.
  const framed = isBrowser && isFramedByOtherOrigin(window);

  useEffect(() => {
    // Checked here too: `useIsBrowser` is still false in the effects of the hydrating render.
    if (module || framed || isFramedByOtherOrigin(window)) return;
    let live = true;
    startPlayground(frameUrl).then(
      (m) => {
        if (live) setModule(() => m);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [module, framed, frameUrl]);
  // An engine started ahead for a playground that never opened (the reader left first) is ended,
  // now or as the chunk arrives, and the route prefetches held for it go.
  useEffect(() => {
    mounted++;
    left = false;
    return () => {
      mounted--;
      if (mounted > 0) return;
      left = true;
      dropPrestartedSandbox();
      loaded?.dropEngine();
      releaseRoutePrefetch();
    };
  }, []);

  const shown = isBrowser && module !== undefined;
  // The playground is on screen (or will not be): the prefetches held for it may go.
  useEffect(() => {
    if (shown || failed || framed) releaseRoutePrefetch();
  }, [shown, failed, framed]);

  if (framed) return <FramedNotice />;
  // The same markup as the server's until hydration is done: the field must survive it.
  if (!shown) return <Shell height={props.editorHeight ?? DEFAULT_EDITOR_HEIGHT} failed={failed} />;
  const Playground = module.default;
  return <Playground {...props} />;
}

export { PlaygroundBridge, usePlaygroundBridge } from './bridge';
