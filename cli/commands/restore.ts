import { BackupNameSchema } from '../../archive/backup/backup-info.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { ArchiveService } from '../../archive/service.ts';
import { UsageError, archiveDirOf, out, parse, printJson, type Command } from '../context.ts';

/**
 * restore SNAPSHOT [--json]: puts the archive back as it was in a snapshot (see `backups`). The
 * current state is set aside first as a snapshot of its own, so a restore can be undone.
 */
export const restore: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('restore needs exactly one SNAPSHOT (see press-archive backups)');
  const name = positionals[0]!;
  if (!BackupNameSchema.safeParse(name).success) throw new ArchiveError({ code: 'noSuchBackup', params: { name } });
  const service = await ArchiveService.open(archiveDirOf(values.archive));
  const result = await service.restoreBackup({ name });
  const info = await service.info();
  if (values.json) {
    printJson({ ...result, clippings: info.clippings, trashed: info.trashed });
  } else {
    out(`restored ${result.restored}: ${info.clippings} clippings`);
    if (result.setAside) out(`the state before is kept as ${result.setAside}`);
  }
  return 0;
};
