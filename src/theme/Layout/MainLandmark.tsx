import { createContext } from 'react';

/**
 * Set by pages whose content Docusaurus's Layout does not put in a `<main>` of their own (the local
 * search's results page): the Layout wrapper then wraps the page's content in one, so every page has
 * exactly one main landmark and no content outside the landmarks.
 */
export const MainLandmark = createContext(false);
