// Everything about keeping the archive safe, in one place: where the archive lives on disk (and,
// in the desktop app, a button that shows the folder), "Back up now", a backup file to keep
// anywhere (and restoring from one), and the snapshots in the archive's backups/ folder, newest
// first, each with a Restore button that asks once more (what the archive holds now is kept too).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveInfo } from '../../../archive/api.ts';
import type { BackupInfo } from '../../../archive/backup/backup-info.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { Language } from '../../../archive/messages.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { ArchiveSafety } from '../hooks/use-archive-safety.ts';
import { BackupFileControls } from './BackupFileControls.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { formatTime } from './format-time.ts';
import { ModalDialog } from './ModalDialog.tsx';

export function formatBackupTime(backup: BackupInfo, language: Language): string {
  return formatTime(backup.createdAt, language, 'medium');
}

export function BackupsDialog({ safety }: { safety: ArchiveSafety }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState<string>();
  const [info, setInfo] = useState<ArchiveInfo>();
  const [error, setError] = useState<ErrorInfo>();
  const [taking, setTaking] = useState(false);
  const [taken, setTaken] = useState<BackupInfo>();

  useEffect(() => {
    archiveClient.info().then(setInfo, (e: unknown) => setError(errorInfoOf(e)));
  }, []);

  const backUpNow = async () => {
    setTaking(true);
    setError(undefined);
    try {
      setTaken(await archiveClient.takeBackup());
      safety.refreshBackups();
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setTaking(false);
    }
  };

  const openFolder = () => {
    setError(undefined);
    archiveClient.openArchiveFolder().catch((e: unknown) => setError(errorInfoOf(e)));
  };

  const backups = safety.backups;
  return (
    <ModalDialog
      className="backups-dialog"
      testId="backups-dialog"
      labelledBy="backups-title"
      onClose={safety.closeDialog}
    >
      <h2 id="backups-title">{t('backups.title')}</h2>
      <section className="backups-section" aria-labelledby="archive-folder-heading">
        <h3 id="archive-folder-heading">{t('backups.folder')}</h3>
        <div className="archive-folder">
          <code dir="ltr" data-testid="archive-folder">
            {info?.archiveDir ?? '…'}
          </code>
          {info?.canOpenFolder && (
            <button type="button" data-testid="open-archive-folder" onClick={openFolder}>
              {t('backups.openFolder')}
            </button>
          )}
        </div>
        {info && !info.canOpenFolder && <p className="field-hint">{t('backups.folderHint')}</p>}
      </section>
      <section className="backups-section" aria-labelledby="backups-list-heading">
        <h3 id="backups-list-heading">{t('backups.snapshots')}</h3>
        <p className="backups-hint">{t('backups.hint')}</p>
        <div className="form-actions start">
          <button
            type="button"
            className="primary"
            data-testid="backup-now"
            aria-disabled={taking || undefined}
            onClick={() => !taking && void backUpNow()}
          >
            {taking ? t('backups.taking') : t('backups.now')}
          </button>
        </div>
        {taken && (
          <p role="status" data-testid="backup-taken">
            {t('backups.taken', { date: formatBackupTime(taken, language) })}
          </p>
        )}
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
                        autoFocus
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
      </section>
      <BackupFileControls onRestored={safety.restoredFromFile} />
      {(error ?? safety.error) && <ErrorMessage error={(error ?? safety.error)!} />}
      <div className="form-actions">
        <button type="button" onClick={safety.closeDialog} disabled={!!safety.restoring}>
          {t('backups.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
