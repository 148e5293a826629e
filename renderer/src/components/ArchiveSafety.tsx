// The archive's safety net in the window: the damage banner, the report of a repair, the backups
// dialog, the note after a restore, and the header button that opens the dialog at any time.
import { useTranslation } from 'react-i18next';
import type { ArchiveSafety as Safety } from '../hooks/use-archive-safety.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { BackupsDialog, formatBackupTime } from './BackupsDialog.tsx';
import { DamageBanner } from './DamageBanner.tsx';
import { RepairReport } from './RepairReport.tsx';
import '../styles/backups.css';

export function ArchiveSafety({ safety }: { safety: Safety }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {safety.damage && (
        <DamageBanner
          damage={safety.damage}
          repairing={safety.repairing}
          onRepair={() => void safety.repair()}
          onRestore={safety.openDialog}
        />
      )}
      {(safety.repairReport || safety.repairError) && (
        <RepairReport report={safety.repairReport} error={safety.repairError} onClose={safety.dismissRepair} />
      )}
      {safety.restored && !safety.damage && (
        <div className="restore-status" role="status" data-testid="restore-status">
          <span>{t('backups.restored', { date: formatBackupTime(safety.restored, language) })}</span>
          <button type="button" onClick={safety.dismissRestored} aria-label={t('backups.close')}>
            ×
          </button>
        </div>
      )}
      {safety.dialogOpen && <BackupsDialog safety={safety} />}
    </>
  );
}

export function BackupsButton({ safety }: { safety: Safety }) {
  const { t } = useTranslation();
  return (
    <button type="button" data-testid="open-backups" onClick={safety.openDialog}>
      {t('backups.open')}
    </button>
  );
}
