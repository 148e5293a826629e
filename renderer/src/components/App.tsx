// The window: header; search, count and results on the left; the reader on the right; the add
// form as a dialog. Wires the archive, the search worker, keyboard and menu commands together.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import { highlighterFor } from '../../../archive/search/highlight.ts';
import { onCommand } from '../api/client.ts';
import { useArchive } from '../hooks/use-archive.ts';
import { useUndoableChanges } from '../hooks/use-undoable-changes.ts';
import { useImport } from '../hooks/use-import.ts';
import { useList } from '../hooks/use-list.ts';
import { useReader } from '../hooks/use-reader.ts';
import { useSavedSearches } from '../hooks/use-saved-searches.ts';
import { useSearch } from '../hooks/use-search.ts';
import { useShortcuts } from '../hooks/use-shortcuts.ts';
import { useFocusGuard } from '../focus/focus-guard.ts';
import { LIST_ID } from '../focus/focus-return.ts';
import { movePane } from '../focus/panes.ts';
import { FirstRun } from './FirstRun.tsx';
import { useSnippets } from '../hooks/use-snippets.ts';
import type { RowDetails } from '../search/protocol.ts';
import { searchClient } from '../search/search-client.ts';
import { useArchiveSafety } from '../hooks/use-archive-safety.ts';
import { ArchiveSafety, BackupsButton } from './ArchiveSafety.tsx';
import { ClippingForm } from './ClippingForm.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ExportListPdf } from './ExportListPdf.tsx';
import { Header } from './Header.tsx';
import { ImportButton, ImportStatus, IndexStatus } from './ImportControl.tsx';
import { ArchiveButtons } from './ArchiveButtons.tsx';
import { NearDuplicates } from './NearDuplicates.tsx';
import { Reader } from './Reader.tsx';
import { ReaderActions } from './ReaderActions.tsx';
import { RenameTagDialog } from './RenameTagDialog.tsx';
import { useSelection } from './selection.tsx';
import { TagBar } from './TagBar.tsx';
import type { ResultEntry } from './result-entry.ts';
import { ResultCount } from './ResultCount.tsx';
import { ResultList } from './ResultList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SearchTools } from './SearchTools.tsx';
import { TrashView } from './TrashView.tsx';
import { UndoToast } from './UndoToast.tsx';

export function App() {
  const { t } = useTranslation();
  const search = searchClient();
  const archive = useArchive(search);
  const safety = useArchiveSafety(archive.indexVersion, archive.reload, archive.total !== undefined);
  const [query, setQuery] = useState('');
  const results = useSearch(search, query, archive.indexVersion, archive.indexReady);
  // For the rows shown: while the next answer is on its way they stay with theirs.
  const snippets = useSnippets(results.shownQuery, archive.indexVersion);
  const savedSearches = useSavedSearches();
  const reader = useReader();
  const [formOpen, setFormOpen] = useState(false);
  // Changes made here (add, edit, trash, restore) and the undo of the last one.
  const changes = useUndoableChanges(archive.reload);
  const reloadArchive = archive.reload;
  const importer = useImport(
    useCallback(() => void reloadArchive(), [reloadArchive]),
    useCallback((task: string) => search.importing(task), [search]),
  );
  const [editing, setEditing] = useState<Clipping>();
  const [showTrash, setShowTrash] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [renamingTags, setRenamingTags] = useState(false);
  const selection = useSelection();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // Marks for the clipping the reader shows: with none shown, a keystroke analyses nothing here.
  const marked = reader.clipping !== undefined ? query : '';
  const highlighter = useMemo(() => highlighterFor(marked, { typing: true }), [marked]);

  // Without a query the list is the whole archive, in the order chosen under the search box; the
  // worker keeps it and sends the rows on screen.
  const list = useList(search, archive.listVersion, results.sort, !results.active);
  const { active: searching, hitAt, indexOf: hitIndexOf } = results;
  const entryAt = useCallback(
    (index: number): ResultEntry | undefined => {
      if (searching) {
        const hit = hitAt(index);
        return hit && entryOf(hit.id, hit, hit.title);
      }
      const s = list.rowAt(index);
      return s && entryOf(s.id, s, [{ text: s.title, match: false }]);
    },
    [searching, hitAt, list],
  );
  const indexOf = useCallback(
    (id: string) => (searching ? hitIndexOf(id) : list.indexOf(id)),
    [searching, hitIndexOf, list],
  );
  // After a reload: selected clippings no longer listed are unselected; a clipping changed
  // elsewhere is read again; one that left the archive (trashed by another process) leaves the
  // reader too. The worker says which (the page keeps no list).
  const retainSelection = selection.retain;
  const afterReload = useEffectEvent(() => {
    const selected = [...selection.ids];
    if (selected.length > 0) {
      void search.lookup(selected).then((found) => {
        const present = new Set(found.flatMap((s) => (s ? [s.id] : [])));
        retainSelection((id) => present.has(id));
      });
    }
    const open = reader.id;
    if (open === undefined) return;
    void search.lookup([open]).then(([summary]) => {
      if (reader.id !== open) return;
      if (!summary) reader.close();
      else if (reader.clipping && reader.clipping.updatedAt !== summary.updatedAt) reader.open(open);
    });
  });
  useEffect(() => afterReload(), [archive.listVersion]);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const openForm = useCallback(() => setFormOpen(true), []);
  useFocusGuard();
  useShortcuts({
    onNew: openForm,
    onFind: () => !formOpen && focusSearch(),
    onUndo: () => void changes.undo(),
    onPane: movePane,
  });
  useEffect(() => onCommand((command) => command === 'add-clipping' && openForm()), [openForm]);

  // Trashing the open clipping takes its toolbar away: focus goes on to the list.
  const trashOpen = async () => {
    const id = reader.id;
    if (id === undefined || !(await changes.trash(id))) return;
    reader.close();
    listRef.current?.focus();
  };

  const onSaved = (clipping: Clipping, previous?: Clipping) => {
    setFormOpen(false);
    setEditing(undefined);
    if (previous) void archive.reload();
    else archive.added(clipping);
    changes.changed(previous ? 'edit' : 'add', clipping, previous);
    reader.show(clipping);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Not a row of the answer before: Enter opens a result of what the box says.
    const first = results.pending ? undefined : entryAt(0);
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && first) {
      event.preventDefault();
      if (reader.id === undefined || indexOf(reader.id) < 0) reader.open(first.id);
      listRef.current?.focus();
    }
  };

  const count = results.active ? (results.error ? 0 : results.total) : archive.total;
  // The list keeps the latest answer's rows while the next one is on its way.
  const rows = results.active ? (results.error ? 0 : results.shownTotal) : archive.total;
  const emptyText =
    count === 0
      ? results.active
        ? t(results.error ? 'search.fixQuery' : 'list.noResults', { query: query.trim() })
        : t(safety.damage ? 'damage.nothingReadable' : 'list.empty')
      : undefined;
  const appError =
    archive.error ??
    reader.error ??
    (results.failure ? { code: 'internal' as const, params: { detail: results.failure } } : undefined);

  return (
    <div className="app">
      <Header
        onAdd={openForm}
        extra={
          <>
            <ArchiveButtons
              importButton={<ImportButton state={importer} />}
              showTrash={showTrash}
              onToggleTrash={() => setShowTrash((v) => !v)}
              onExport={() => setExporting(true)}
              onTags={() => setRenamingTags(true)}
            />
            <BackupsButton safety={safety} />
          </>
        }
      />
      <ArchiveSafety safety={safety} />
      {appError && !formOpen && (
        <div className="app-error">
          <ErrorMessage error={appError} />
        </div>
      )}
      <main className="panes">
        <section className="list-pane" aria-label={t('list.label')} data-pane="list">
          <SearchBox
            query={query}
            onQuery={setQuery}
            onKeyDown={onSearchKeyDown}
            inputRef={searchRef}
            listId={LIST_ID}
          />
          <SearchTools query={query} results={results} saved={savedSearches} onQuery={setQuery} />
          <div className="list-actions">
            <ResultCount query={query} count={count} searching={results.active} preparing={!archive.indexReady} />
            <ExportListPdf query={query} count={count} resultIds={results.allIds} />
          </div>
          <TagBar selection={selection} onChanged={() => void archive.reload()} />
          <ResultList
            id={LIST_ID}
            count={rows ?? 0}
            busy={results.pending}
            entryAt={entryAt}
            indexOf={indexOf}
            selectedId={reader.id}
            emptyText={emptyText}
            listRef={listRef}
            onOpen={reader.open}
            snippetOf={snippets.get}
            onNeedSnippets={snippets.request}
            onRange={searching ? results.request : list.request}
            scrollKey={query}
          />
        </section>
        <div className="reader-pane" data-pane="reader">
          {showTrash ? (
            <TrashView version={archive.indexVersion} onRestore={(id) => void changes.restore(id)} />
          ) : (
            <Reader
              id={reader.error ? undefined : reader.id}
              clipping={reader.clipping}
              highlighter={highlighter}
              actions={
                <ReaderActions
                  busy={changes.busy}
                  onEdit={() => setEditing(reader.clipping)}
                  onTrash={() => void trashOpen()}
                />
              }
              notice={reader.clipping && <NearDuplicates clipping={reader.clipping} />}
              empty={<FirstRun />}
            />
          )}
        </div>
      </main>
      {(formOpen || editing) && (
        <ClippingForm
          key={editing?.id ?? 'new'}
          editing={editing}
          onSaved={onSaved}
          onCancel={() => {
            setFormOpen(false);
            setEditing(undefined);
          }}
        />
      )}
      {/* In the layout, not over it: a toast or a summary never covers a control. */}
      <div className="status-area">
        <UndoToast changes={changes} />
        <ImportStatus state={importer} />
        {!importer.running && <IndexStatus progress={archive.indexProgress} />}
      </div>
      {exporting && (
        <ExportDialog
          selectedIds={[...selection.ids]}
          results={results.active ? results : undefined}
          onClose={() => setExporting(false)}
        />
      )}
      {renamingTags && <RenameTagDialog onDone={() => void archive.reload()} onClose={() => setRenamingTags(false)} />}
    </div>
  );
}

function entryOf(id: string, summary: RowDetails | undefined, title: ResultEntry['title']): ResultEntry {
  return {
    id,
    title,
    publication: summary?.publication,
    date: summary?.date,
    language: summary?.language,
    scanned: summary?.scanPages !== undefined,
  };
}
