// The archive's saved searches (saved-searches.json in its folder, through the API).
import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch } from '../../../archive/search/api-schemas.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';

export interface SavedSearches {
  list: SavedSearch[];
  error: ErrorInfo | undefined;
  save(search: SavedSearch): Promise<boolean>;
  remove(name: string): Promise<boolean>;
}

export function useSavedSearches(): SavedSearches {
  const [list, setList] = useState<SavedSearch[]>([]);
  const [error, setError] = useState<ErrorInfo>();

  useEffect(() => {
    archiveClient.savedSearches().then(setList, (e: unknown) => setError(errorInfoOf(e)));
  }, []);

  const replace = useCallback(async (next: SavedSearch[]) => {
    try {
      setList(await archiveClient.saveSearches(next));
      setError(undefined);
      return true;
    } catch (e) {
      setError(errorInfoOf(e));
      return false;
    }
  }, []);

  // A name saved again replaces the older search of that name.
  const save = useCallback(
    (search: SavedSearch) => replace([search, ...list.filter((s) => s.name !== search.name)]),
    [list, replace],
  );
  const remove = useCallback((name: string) => replace(list.filter((s) => s.name !== name)), [list, replace]);
  return { list, error, save, remove };
}
