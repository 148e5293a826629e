// The clippings selected in the list (for tagging or exporting many at once): Space or Ctrl/Cmd+click
// toggles a row. One store per window, read with useSyncExternalStore, so each row shows its own
// state without the list passing the selection through.
import { useSyncExternalStore } from 'react';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle(id: string): void;
  clear(): void;
  /** Unselects what is no longer in the list (trashed, or gone after a reload). */
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

/** Whether one row is selected (re-renders only that row when it changes). */
export function useIsSelected(id: string | undefined): boolean {
  return useSyncExternalStore(subscribe, () => id !== undefined && ids.has(id));
}

export const toggleSelected = actions.toggle;
export const clearSelection = actions.clear;
