// Search as you type: every change of the query, the sort or the index asks the worker again.
// Answers come a page at a time: the first page with the count, facets and timeline, and further
// pages only for the rows that scroll into view, so 100,000 results cost what the screen shows.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Facets, Timeline } from '../../../archive/search/engine.ts';
import type { QuerySyntaxError, SortOrder } from '../../../archive/search/query.ts';
import { ApiError } from '../api/api-error.ts';
import type { ListedHit, ListedOutcome } from '../search/protocol.ts';
import type { SearchClient } from '../search/search-client.ts';
import { PAGE, indexInPages, pagesOf, useAskedPages } from './paged-rows.ts';

type SearchAnswer = Extract<ListedOutcome, { ok: true }>;

export interface SearchState {
  /** There is a query (else the list shows the whole archive). */
  active: boolean;
  sort: SortOrder | undefined;
  setSort(sort: SortOrder | undefined): void;
  /** The first page's answer for the current query, or undefined while it is on its way. */
  answer: SearchAnswer | undefined;
  /** The latest answer, kept while the next one is on its way (the facets and timeline stay put). */
  latest: SearchAnswer | undefined;
  /** The current answer's count, or undefined while it is on its way. */
  total: number | undefined;
  /** How many rows the list shows: the current answer's, or the latest one's while the next is on its way. */
  shownTotal: number | undefined;
  /** A new answer is on its way: the rows shown are the latest answer's. */
  pending: boolean;
  /** The query of the rows shown (their passages are for it): a keystroke behind while one is pending. */
  shownQuery: string;
  facets: Facets | undefined;
  timeline: Timeline | undefined;
  /** A mistake in the query, said after a short pause (it may be unfinished typing). */
  error: QuerySyntaxError | undefined;
  /** The worker failed (not the query). */
  failure: string | undefined;
  hitAt(index: number): ListedHit | undefined;
  indexOf(id: string): number;
  /** Rows start…end are on screen: fetch their pages if missing. */
  request(start: number, end: number): void;
  /** Every result's id in the list's order, loaded or not (for exporting them). */
  allIds(): Promise<string[]>;
}

const ERROR_DELAY_MS = 600;

interface View {
  key: string;
  /** The query its answer and rows are for. */
  query: string;
  answer: SearchAnswer | undefined;
  error: QuerySyntaxError | undefined;
  pages: Map<number, ListedHit[]>;
}

export function useSearch(search: SearchClient, query: string, indexVersion: number, ready: boolean): SearchState {
  const active = query.trim() !== '';
  const [sort, setSort] = useState<SortOrder>();
  const key = `${indexVersion}\u0000${sort ?? ''}\u0000${query}`;
  const [view, setView] = useState<View>({
    key: '',
    query: '',
    answer: undefined,
    error: undefined,
    pages: new Map(),
  });
  const [failure, setFailure] = useState<string>();
  const [shownError, setShownError] = useState<QuerySyntaxError>();
  const { claim, release, isCurrent } = useAskedPages(key);

  const fetchPage = useCallback(
    (page: number) => {
      if (!claim(page)) return;
      search.search({ query, sort, typing: true, offset: page * PAGE, limit: PAGE }).then(
        (outcome) => {
          if (!isCurrent(key)) return; // the user has moved on
          setFailure(undefined);
          setView((v) => {
            const base = v.key === key ? v : { key, query, answer: undefined, error: undefined, pages: new Map() };
            if (!outcome.ok) return { ...base, answer: undefined, error: outcome.error };
            const pages = new Map(base.pages).set(page, outcome.hits);
            return { key, query, answer: page === 0 ? outcome : (base.answer ?? outcome), error: undefined, pages };
          });
        },
        (error: unknown) => {
          release(page);
          if (isCurrent(key)) setFailure(error instanceof Error ? error.message : String(error));
        },
      );
    },
    [search, key, query, sort, claim, release, isCurrent],
  );

  useEffect(() => {
    if (active && ready) fetchPage(0);
  }, [active, ready, fetchPage]);

  useEffect(() => search.onFailure(setFailure), [search]);

  const fresh = view.key === key;
  const error = fresh ? view.error : undefined;
  // A mistake is said after a pause; once the query is fixed it goes at once.
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setShownError(error), ERROR_DELAY_MS);
    return () => clearTimeout(timer);
  }, [error]);

  const answer = active && fresh ? view.answer : undefined;
  const latest = active ? view.answer : undefined;
  const pages = fresh ? view.pages : undefined;
  // Until the next answer comes, the latest answer's rows stay on screen: taking them down at each
  // keystroke and putting rows up again cost the page a layout of the whole list per key.
  const shownPages = active ? view.pages : undefined;
  const hitAt = useCallback((index: number) => shownPages?.get(Math.floor(index / PAGE))?.[index % PAGE], [shownPages]);
  const indexOf = useCallback((id: string) => indexInPages(pages, id), [pages]);
  const request = useCallback(
    (start: number, end: number) => {
      if (!active || !ready) return;
      for (const page of pagesOf(start, end)) if (!pages?.has(page)) fetchPage(page);
    },
    [active, ready, pages, fetchPage],
  );

  // The same query, sort and typing as the pages: the export holds exactly what the list shows.
  const allIds = useCallback(async () => {
    const outcome = await search.rankedIds({ query, sort, typing: true });
    if (!outcome.ok) throw new ApiError({ code: 'badRequest', params: { detail: `query: ${outcome.error.code}` } });
    return outcome.ids;
  }, [search, query, sort]);

  const saidError = active && error && shownError === error ? error : undefined;
  return useMemo(
    () => ({
      active,
      sort,
      setSort,
      answer,
      latest,
      total: answer?.total,
      shownTotal: latest?.total,
      pending: active && !error && answer === undefined,
      shownQuery: active ? view.query : '',
      facets: answer?.facets,
      timeline: answer?.timeline,
      error: saidError,
      failure,
      hitAt,
      indexOf,
      request,
      allIds,
    }),
    [active, sort, answer, latest, error, view.query, saidError, failure, hitAt, indexOf, request, allIds],
  );
}
