// Renames a tag on every clipping; choosing a name already in use merges the two tags.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsedValues } from '../../../archive/api.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ModalDialog } from './ModalDialog.tsx';

export function RenameTagDialog({ onDone, onClose }: { onDone(): void; onClose(): void }) {
  const { t } = useTranslation();
  const [tags, setTags] = useState<UsedValues['tags']>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<ErrorInfo>();
  const [done, setDone] = useState<number>();

  useEffect(() => {
    archiveClient.vocabulary().then(
      (v) => {
        setTags(v.tags);
        setFrom((current) => current || (v.tags[0]?.value ?? ''));
      },
      (e: unknown) => setError(errorInfoOf(e)),
    );
  }, [done]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const { changed } = await archiveClient.renameTag(from, to);
      setDone(changed);
      setFrom(to.trim());
      setTo('');
      onDone();
    } catch (e) {
      setError(errorInfoOf(e));
    }
  };

  return (
    <ModalDialog className="export-dialog" testId="rename-tag-dialog" labelledBy="rename-tag-heading" onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2 id="rename-tag-heading">{t('tags.renameHeading')}</h2>
        <label className="stacked">
          {t('tags.renameFrom')}
          <select value={from} data-testid="rename-from" onChange={(e) => setFrom(e.target.value)}>
            {tags.map((tag) => (
              <option key={tag.value} value={tag.value}>
                {tag.value} ({tag.count})
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          {t('tags.renameTo')}
          <input
            type="text"
            value={to}
            list="rename-tag-options"
            data-testid="rename-to"
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <datalist id="rename-tag-options">
          {tags.map((tag) => (
            <option key={tag.value} value={tag.value} />
          ))}
        </datalist>
        <p className="field-hint">{t('tags.renameHint')}</p>
        {done !== undefined && !error && <p role="status">{t('selection.retagged', { count: done })}</p>}
        {error && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('dialog.close')}
          </button>
          <button type="submit" className="primary" data-testid="rename-tag-confirm" disabled={!from || !to.trim()}>
            {t('tags.renameDo')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
