// Changes to clippings made from the UI (add, edit, trash, restore) and the one-step undo of the
// last of them. Every change reloads the list and the search index, so both match the disk.
import { useCallback, useState } from 'react';
import type { Clipping } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { patchOf } from '../form/clipping-fields.ts';
import type { UiKey } from '../i18n/ui-en.ts';

export type ChangeKind = 'add' | 'edit' | 'trash' | 'restore';

const MESSAGES: Record<ChangeKind, UiKey> = {
  add: 'notice.added',
  edit: 'notice.saved',
  trash: 'notice.trashed',
  restore: 'notice.restored',
};

export interface LastChange {
  message: UiKey;
  /** Undefined once undone (the toast then says so and offers nothing more). */
  undo: (() => Promise<Clipping>) | undefined;
}

export interface UndoableChanges {
  last: LastChange | undefined;
  error: ErrorInfo | undefined;
  busy: boolean;
  /** Record a change made elsewhere (the form) so it can be undone. */
  changed(kind: 'add' | 'edit', clipping: Clipping, previous?: Clipping): void;
  trash(id: string): Promise<Clipping | undefined>;
  restore(id: string): Promise<Clipping | undefined>;
  undo(): Promise<Clipping | undefined>;
  dismiss(): void;
}

/** What reverses a change: add → trash, edit → the old fields back, trash ↔ restore. */
function reverseOf(kind: ChangeKind, clipping: Clipping, previous?: Clipping): () => Promise<Clipping> {
  switch (kind) {
    case 'add':
      return () => archiveClient.trash(clipping.id);
    case 'edit':
      return () => archiveClient.update({ id: clipping.id, ...patchOf(previous ?? clipping) });
    case 'trash':
      return () => archiveClient.restore(clipping.id);
    case 'restore':
      return () => archiveClient.trash(clipping.id);
  }
}

export function useUndoableChanges(reload: () => Promise<void>): UndoableChanges {
  const [last, setLast] = useState<LastChange>();
  const [error, setError] = useState<ErrorInfo>();
  const [busy, setBusy] = useState(false);

  const changed = useCallback((kind: ChangeKind, clipping: Clipping, previous?: Clipping) => {
    setError(undefined);
    setLast({ message: MESSAGES[kind], undo: reverseOf(kind, clipping, previous) });
  }, []);

  /** Runs one change; a refusal is shown and leaves the archive as it was. */
  const run = useCallback(
    async (work: () => Promise<Clipping>): Promise<Clipping | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await work();
      } catch (e) {
        setError(errorInfoOf(e));
        return undefined;
      } finally {
        setBusy(false);
        await reload();
      }
    },
    [reload],
  );

  /** To the trash or back out of it: the archive's method of the same name, then a change to undo. */
  const move = useCallback(
    async (kind: 'trash' | 'restore', id: string) => {
      const done = await run(() => archiveClient[kind](id));
      if (done) changed(kind, done);
      return done;
    },
    [run, changed],
  );
  const trash = useCallback((id: string) => move('trash', id), [move]);
  const restore = useCallback((id: string) => move('restore', id), [move]);

  const undo = useCallback(async () => {
    const reverse = last?.undo;
    if (!reverse) return undefined;
    const done = await run(reverse);
    if (done) setLast({ message: 'notice.undone', undo: undefined });
    return done;
  }, [last, run]);

  const dismiss = useCallback(() => {
    setLast(undefined);
    setError(undefined);
  }, []);

  return { last, error, busy, changed, trash, restore, undo, dismiss };
}
