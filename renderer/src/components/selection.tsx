// The clippings ticked in the list (for tagging or exporting many at once). One store per window,
// read with useSyncExternalStore, so the rows show their checkbox without the list passing the
// selection through.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle(id: string): void;
  clear(): void;
  /** Unticks what is no longer in the list (trashed, or gone after a reload). */
  retain(present: (id: string) => boolean): void;
}

let ids: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function set(next: ReadonlySet<string>): void {
  ids = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const actions = {
  toggle(id: string) {
    const next = new Set(ids);
    if (!next.delete(id)) next.add(id);
    set(next);
  },
  clear() {
    if (ids.size > 0) set(new Set());
  },
  retain(present: (id: string) => boolean) {
    const next = new Set([...ids].filter(present));
    if (next.size !== ids.size) set(next);
  },
};

export function useSelection(): Selection {
  const current = useSyncExternalStore(subscribe, () => ids);
  return { ids: current, ...actions };
}

/** The checkbox of one result row; clicking it ticks the row without opening it. */
export function RowCheckbox({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const checked = useSyncExternalStore(subscribe, () => ids.has(id));
  return (
    <input
      type="checkbox"
      className="row-check"
      data-testid="select-clipping"
      aria-label={t('intake.selectRow', { title })}
      checked={checked}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onChange={() => actions.toggle(id)}
    />
  );
}
