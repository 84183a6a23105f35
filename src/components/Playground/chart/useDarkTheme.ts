import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    observer.disconnect();
  };
}

/**
 * Whether the dark theme is in force, read from `<html data-theme>`: the attribute Infima's variables
 * follow, so a chart drawn when it changes reads the new theme's colours (a React colour-mode state
 * can change before the attribute does).
 */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset.theme === 'dark',
    () => false,
  );
}
