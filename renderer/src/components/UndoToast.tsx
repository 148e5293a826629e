// The last change, said in a toast with "Undo"; a failure to change is said here too.
import { useTranslation } from 'react-i18next';
import type { UndoableChanges } from '../hooks/use-undoable-changes.ts';
import { LIST_ID } from '../focus/focus-return.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function UndoToast({ changes }: { changes: UndoableChanges }) {
  const { t } = useTranslation();
  const { last, error } = changes;
  if (!last && !error) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {error ? <ErrorMessage error={error} /> : last && <span>{t(last.message)}</span>}
      {!error && last?.undo && (
        <button
          type="button"
          data-testid="undo"
          aria-keyshortcuts="Control+Z Meta+Z"
          aria-disabled={changes.busy || undefined}
          // Undone, the button goes: focus goes on to the list, where the change shows.
          onClick={() => !changes.busy && void changes.undo().then(() => document.getElementById(LIST_ID)?.focus())}
        >
          {t('notice.undo')}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('notice.dismiss')} onClick={changes.dismiss}>
        ×
      </button>
    </div>
  );
}
