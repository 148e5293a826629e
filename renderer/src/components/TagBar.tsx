// Shown while clippings are ticked: add or remove a tag on all of them at once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import type { Selection } from './selection.tsx';

interface Props {
  selection: Selection;
  onChanged(): void;
}

export function TagBar({ selection, onChanged }: Props) {
  const { t } = useTranslation();
  const [tag, setTag] = useState('');
  const [error, setError] = useState<ErrorInfo>();
  const [done, setDone] = useState<number>();
  const [working, setWorking] = useState(false);
  const count = selection.ids.size;
  if (count === 0) return null;

  const apply = async (how: 'add' | 'remove') => {
    if (tag.trim() === '') return;
    setWorking(true);
    setError(undefined);
    try {
      const { changed } = await archiveClient.retag({ ids: [...selection.ids], [how]: [tag] });
      setDone(changed);
      onChanged();
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form
      className="tag-bar"
      data-testid="tag-bar"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void apply('add');
      }}
    >
      <span className="tag-bar-count">{t('selection.count', { count })}</span>
      <input
        type="text"
        value={tag}
        list="tag-bar-options"
        aria-label={t('field.tags')}
        placeholder={t('selection.tagPlaceholder')}
        data-testid="tag-bar-input"
        onChange={(e) => setTag(e.target.value)}
      />
      <button type="submit" data-testid="tag-add" disabled={working || tag.trim() === ''}>
        {t('selection.addTag')}
      </button>
      <button
        type="button"
        data-testid="tag-remove"
        disabled={working || tag.trim() === ''}
        onClick={() => void apply('remove')}
      >
        {t('selection.removeTag')}
      </button>
      <button type="button" className="link-button" onClick={selection.clear}>
        {t('selection.clear')}
      </button>
      {done !== undefined && !error && <span role="status">{t('selection.retagged', { count: done })}</span>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
