// The last change, said in a toast with "Undo"; a failure to change is said here too.
import { useTranslation } from 'react-i18next';
import type { Curation } from '../hooks/use-curation.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function UndoToast({ curation }: { curation: Curation }) {
  const { t } = useTranslation();
  const { last, error } = curation;
  if (!last && !error) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {error ? <ErrorMessage error={error} /> : last && <span>{t(last.message)}</span>}
      {!error && last?.undo && (
        <button type="button" data-testid="undo" disabled={curation.busy} onClick={() => void curation.undo()}>
          {t('intake.undo')}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('intake.dismiss')} onClick={curation.dismiss}>
        ×
      </button>
    </div>
  );
}
