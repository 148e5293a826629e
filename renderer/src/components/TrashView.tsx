// The trash: clippings moved there, newest first, each with "Restore"; "Empty trash" removes them
// from disk for good after a confirmation (the only way anything leaves the archive).
import { useCallback, useEffect, useRef, useState } from 'react';
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
  // After a restore the row goes: focus moves to the Restore button now in its place (or the
  // heading when the trash is empty), not to the page's body.
  const refocus = useRef<{ index: number; items: ClippingSummary[] | undefined }>(undefined);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    () =>
      archiveClient.listTrash().then(
        (list) => setItems(list),
        (e: unknown) => setError(errorInfoOf(e)),
      ),
    [],
  );
  useEffect(() => void load(), [load, version]);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || wanted.items === items) return; // the trash has not been read again yet
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid=restore-clipping]') ?? [];
    const next = buttons[Math.min(wanted.index, buttons.length - 1)];
    if (next) next.focus();
    else headingRef.current?.focus();
    refocus.current = undefined;
  }, [items]);

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
        <h2 id="trash-heading" ref={headingRef} tabIndex={-1} data-pane-focus>
          {t('trash.heading')}
        </h2>
        <button
          type="button"
          className="danger"
          data-testid="empty-trash"
          disabled={!items || items.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('trash.emptyAll')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {emptied !== undefined && <p role="status">{t('trash.emptied', { count: emptied })}</p>}
      {items && items.length === 0 && <p className="trash-empty">{t('trash.empty')}</p>}
      <ul className="trash-list" ref={listRef}>
        {items?.map((item, index) => (
          <li key={item.id} data-testid="trash-item" data-id={item.id}>
            <div className="trash-item-text">
              <span className="result-title" lang={item.language}>
                {item.title}
              </span>
              <span className="result-meta" lang={item.language}>
                {[item.publication, item.date].filter(Boolean).join(' · ')}
              </span>
            </div>
            <button
              type="button"
              data-testid="restore-clipping"
              onClick={() => {
                refocus.current = { index, items };
                onRestore(item.id);
              }}
            >
              {t('trash.restore')}
            </button>
          </li>
        ))}
      </ul>
      {confirming && items && (
        <ConfirmDialog
          testId="empty-trash-dialog"
          message={t('trash.emptyConfirm', { count: items.length })}
          confirmLabel={t('trash.emptyDo')}
          onConfirm={() => void empty()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
