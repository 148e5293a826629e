import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** Arrow down / Enter: on to the results. */
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  inputRef: Ref<HTMLInputElement>;
  listId: string;
}

export function SearchBox({ query, onQuery, onKeyDown, inputRef, listId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor="search-input">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id="search-input"
        type="search"
        data-testid="search-input"
        value={query}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-controls={listId}
        aria-keyshortcuts="Control+F Meta+F /"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
