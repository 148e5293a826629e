// Opening lines of clippings for the unfiltered list, fetched from the worker for the rows on
// screen only (the list itself comes without bodies).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Segment } from '../../../archive/search/highlight.ts';
import type { SearchClient } from '../search/search-client.ts';

export interface Previews {
  get(id: string): Segment[] | undefined;
  request(ids: readonly string[]): void;
}

export function usePreviews(search: SearchClient, indexVersion: number): Previews {
  const cache = useRef(new Map<string, Segment[]>());
  const asked = useRef(new Set<string>());
  const [, setVersion] = useState(0);

  useEffect(() => {
    cache.current = new Map();
    asked.current = new Set();
    setVersion((v) => v + 1);
  }, [indexVersion]);

  useEffect(
    () =>
      search.onPreviews((previews) => {
        for (const p of previews) cache.current.set(p.id, p.snippet);
        setVersion((v) => v + 1);
      }),
    [search],
  );

  const request = useCallback(
    (ids: readonly string[]) => {
      const missing = ids.filter((id) => !cache.current.has(id) && !asked.current.has(id));
      missing.forEach((id) => asked.current.add(id));
      search.previews(missing);
    },
    [search],
  );

  const get = useCallback((id: string) => cache.current.get(id), []);
  return { get, request };
}
