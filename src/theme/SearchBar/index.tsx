import { useEffect, useRef, type ReactNode } from 'react';
import SearchBar from '@theme-original/SearchBar';
import { repairSuggestionsAria } from './repairSuggestionsAria';

/**
 * The local search plugin's search bar, with the ARIA of its suggestions repaired as its
 * autocomplete renders them (see repairSuggestionsAria). `display: contents` keeps the navbar's layout.
 */
export default function SearchBarWrapper(): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    repairSuggestionsAria(element);
    const observer = new MutationObserver(() => {
      repairSuggestionsAria(element);
    });
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['role', 'aria-owns', 'aria-expanded'],
    });
    return () => {
      observer.disconnect();
    };
  }, []);
  return (
    <div ref={root} style={{ display: 'contents' }}>
      <SearchBar />
    </div>
  );
}
