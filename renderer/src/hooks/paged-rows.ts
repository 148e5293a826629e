// What the results list and the archive's list share: rows held a page at a time, keyed by what
// they answer (the query, sort and index version), each page asked for once per key.
import { useCallback, useEffect, useRef } from 'react';

export const PAGE = 100;

/** Where a row with this id is among the pages loaded so far (-1: not loaded, or not there). */
export function indexInPages(pages: ReadonlyMap<number, readonly { id: string }[]> | undefined, id: string): number {
  for (const [page, rows] of pages ?? []) {
    const i = rows.findIndex((row) => row.id === id);
    if (i >= 0) return page * PAGE + i;
  }
  return -1;
}

/** The pages that hold rows start…end. */
export function pagesOf(start: number, end: number): number[] {
  const pages = [];
  for (let page = Math.floor(start / PAGE); page <= Math.floor(end / PAGE); page++) pages.push(page);
  return pages;
}

/**
 * Which pages were asked for under the current key. `claim(page)` is true the first time a page is
 * asked for under this key; `release(page)` lets a failed page be asked again; `isCurrent(key)` says
 * whether an answer still belongs to what is on screen.
 */
export function useAskedPages(key: string) {
  const asked = useRef({ key, pages: new Set<number>() });
  const current = useRef(key);
  useEffect(() => {
    current.current = key;
  }, [key]);
  const claim = useCallback(
    (page: number) => {
      if (asked.current.key !== key) asked.current = { key, pages: new Set() };
      if (asked.current.pages.has(page)) return false;
      asked.current.pages.add(page);
      return true;
    },
    [key],
  );
  const release = useCallback(
    (page: number) => {
      if (asked.current.key === key) asked.current.pages.delete(page);
    },
    [key],
  );
  const isCurrent = useCallback((answered: string) => current.current === answered, []);
  return { claim, release, isCurrent };
}
