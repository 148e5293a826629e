// Passages of the clippings on screen, from the archive (the worker keeps no text): around the
// query's matches, or the opening lines without a query. Kept per query; asked once per row.
import { useCallback, useRef, useState } from 'react';
import type { Segment } from '../../../archive/search/highlight.ts';
import { archiveClient } from '../api/client.ts';

export interface Snippets {
  get(id: string): Segment[] | undefined;
  /** The rows on screen whose passage is missing. */
  request(ids: readonly string[]): void;
}

export function useSnippets(query: string, indexVersion: number): Snippets {
  const key = `${indexVersion}\u0000${query}`;
  const [cache, setCache] = useState<{ key: string; snippets: ReadonlyMap<string, Segment[]> }>({
    key,
    snippets: new Map(),
  });
  const asked = useRef({ key, ids: new Set<string>() });
  const snippets = cache.key === key ? cache.snippets : undefined;

  const request = useCallback(
    (ids: readonly string[]) => {
      if (asked.current.key !== key) asked.current = { key, ids: new Set() };
      const seen = asked.current.ids;
      const missing = ids.filter((id) => !seen.has(id)).slice(0, 200);
      if (missing.length === 0) return;
      missing.forEach((id) => seen.add(id));
      archiveClient.searchSnippets({ ids: missing, query, typing: true }).then(
        (found) =>
          setCache((current) => {
            const next = new Map(current.key === key ? current.snippets : []);
            for (const { id, snippet } of found) next.set(id, snippet);
            return { key, snippets: next };
          }),
        () => missing.forEach((id) => seen.delete(id)), // asked again when it scrolls into view
      );
    },
    [key, query],
  );

  const get = useCallback((id: string) => snippets?.get(id), [snippets]);
  return { get, request };
}
