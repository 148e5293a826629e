// The archive as the UI sees it: the list of clippings (newest first) and the search index, both in
// the search worker (the page holds only the rows on screen), kept in step with the disk. Reloads
// when the desktop menu says the archive changed, and on window focus when another process (the
// CLI, another window) has written.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clipping } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient, onCommand } from '../api/client.ts';
import { summarize, toSearchDoc } from '../../../archive/clipping-records.ts';
import type { IndexProgress, SearchClient } from '../search/search-client.ts';

export interface ArchiveState {
  /** How many clippings the list has (not in the trash); undefined until the first load. */
  total: number | undefined;
  /** Changes whenever the worker's list changes, so the rows on screen are asked for again. */
  listVersion: number;
  error: ErrorInfo | undefined;
  /** Changes whenever the search index changes, so open searches run again. */
  indexVersion: number;
  /** The worker has the whole corpus (until then a search would miss clippings). */
  indexReady: boolean;
  /** While the worker fills its index: clippings indexed of those it needs (else undefined). */
  indexProgress: IndexProgress | undefined;
  reload(): Promise<void>;
  added(clipping: Clipping): void;
}

export function useArchive(search: SearchClient): ArchiveState {
  const [total, setTotal] = useState<number>();
  const [listVersion, setListVersion] = useState(0);
  const [error, setError] = useState<ErrorInfo>();
  const [indexVersion, setIndexVersion] = useState(0);
  const [indexReady, setIndexReady] = useState(false);
  const [indexProgress, setIndexProgress] = useState<IndexProgress>();
  const generation = useRef<number | undefined>(undefined);
  const loadSeq = useRef(0);

  // The worker loads the list and says so at once (the rows are shown); then its index catches up
  // with it (asking only for the clippings it does not have as they are now).
  const reload = useCallback(() => {
    const seq = ++loadSeq.current;
    const current = () => seq === loadSeq.current;
    const { listed, ready } = search.load();
    return listed
      .then((loaded) => {
        if (!current()) return;
        generation.current = loaded.generation;
        setTotal(loaded.total);
        setListVersion((v) => v + 1);
        setError(undefined);
        return ready.then(() => {
          if (!current()) return;
          setIndexProgress(undefined);
          setIndexReady(true);
          setIndexVersion((v) => v + 1);
        });
      })
      .catch((e: unknown) => {
        if (current()) setError(errorInfoOf(e));
      });
  }, [search]);

  const checkForChanges = useCallback(
    () =>
      archiveClient.info().then(
        (info) => (info.generation !== generation.current ? reload() : undefined),
        (e: unknown) => setError(errorInfoOf(e)),
      ),
    [reload],
  );

  const added = useCallback(
    (clipping: Clipping) => {
      search.put(toSearchDoc(clipping), summarize(clipping));
      setTotal((count) => (count ?? 0) + 1);
      setListVersion((v) => v + 1);
      setIndexVersion((v) => v + 1);
      const expected = generation.current === undefined ? undefined : generation.current + 1;
      void archiveClient
        .info()
        .then((info) => {
          if (info.generation === expected) generation.current = expected;
          else void reload(); // someone else wrote too
        })
        .catch(() => {});
    },
    [search, reload],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => search.onProgress(setIndexProgress), [search]);

  useEffect(() => {
    const onFocus = () => void checkForChanges();
    window.addEventListener('focus', onFocus);
    const unsubscribe = onCommand((command) => {
      if (command === 'archive-changed') void reload();
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      unsubscribe();
    };
  }, [checkForChanges, reload]);

  return { total, listVersion, error, indexVersion, indexReady, indexProgress, reload, added };
}
