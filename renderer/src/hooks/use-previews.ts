// Opening lines of clippings for the unfiltered list, fetched from the worker for the rows on
// screen only (the list itself comes without bodies). Dropped whenever the index changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Segment } from '../../../archive/search/highlight.ts';
import type { SearchClient } from '../search/search-client.ts';

export interface Previews {
  get(id: string): Segment[] | undefined;
  /** Identity changes with the index, so rows on screen ask again. */
  request(ids: readonly string[]): void;
}

const NONE: ReadonlyMap<string, Segment[]> = new Map();

export function usePreviews(search: SearchClient, indexVersion: number): Previews {
  const [cache, setCache] = useState({ version: indexVersion, snippets: NONE });
  const asked = useRef({ version: indexVersion, ids: new Set<string>() });
  const snippets = cache.version === indexVersion ? cache.snippets : NONE;

  useEffect(
    () =>
      search.onPreviews(({ tag, previews }) =>
        setCache((current) => {
          if (tag < current.version) return current; // for an index that is gone
          const next = new Map(tag === current.version ? current.snippets : NONE);
          for (const p of previews) next.set(p.id, p.snippet);
          return { version: tag, snippets: next };
        }),
      ),
    [search],
  );

  const request = useCallback(
    (ids: readonly string[]) => {
      if (asked.current.version !== indexVersion) asked.current = { version: indexVersion, ids: new Set() };
      const seen = asked.current.ids;
      const missing = ids.filter((id) => !seen.has(id));
      missing.forEach((id) => seen.add(id));
      search.previews(missing, indexVersion);
    },
    [search, indexVersion],
  );

  const get = useCallback((id: string) => snippets.get(id), [snippets]);
  return { get, request };
}
