// The last change, said in a toast with "Undo"; a failure to change is said here too.
import { useTranslation } from 'react-i18next';
import type { Curation } from '../hooks/use-curation.ts';
import { LIST_ID } from '../focus/focus-return.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function UndoToast({ curation }: { curation: Curation }) {
  const { t } = useTranslation();
  const { last, error } = curation;
  if (!last && !error) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {error ? <ErrorMessage error={error} /> : last && <span>{t(last.message)}</span>}
      {!error && last?.undo && (
        <button
          type="button"
          data-testid="undo"
          aria-keyshortcuts="Control+Z Meta+Z"
          aria-disabled={curation.busy || undefined}
          // Undone, the button goes: focus goes on to the list, where the change shows.
          onClick={() => !curation.busy && void curation.undo().then(() => document.getElementById(LIST_ID)?.focus())}
        >
          {t('intake.undo')}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('intake.dismiss')} onClick={curation.dismiss}>
        ×
      </button>
    </div>
  );
}
