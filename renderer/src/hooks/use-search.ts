// Search as you type: each change of the query (or of the index) asks the worker again; results
// come in pages so a query matching most of a 100,000-clipping archive stays cheap.
import { useCallback, useEffect, useState } from 'react';
import type { SearchAnswer } from '../search/protocol.ts';
import type { SearchClient } from '../search/search-client.ts';

const PAGE = 200;

export interface SearchState {
  /** The answer for the current query, or undefined while it is being searched (or no query). */
  answer: SearchAnswer | undefined;
  active: boolean;
  failure: string | undefined;
  loadMore(): void;
}

export function useSearch(search: SearchClient, query: string, indexVersion: number, ready: boolean): SearchState {
  const active = query.trim() !== '';
  const [answer, setAnswer] = useState<SearchAnswer>();
  const [failure, setFailure] = useState<string>();
  const [paging, setPaging] = useState({ query, limit: PAGE });
  const limit = paging.query === query ? paging.limit : PAGE;

  useEffect(() => {
    const offResults = search.onResults((a) => {
      setAnswer(a);
      setFailure(undefined);
    });
    const offFailure = search.onFailure(setFailure);
    return () => {
      offResults();
      offFailure();
    };
  }, [search]);

  useEffect(() => {
    if (active && ready) search.search(query, limit);
  }, [search, query, limit, active, ready, indexVersion]);

  const current = active && ready && answer?.query === query ? answer : undefined;

  const loadMore = useCallback(() => {
    if (current && current.hits.length < current.total && current.hits.length >= limit) {
      setPaging({ query, limit: limit + PAGE });
    }
  }, [current, query, limit]);

  return { answer: current, active, failure, loadMore };
}
