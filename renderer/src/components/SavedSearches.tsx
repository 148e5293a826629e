// Saved searches: save the current one under a name; run or delete a saved one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from '../../../archive/search/query.ts';
import type { SavedSearches as SavedSearchesState } from '../hooks/use-saved-searches.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  saved: SavedSearchesState;
  query: string;
  sort: SortOrder | undefined;
  onRun(query: string, sort: SortOrder | undefined): void;
}

export function SavedSearches({ saved, query, sort, onRun }: Props) {
  const { t } = useTranslation();
  const [naming, setNaming] = useState<string>();
  const canSave = query.trim() !== '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const name = (naming ?? '').trim();
    if (name === '') return;
    if (await saved.save({ name, query: query.trim(), ...(sort ? { sort } : {}) })) setNaming(undefined);
  };

  return (
    <div className="saved-searches" data-testid="saved-searches">
      {naming === undefined ? (
        <button
          type="button"
          data-testid="save-search"
          disabled={!canSave}
          onClick={() => setNaming(query.trim().slice(0, 100))}
        >
          <span aria-hidden="true">☆ </span>
          {t('search.save')}
        </button>
      ) : (
        <form className="save-search-form" onSubmit={(e) => void onSubmit(e)}>
          <label className="visually-hidden" htmlFor="save-search-name">
            {t('search.saveName')}
          </label>
          <input
            id="save-search-name"
            data-testid="save-search-name"
            value={naming}
            maxLength={100}
            autoFocus
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(undefined)}
          />
          <button type="submit" className="primary" data-testid="save-search-confirm">
            {t('search.saveDo')}
          </button>
          <button type="button" onClick={() => setNaming(undefined)}>
            {t('action.cancel')}
          </button>
        </form>
      )}
      {saved.list.length > 0 && (
        <ul className="saved-list" aria-label={t('search.saved')}>
          {saved.list.map((s) => (
            <li key={s.name}>
              <button
                type="button"
                className="saved-run"
                data-testid="saved-search"
                title={s.query}
                onClick={() => onRun(s.query, s.sort)}
              >
                ★ {s.name}
              </button>
              <button
                type="button"
                className="saved-delete"
                aria-label={t('search.deleteSaved', { name: s.name })}
                onClick={() => void saved.remove(s.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {saved.error && <ErrorMessage error={saved.error} />}
    </div>
  );
}
