import { ArchiveService } from '../../archive/service.ts';
import { checkArchive } from '../../archive/storage/check.ts';
import { oneLine } from '../terminal-text.ts';
import { archiveDirOf, noPositionals, out, parse, printJson, type Command } from '../context.ts';

/** check [--json]: exit 1 if the archive is damaged. */
export const check: Command = async (args) => {
  const { values, positionals } = parse(args);
  noPositionals(positionals);
  const dir = archiveDirOf(values.archive);
  // Check reads the files itself; opening only creates a missing archive or upgrades an older format.
  await ArchiveService.open(dir, { whenDamaged: 'refuse' }).catch(() => undefined);
  const report = await checkArchive(dir);
  if (values.json) printJson(report);
  else {
    out(
      report.ok
        ? `ok: ${report.clippings} clippings in ${report.files} files`
        : `damaged: ${report.problems.length} problems`,
    );
    for (const p of report.problems) out(oneLine(`${p.file}: ${p.detail}`));
  }
  return report.ok ? 0 : 1;
};
