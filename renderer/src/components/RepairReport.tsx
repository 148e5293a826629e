// What a repair did, sentence by sentence in the user's language (the same sentences the CLI's
// `check --repair` prints): which clipping came back from which backup, what could not be repaired.
import { useTranslation } from 'react-i18next';
import { repairReportLines } from '../../../archive/backup/repair-report-lines.ts';
import type { RepairReport as Report } from '../../../archive/backup/repair-report.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function RepairReport({
  report,
  error,
  onClose,
}: {
  report: Report | undefined;
  error: ErrorInfo | undefined;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className={`repair-report${report?.ok ? '' : ' failed'}`} role="status" data-testid="repair-report">
      <div>
        <h2>{t('damage.repairTitle')}</h2>
        {error && <ErrorMessage error={error} />}
        {report && (
          <ul>
            {repairReportLines(report, language).map((line, i) => (
              <li key={i} data-testid="repair-line">
                {line}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={onClose} aria-label={t('damage.repairClose')}>
        ×
      </button>
    </section>
  );
}
