// The results, virtualized: only the rows on screen exist in the page, so 100,000 stay smooth.
// A listbox: arrow keys, Home/End move the selection (which opens the clipping), Enter opens.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../archive/search/highlight.ts';
import { ResultRow } from './ResultRow.tsx';
import { rowId, type ResultEntry } from './result-entry.ts';

interface Props {
  id: string;
  entries: readonly ResultEntry[];
  selectedId: string | undefined;
  emptyText: string | undefined;
  listRef: Ref<HTMLDivElement>;
  onOpen(id: string): void;
  /** The opening lines of a clipping for rows that are not search hits. */
  previewOf(id: string): Segment[] | undefined;
  /** Called with the ids on screen whose snippet is missing. */
  onNeedSnippets(ids: string[]): void;
  /** The rows near the end are on screen: time to fetch the next page. */
  onEndReached(): void;
  /** A new list (another query): back to its top. */
  scrollKey: string;
}

// Rows have one fixed height (title on one line, details, two lines of text; see app.css):
// measuring rows of varying height makes the virtualizer recompute 100,000 offsets per row.
export const ROW_HEIGHT = 118;

export function ResultList(props: Props) {
  const { id, entries, selectedId, emptyText, listRef, onOpen, previewOf, onNeedSnippets, onEndReached, scrollKey } =
    props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // TanStack Virtual is not React Compiler-safe; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => entries[index]?.id ?? index,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const selectedIndex = selectedId === undefined ? -1 : entries.findIndex((e) => e.id === selectedId);

  const missingKey = items
    .map((item) => entries[item.index])
    .filter((e): e is ResultEntry => e !== undefined && e.snippet === undefined && previewOf(e.id) === undefined)
    .map((e) => e.id)
    .join(' ');
  useEffect(() => {
    if (missingKey !== '') onNeedSnippets(missingKey.split(' '));
  }, [missingKey, onNeedSnippets]);

  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (entries.length > 0 && lastIndex >= entries.length - 10) onEndReached();
  }, [lastIndex, entries.length, onEndReached]);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [scrollKey, virtualizer]);

  // Keep the open clipping's row in view when the selection changes (keys, a new clipping).
  const reveal = useEffectEvent(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  });
  useEffect(() => reveal(), [selectedId]);

  const move = (index: number) => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, index))];
    if (entry) onOpen(entry.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, items.length - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selectedIndex + 1),
      ArrowUp: () => move(selectedIndex - 1),
      PageDown: () => move(selectedIndex + page),
      PageUp: () => move(selectedIndex - page),
      Home: () => move(0),
      End: () => move(entries.length - 1),
      Enter: () => move(Math.max(0, selectedIndex)),
    };
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
    <div
      ref={setScrollRef}
      id={id}
      className="result-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('list.label')}
      aria-activedescendant={selectedId !== undefined && selectedIndex >= 0 ? rowId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      {entries.length === 0 && emptyText !== undefined && <p className="list-empty">{emptyText}</p>}
      <div className="result-list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const entry = entries[item.index]!;
          return (
            <ResultRow
              key={item.key}
              entry={entry}
              snippet={entry.snippet ?? previewOf(entry.id)}
              index={item.index}
              top={item.start}
              selected={entry.id === selectedId}
              height={ROW_HEIGHT}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
