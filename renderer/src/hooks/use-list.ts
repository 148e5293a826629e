// The whole archive's list (no query), as the search worker keeps it: rows come a page at a time
// for the part on screen, in the order chosen under the search box, so the page never holds, parses
// or sorts the whole list however large the archive is.
import { useCallback, useEffect, useState } from 'react';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { SortOrder } from '../../../archive/search/query.ts';
import type { SearchClient } from '../search/search-client.ts';
import { PAGE, indexInPages, pagesOf, useAskedPages } from './paged-rows.ts';

export interface ListState {
  rowAt(index: number): ClippingSummary | undefined;
  /** Where a clipping is among the rows loaded so far (-1: not loaded, or not listed). */
  indexOf(id: string): number;
  /** Rows start…end are on screen: fetch their pages if missing. */
  request(start: number, end: number): void;
}

interface View {
  key: string;
  pages: ReadonlyMap<number, ClippingSummary[]>;
}

/** `version`: changes whenever the worker's list does; `shown`: the list is on screen (no query). */
export function useList(search: SearchClient, version: number, sort: SortOrder | undefined, shown: boolean): ListState {
  const key = `${version}\u0000${sort ?? ''}`;
  const [view, setView] = useState<View>({ key: '', pages: new Map() });
  const { claim, release, isCurrent } = useAskedPages(key);

  const fetchPage = useCallback(
    (page: number) => {
      if (!claim(page)) return;
      search.listPage(sort, page * PAGE, PAGE).then(
        ({ rows }) => {
          if (!isCurrent(key)) return;
          setView((v) => ({ key, pages: new Map(v.key === key ? v.pages : []).set(page, rows) }));
        },
        () => release(page), // asked again when it scrolls into view
      );
    },
    [search, key, sort, claim, release, isCurrent],
  );

  useEffect(() => {
    if (shown && version > 0) fetchPage(0);
  }, [shown, version, fetchPage]);

  const pages = view.key === key ? view.pages : undefined;
  // Until the new rows come, the rows before a reload stay on screen (no blank flash).
  const shownPages = view.pages;
  const rowAt = useCallback((index: number) => shownPages.get(Math.floor(index / PAGE))?.[index % PAGE], [shownPages]);
  const indexOf = useCallback((id: string) => indexInPages(pages, id), [pages]);
  const request = useCallback(
    (start: number, end: number) => {
      if (!shown || version === 0) return;
      for (const page of pagesOf(start, end)) if (!pages?.has(page)) fetchPage(page);
    },
    [shown, version, pages, fetchPage],
  );
  return { rowAt, indexOf, request };
}
