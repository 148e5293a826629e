// Under the search box: the order of results, saved searches, a query mistake (if any), and for a
// search with results the timeline and the facets.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SORTS, type SortOrder } from '../../../archive/search/query.ts';
import { dateOf, withDate } from '../../../archive/search/query-edit.ts';
import type { SavedSearches as SavedSearchesState } from '../hooks/use-saved-searches.ts';
import type { SearchState } from '../hooks/use-search.ts';
import { Facets } from './Facets.tsx';
import { SavedSearches } from './SavedSearches.tsx';
import { SearchError } from './SearchError.tsx';
import { Timeline } from './Timeline.tsx';
import '../styles/search.css';

interface Props {
  query: string;
  results: SearchState;
  saved: SavedSearchesState;
  onQuery(query: string): void;
}

const SORT_LABELS: Record<SortOrder, string> = {
  relevance: 'search.sortRelevance',
  newest: 'search.sortNewest',
  oldest: 'search.sortOldest',
};

const REFINE_KEY = 'press-archive.refine';

/**
 * Whether the timeline and facets show: as the person left them last; the first time, shown unless
 * the window is small (or zoomed in), where the results need the room more.
 */
function useRefineOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(REFINE_KEY);
    } catch {
      // No storage: decide by the window.
    }
    return stored === null ? !matchMedia('(max-height: 700px), (max-width: 720px)').matches : stored !== 'closed';
  });
  const remember = useCallback((next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(REFINE_KEY, next ? 'open' : 'closed');
    } catch {
      // Not remembered; the choice still applies now.
    }
  }, []);
  return [open, remember];
}

export function SearchTools({ query, results, saved, onQuery }: Props) {
  const { t } = useTranslation();
  const answer = results.latest;
  const [refineOpen, setRefineOpen] = useRefineOpen();
  const date = dateOf(query);
  const browsing = query.trim() === '';
  return (
    <div className="search-tools">
      <div className="search-tools-row">
        <label className="sort-select">
          <span>{t('search.sort')}</span>
          <select
            data-testid="search-sort"
            value={results.sort ?? 'relevance'}
            onChange={(e) =>
              results.setSort(e.target.value === 'relevance' ? undefined : (e.target.value as SortOrder))
            }
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(s === 'relevance' && browsing ? 'search.sortAdded' : SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <SavedSearches
          saved={saved}
          query={query}
          sort={results.sort}
          onRun={(q, sort) => {
            results.setSort(sort);
            onQuery(q);
          }}
        />
      </div>
      {query.trim() === '' && <p className="search-hint">{t('search.syntaxHelp')}</p>}
      {results.error && <SearchError error={results.error} />}
      {/* Also with no results when a date span is kept: the timeline and "All dates" lead back. */}
      {answer && (answer.total > 0 || date !== undefined) && (
        <details
          className="refine"
          data-testid="refine"
          open={refineOpen}
          onToggle={(e) => {
            if (e.currentTarget.open !== refineOpen) setRefineOpen(e.currentTarget.open);
          }}
        >
          <summary>{t('search.refine')}</summary>
          {/* Bounded, so the results keep most of the column however many facets there are. */}
          <div className="refine-body">
            <Timeline timeline={answer.timeline} date={date} onDate={(d) => onQuery(withDate(query, d))} />
            <Facets facets={answer.facets} query={query} onQuery={onQuery} />
          </div>
        </details>
      )}
    </div>
  );
}
