// The snapshots in the archive's backups/ folder, newest first, each with a Restore button that
// asks once more before putting the archive back (what it holds now is kept as a backup too).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../archive/backup/backup-info.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { ArchiveSafety } from '../hooks/use-archive-safety.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function formatBackupTime(backup: BackupInfo, language: string): string {
  return new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(backup.createdAt));
}

export function BackupsDialog({ safety }: { safety: ArchiveSafety }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<string>();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const backups = safety.backups;
  return (
    <dialog
      ref={ref}
      className="backups-dialog"
      data-testid="backups-dialog"
      aria-labelledby="backups-title"
      onCancel={(e) => {
        e.preventDefault();
        safety.closeDialog();
      }}
    >
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="backups-hint">{t('backups.hint')}</p>
      {backups === undefined && !safety.error && <p>{t('backups.loading')}</p>}
      {backups?.length === 0 && <p data-testid="backups-empty">{t('backups.empty')}</p>}
      {backups && backups.length > 0 && (
        <ul className="backup-list">
          {backups.map((backup) => {
            const when = formatBackupTime(backup, language);
            return (
              <li key={backup.name} className="backup-item" data-testid="backup-item" data-name={backup.name}>
                <div className="backup-text">
                  <span className="backup-time">{when}</span>
                  <span className="backup-meta">
                    {t(`backups.kind.${backup.kind}`)}
                    {backup.clippings !== undefined && ` · ${t('backups.clippings', { count: backup.clippings })}`}
                  </span>
                </div>
                {chosen === backup.name ? (
                  <div className="backup-confirm" role="group" aria-label={t('backups.restore')}>
                    <p>{t('backups.confirm', { date: when })}</p>
                    <button type="button" onClick={() => setChosen(undefined)} disabled={!!safety.restoring}>
                      {t('action.cancel')}
                    </button>
                    <button
                      type="button"
                      className="primary"
                      data-testid="backup-restore-confirm"
                      disabled={!!safety.restoring}
                      onClick={() => void safety.restore(backup)}
                    >
                      {safety.restoring === backup.name ? t('backups.restoring') : t('backups.confirmYes')}
                    </button>
                  </div>
                ) : (
                  <button type="button" data-testid="backup-restore" onClick={() => setChosen(backup.name)}>
                    {t('backups.restore')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {safety.error && <ErrorMessage error={safety.error} />}
      <div className="form-actions">
        <button type="button" onClick={safety.closeDialog} disabled={!!safety.restoring}>
          {t('backups.close')}
        </button>
      </div>
    </dialog>
  );
}
