// The trash: clippings moved there, newest first, each with "Restore"; "Empty trash" removes them
// from disk for good after a confirmation (the only way anything leaves the archive).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  /** Changes whenever the archive changed (a restore, an undo), so the trash is read again. */
  version: number;
  onRestore(id: string): void;
}

export function TrashView({ version, onRestore }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ClippingSummary[]>();
  const [error, setError] = useState<ErrorInfo>();
  const [confirming, setConfirming] = useState(false);
  const [emptied, setEmptied] = useState<number>();

  const load = useCallback(
    () =>
      archiveClient.listTrash().then(
        (list) => setItems(list),
        (e: unknown) => setError(errorInfoOf(e)),
      ),
    [],
  );
  useEffect(() => void load(), [load, version]);

  const empty = async () => {
    setConfirming(false);
    try {
      const { removed } = await archiveClient.emptyTrash();
      setEmptied(removed);
      setError(undefined);
    } catch (e) {
      setError(errorInfoOf(e));
    }
    await load();
  };

  return (
    <section className="trash-view" data-testid="trash-view" aria-labelledby="trash-heading">
      <div className="trash-header">
        <h2 id="trash-heading">{t('intake.trashHeading')}</h2>
        <button
          type="button"
          className="danger"
          data-testid="empty-trash"
          disabled={!items || items.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('intake.emptyTrash')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {emptied !== undefined && <p role="status">{t('intake.emptied', { count: emptied })}</p>}
      {items && items.length === 0 && <p className="trash-empty">{t('intake.trashEmpty')}</p>}
      <ul className="trash-list">
        {items?.map((item) => (
          <li key={item.id} data-testid="trash-item" data-id={item.id}>
            <div className="trash-item-text">
              <span className="result-title" lang={item.language}>
                {item.title}
              </span>
              <span className="result-meta">{[item.publication, item.date].filter(Boolean).join(' · ')}</span>
            </div>
            <button type="button" data-testid="restore-clipping" onClick={() => onRestore(item.id)}>
              {t('intake.restore')}
            </button>
          </li>
        ))}
      </ul>
      {confirming && items && (
        <ConfirmDialog
          testId="empty-trash-dialog"
          message={t('intake.emptyTrashConfirm', { count: items.length })}
          confirmLabel={t('intake.emptyTrashDo')}
          onConfirm={() => void empty()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
