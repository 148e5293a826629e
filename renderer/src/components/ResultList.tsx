// The results, virtualized: only the rows on screen exist in the page, and only their data is
// fetched (a page of hits, a passage each), so 100,000 results scroll like 10. A multi-select
// listbox and one Tab stop: arrow keys, Page Up/Down, Home/End move to a row (which opens the
// clipping), Enter opens; Space or Ctrl/Cmd+click selects rows for tagging and export.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../archive/search/highlight.ts';
import { ResultRow, type RowWords } from './ResultRow.tsx';
import { rowId, type ResultEntry } from './result-entry.ts';
import { clearSelection, toggleSelected } from './selection.tsx';

interface Props {
  id: string;
  count: number;
  /** The rows are the latest answer's while the next one is on its way (aria-busy). */
  busy: boolean;
  /** The row at an index, or undefined while its page is on its way. */
  entryAt(index: number): ResultEntry | undefined;
  indexOf(id: string): number;
  selectedId: string | undefined;
  emptyText: string | undefined;
  listRef: Ref<HTMLDivElement>;
  onOpen(id: string): void;
  /** The passage shown under a row's title. */
  snippetOf(id: string): Segment[] | undefined;
  /** Called with the ids on screen whose passage is missing. */
  onNeedSnippets(ids: string[]): void;
  /** Rows start…end (with some margin) are on screen. */
  onRange(start: number, end: number): void;
  /** A new list (another query): back to its top. */
  scrollKey: string;
}

// Rows have one fixed height (title on one line, details, two lines of text; see app.css):
// measuring rows of varying height makes the virtualizer recompute 100,000 offsets per row.
export const ROW_HEIGHT = 118;
// The virtualizer recomputes every row's offset whenever one of its options is a new function: so
// no getItemKey (rows are keyed by index there, by clipping for React below) and one estimateSize.
const rowHeight = () => ROW_HEIGHT;

export function ResultList(props: Props) {
  const {
    id,
    count,
    busy,
    entryAt,
    indexOf,
    selectedId,
    emptyText,
    listRef,
    onOpen,
    snippetOf,
    onNeedSnippets,
    onRange,
  } = props;
  const { t } = useTranslation();
  const rowWords = useMemo<RowWords>(() => ({ loading: t('list.loadingRow'), fromScan: t('list.fromScan') }), [t]);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const onRowClick = useCallback(
    (rowIdOf: string, toggle: boolean) => (toggle ? toggleSelected(rowIdOf) : onOpen(rowIdOf)),
    [onOpen],
  );
  // A row chosen by keyboard before its page arrived: opened when it does.
  const [pending, setPending] = useState<number>();
  // TanStack Virtual is not React Compiler-safe; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    // Rows drawn beyond the visible ones, each side. Measured at 10,000 clippings: 3 scrolls as
    // smoothly as 6 did (frame gaps p95 16.8 ms), and each answer draws 3 rows fewer while typing.
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  const selectedIndex = selectedId === undefined ? -1 : indexOf(selectedId);

  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  const missingKey = items
    .map((item) => entryAt(item.index))
    .filter((e): e is ResultEntry => e !== undefined && snippetOf(e.id) === undefined)
    .map((e) => e.id)
    .join(' ');
  useEffect(() => {
    if (missingKey !== '') onNeedSnippets(missingKey.split(' '));
  }, [missingKey, onNeedSnippets]);

  // Back to the top for a new query; at the top already, nothing to do (scrolling there reads the
  // list's height, which makes the browser lay the new rows out at once, in the middle of typing).
  useEffect(() => {
    if (virtualizer.scrollOffset !== 0) virtualizer.scrollToOffset(0);
  }, [props.scrollKey, virtualizer]);

  // Keep the open clipping's row in view when the selection changes (keys, a new clipping).
  const reveal = useEffectEvent(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  });
  useEffect(() => reveal(), [selectedId]);

  const pendingEntry = pending === undefined ? undefined : entryAt(pending);
  const openPending = useEffectEvent((entry: ResultEntry) => {
    setPending(undefined);
    onOpen(entry.id);
  });
  useEffect(() => {
    if (pendingEntry) openPending(pendingEntry);
  }, [pendingEntry]);

  const move = (index: number) => {
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const entry = entryAt(target);
    if (entry) onOpen(entry.id);
    else {
      setPending(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, items.length - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1),
      ArrowUp: () => move(selectedIndex - 1),
      PageDown: () => move(selectedIndex + page),
      PageUp: () => move(selectedIndex - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => move(Math.max(0, selectedIndex)),
    };
    if (event.key === ' ' && !event.altKey) {
      // Space selects the row in focus (Ctrl+Space too, as in other multi-select lists).
      event.preventDefault();
      if (selectedId !== undefined) toggleSelected(selectedId);
      else move(0);
      return;
    }
    if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      clearSelection();
      return;
    }
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  const setScrollRef = (node: HTMLDivElement | null) => {
    scrollRef.current = node;
    if (typeof listRef === 'function') listRef(node);
    else if (listRef) listRef.current = node;
  };

  return (
    <div className="result-list-frame">
      <div
        ref={setScrollRef}
        id={id}
        className="result-list"
        role="listbox"
        aria-multiselectable="true"
        aria-busy={busy}
        tabIndex={0}
        data-pane-focus
        aria-label={t('list.label')}
        aria-description={t('list.keys')}
        aria-activedescendant={selectedId !== undefined && selectedIndex >= 0 ? rowId(selectedId) : undefined}
        onKeyDown={onKeyDown}
      >
        {count === 0 && emptyText !== undefined && <p className="list-empty">{emptyText}</p>}
        <div className="result-list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const entry = entryAt(item.index);
            return (
              <ResultRow
                key={entry?.id ?? `row-${item.index}`}
                entry={entry}
                snippet={entry ? snippetOf(entry.id) : undefined}
                index={item.index}
                setSize={count}
                top={item.start}
                current={entry !== undefined && entry.id === selectedId}
                height={ROW_HEIGHT}
                onClick={onRowClick}
                words={rowWords}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
