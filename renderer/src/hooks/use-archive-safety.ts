// The archive's health and its backups, as the UI sees them: the damage `info` reports (then the
// archive is read-only), the snapshots in backups/, and restoring one (then the archive is loaded
// again). Asks again whenever the archive was reloaded (`version`).
import { useCallback, useEffect, useState } from 'react';
import type { Damage } from '../../../archive/api.ts';
import type { BackupInfo } from '../../../archive/backup/backup-info.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';

export interface ArchiveSafety {
  damage: Damage | undefined;
  /** undefined while the list is being read (or the dialog is closed). */
  backups: BackupInfo[] | undefined;
  dialogOpen: boolean;
  restoring: string | undefined;
  error: ErrorInfo | undefined;
  /** The snapshot restored last, to say so. */
  restored: BackupInfo | undefined;
  openDialog(): void;
  closeDialog(): void;
  /** Reads the snapshots again (after "Back up now"). */
  refreshBackups(): void;
  /** A backup file replaced the archive: load it again. */
  restoredFromFile(): void;
  restore(backup: BackupInfo): Promise<void>;
  dismissRestored(): void;
}

export function useArchiveSafety(version: number, reload: () => Promise<void>): ArchiveSafety {
  const [damage, setDamage] = useState<Damage>();
  const [backups, setBackups] = useState<BackupInfo[]>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [restoring, setRestoring] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();
  const [restored, setRestored] = useState<BackupInfo>();

  const readDamage = useCallback(
    () =>
      archiveClient.info().then(
        (info) => setDamage(info.damage),
        () => undefined, // the archive's own error is shown by the list
      ),
    [],
  );

  useEffect(() => {
    void readDamage();
  }, [version, readDamage]);

  const refreshBackups = useCallback(() => {
    archiveClient.backups().then(setBackups, (e: unknown) => setError(errorInfoOf(e)));
  }, []);

  const openDialog = useCallback(() => {
    setDialogOpen(true);
    setBackups(undefined);
    setError(undefined);
    refreshBackups();
  }, [refreshBackups]);

  const restoredFromFile = useCallback(() => {
    void reload().then(readDamage);
    refreshBackups();
  }, [reload, readDamage, refreshBackups]);

  const closeDialog = useCallback(() => {
    if (!restoring) setDialogOpen(false);
  }, [restoring]);

  const restore = useCallback(
    async (backup: BackupInfo) => {
      setRestoring(backup.name);
      setError(undefined);
      try {
        await archiveClient.restoreBackup(backup.name);
        await reload();
        await readDamage();
        setRestored(backup);
        setDialogOpen(false);
      } catch (e) {
        setError(errorInfoOf(e));
      } finally {
        setRestoring(undefined);
      }
    },
    [reload, readDamage],
  );

  return {
    damage,
    backups,
    dialogOpen,
    restoring,
    error,
    restored,
    openDialog,
    closeDialog,
    refreshBackups,
    restoredFromFile,
    restore,
    dismissRestored: () => setRestored(undefined),
  };
}
