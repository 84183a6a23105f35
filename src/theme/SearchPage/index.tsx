import type { ReactNode } from 'react';
import SearchPage from '@theme-original/SearchPage';
import { MainLandmark } from '@site/src/theme/Layout/MainLandmark';

/** The local search's results page, its content in a main landmark (its own markup has none). */
export default function SearchPageWrapper(): ReactNode {
  return (
    <MainLandmark.Provider value={true}>
      <SearchPage />
    </MainLandmark.Provider>
  );
}
