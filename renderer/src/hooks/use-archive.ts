// The archive as the UI sees it: the list of clippings (newest first) and the search index in
// the worker, kept in step with the disk. Reloads when the desktop menu says the archive changed,
// and on window focus when another process (the CLI, another window) has written.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clipping, ClippingSummary } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient, onCommand } from '../api/client.ts';
import { toSearchDoc, toSummary } from '../api/records.ts';
import type { IndexProgress, SearchClient } from '../search/search-client.ts';

export interface ArchiveState {
  /** undefined until the first load. */
  summaries: ClippingSummary[] | undefined;
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

/** The list part of a load: what the archive holds now, and as of which write. */
async function loadList() {
  // info first: if someone writes meanwhile, the generation kept is the older one and the next
  // check reloads again, never the other way round.
  const { generation, archiveDir } = await archiveClient.info();
  return { generation, archiveDir, list: await archiveClient.list() };
}

export function useArchive(search: SearchClient): ArchiveState {
  const [summaries, setSummaries] = useState<ClippingSummary[]>();
  const [error, setError] = useState<ErrorInfo>();
  const [indexVersion, setIndexVersion] = useState(0);
  const [indexReady, setIndexReady] = useState(false);
  const [indexProgress, setIndexProgress] = useState<IndexProgress>();
  const generation = useRef<number | undefined>(undefined);
  const loadSeq = useRef(0);

  // The list is shown as soon as it arrives; then the worker's index catches up with it (it asks
  // only for the clippings it does not have as they are now, see search-client.ts).
  const reload = useCallback(() => {
    const seq = ++loadSeq.current;
    const current = () => seq === loadSeq.current;
    return loadList()
      .then(({ generation: loaded, archiveDir, list }) => {
        if (!current()) return;
        generation.current = loaded;
        setSummaries(list);
        setError(undefined);
        return search.sync(archiveDir, list).then(() => {
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
      setSummaries((list) => [toSummary(clipping), ...(list ?? []).filter((s) => s.id !== clipping.id)]);
      search.put(toSearchDoc(clipping));
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

  return { summaries, error, indexVersion, indexReady, indexProgress, reload, added };
}
