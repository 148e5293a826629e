// The archive's health and its backups, as the UI sees them: the damage `info` reports (then the
// archive is read-only), the snapshots in backups/, restoring one or repairing from them (then the
// archive is loaded again). Asks again whenever the archive was reloaded (`version`). Once the list
// is shown (`listShown`), it waits for the archive's full verification of every shard, which runs
// then in the background: its answer brings any damage it found, so the banner appears at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Damage } from '../../../archive/api.ts';
import type { BackupInfo } from '../../../archive/backup/backup-info.ts';
import type { RepairReport } from '../../../archive/backup/repair-report.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient, newTaskId } from '../api/client.ts';

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
  /** A repair is under way. */
  repairing: boolean;
  /** What the last repair did (until dismissed). */
  repairReport: RepairReport | undefined;
  repairError: ErrorInfo | undefined;
  repair(): Promise<void>;
  dismissRepair(): void;
}

export function useArchiveSafety(version: number, reload: () => Promise<void>, listShown = true): ArchiveSafety {
  const [damage, setDamage] = useState<Damage>();
  const [repairing, setRepairing] = useState(false);
  const [repairReport, setRepairReport] = useState<RepairReport>();
  const [repairError, setRepairError] = useState<ErrorInfo>();
  /** Answers of an older look (before a reload or a repair) must not overwrite a newer one. */
  const look = useRef(0);
  const [backups, setBackups] = useState<BackupInfo[]>();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [restoring, setRestoring] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();
  const [restored, setRestored] = useState<BackupInfo>();

  const readDamage = useCallback(() => {
    const seq = ++look.current;
    return archiveClient.info().then(
      (info) => seq === look.current && setDamage(info.damage),
      () => undefined, // the archive's own error is shown by the list
    );
  }, []);

  useEffect(() => {
    void readDamage();
  }, [version, readDamage]);

  useEffect(() => {
    if (!listShown) return;
    const seq = look.current;
    archiveClient.verify(newTaskId()).then(
      (info) => seq === look.current && setDamage(info.damage),
      () => undefined,
    );
  }, [listShown, version]);

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

  const repair = useCallback(async () => {
    setRepairing(true);
    setRepairReport(undefined);
    setRepairError(undefined);
    try {
      setRepairReport(await archiveClient.repair());
      await reload();
      await readDamage();
    } catch (e) {
      setRepairError(errorInfoOf(e));
    } finally {
      setRepairing(false);
    }
  }, [reload, readDamage]);

  return {
    damage,
    repairing,
    repairReport,
    repairError,
    repair,
    dismissRepair: () => {
      setRepairReport(undefined);
      setRepairError(undefined);
    },
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
