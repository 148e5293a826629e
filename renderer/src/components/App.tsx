// The window: header; search, count and results on the left; the reader on the right; the add
// form as a dialog. Wires the archive, the search worker, keyboard and menu commands together.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping, ClippingSummary } from '../../../archive/clipping.ts';
import { analyze } from '../../../archive/search/analyze.ts';
import { onCommand } from '../api/client.ts';
import { useArchive } from '../hooks/use-archive.ts';
import { usePreviews } from '../hooks/use-previews.ts';
import { useReader } from '../hooks/use-reader.ts';
import { useSearch } from '../hooks/use-search.ts';
import { useShortcuts } from '../hooks/use-shortcuts.ts';
import { searchClient } from '../search/search-client.ts';
import { ClippingForm } from './ClippingForm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Header } from './Header.tsx';
import { Reader } from './Reader.tsx';
import type { ResultEntry } from './result-entry.ts';
import { ResultCount } from './ResultCount.tsx';
import { ResultList } from './ResultList.tsx';
import { SearchBox } from './SearchBox.tsx';

const LIST_ID = 'results';

export function App() {
  const { t } = useTranslation();
  const search = searchClient();
  const archive = useArchive(search);
  const [query, setQuery] = useState('');
  const results = useSearch(search, query, archive.indexVersion, archive.indexReady);
  const previews = usePreviews(search, archive.indexVersion);
  const reader = useReader();
  const [formOpen, setFormOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const terms = useMemo(() => analyze(query), [query]);

  const byId = useMemo(() => new Map((archive.summaries ?? []).map((s) => [s.id, s])), [archive.summaries]);

  const entries = useMemo<ResultEntry[]>(() => {
    if (results.active) {
      return (results.answer?.hits ?? []).map((hit) => entryOf(hit.id, byId.get(hit.id), hit.title, hit.snippet));
    }
    return (archive.summaries ?? []).map((s) => entryOf(s.id, s, [{ text: s.title, match: false }], undefined));
  }, [results.active, results.answer, archive.summaries, byId]);

  // After a reload: a clipping changed elsewhere is read again; one that left the archive
  // (trashed by another process) leaves the reader too.
  const syncReader = useEffectEvent(() => {
    if (reader.id === undefined) return;
    const summary = byId.get(reader.id);
    if (!summary) reader.close();
    else if (reader.clipping && reader.clipping.updatedAt !== summary.updatedAt) reader.open(reader.id);
  });
  useEffect(() => syncReader(), [byId]);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const openForm = useCallback(() => setFormOpen(true), []);
  useShortcuts({ onNew: openForm, onFind: () => !formOpen && focusSearch() });
  useEffect(() => onCommand((command) => command === 'add-clipping' && openForm()), [openForm]);

  const onSaved = (clipping: Clipping) => {
    setFormOpen(false);
    archive.added(clipping);
    reader.show(clipping);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = entries[0];
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && first) {
      event.preventDefault();
      if (reader.id === undefined || !entries.some((e) => e.id === reader.id)) reader.open(first.id);
      listRef.current?.focus();
    }
  };

  const count = results.active ? results.answer?.total : archive.summaries?.length;
  const emptyText =
    count === 0 ? (results.active ? t('list.noResults', { query: query.trim() }) : t('list.empty')) : undefined;
  const appError =
    archive.error ??
    reader.error ??
    (results.failure ? { code: 'internal' as const, params: { detail: results.failure } } : undefined);

  return (
    <div className="app">
      <Header onAdd={openForm} />
      {appError && !formOpen && (
        <div className="app-error">
          <ErrorMessage error={appError} />
        </div>
      )}
      <main className="panes">
        <section className="list-pane" aria-label={t('list.label')}>
          <SearchBox
            query={query}
            onQuery={setQuery}
            onKeyDown={onSearchKeyDown}
            inputRef={searchRef}
            listId={LIST_ID}
          />
          <ResultCount query={query} count={count} searching={results.active} />
          <ResultList
            id={LIST_ID}
            entries={entries}
            selectedId={reader.id}
            emptyText={emptyText}
            listRef={listRef}
            onOpen={reader.open}
            previewOf={previews.get}
            onNeedSnippets={previews.request}
            onEndReached={results.loadMore}
            scrollKey={query}
          />
        </section>
        <div className="reader-pane">
          <Reader id={reader.error ? undefined : reader.id} clipping={reader.clipping} terms={terms} />
        </div>
      </main>
      {formOpen && <ClippingForm onSaved={onSaved} onCancel={() => setFormOpen(false)} />}
    </div>
  );
}

function entryOf(
  id: string,
  summary: ClippingSummary | undefined,
  title: ResultEntry['title'],
  snippet: ResultEntry['snippet'],
): ResultEntry {
  return { id, title, snippet, publication: summary?.publication, date: summary?.date };
}
