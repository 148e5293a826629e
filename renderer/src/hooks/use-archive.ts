// The archive as the UI sees it: the list of clippings (newest first) and the search index in
// the worker, kept in step with the disk. Reloads when the desktop menu says the archive changed,
// and on window focus when another process (the CLI, another window) has written.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clipping, ClippingSummary } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient, onCommand } from '../api/client.ts';
import { toSearchDoc, toSummary } from '../api/records.ts';
import type { SearchClient } from '../search/search-client.ts';

export interface ArchiveState {
  /** undefined until the first load. */
  summaries: ClippingSummary[] | undefined;
  error: ErrorInfo | undefined;
  /** Changes whenever the search index changes, so open searches run again. */
  indexVersion: number;
  reload(): Promise<void>;
  added(clipping: Clipping): void;
}

export function useArchive(search: SearchClient): ArchiveState {
  const [summaries, setSummaries] = useState<ClippingSummary[]>();
  const [error, setError] = useState<ErrorInfo>();
  const [indexVersion, setIndexVersion] = useState(0);
  const generation = useRef<number | undefined>(undefined);
  const loadSeq = useRef(0);

  const reload = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      // info first: if someone writes meanwhile, the generation we keep is the older one and the
      // next check reloads again, never the other way round.
      const info = await archiveClient.info();
      const [list, corpus] = await Promise.all([archiveClient.list(), archiveClient.searchCorpus()]);
      if (seq !== loadSeq.current) return;
      search.load(corpus);
      generation.current = info.generation;
      setSummaries(list);
      setError(undefined);
      setIndexVersion((v) => v + 1);
    } catch (e) {
      if (seq === loadSeq.current) setError(errorInfoOf(e));
    }
  }, [search]);

  const checkForChanges = useCallback(async () => {
    try {
      const info = await archiveClient.info();
      if (info.generation !== generation.current) await reload();
    } catch (e) {
      setError(errorInfoOf(e));
    }
  }, [reload]);

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

  return { summaries, error, indexVersion, reload, added };
}
