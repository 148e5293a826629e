import { repairReportLines } from '../../archive/backup/repair-report-lines.ts';
import { ArchiveService } from '../../archive/service.ts';
import { checkArchive } from '../../archive/storage/check.ts';
import { oneLine } from '../terminal-text.ts';
import { archiveDirOf, lang, noPositionals, out, parse, printJson, type Command } from '../context.ts';

/**
 * check [--repair] [--json]: exit 1 if the archive is damaged. With --repair the damaged clippings
 * are put back from the newest snapshot that holds each intact, and what was done is said: exit 0
 * when everything was repaired, 1 when something could not be (it is named).
 */
export const check: Command = async (args) => {
  const { values, positionals } = parse(args, { repair: { type: 'boolean' } });
  noPositionals(positionals);
  const dir = archiveDirOf(values.archive);
  if (values.repair) {
    // Opened read-only when damaged (the CLI otherwise refuses a damaged archive): that is what it is for.
    const report = await (await ArchiveService.open(dir)).repair();
    if (values.json) printJson(report);
    else for (const line of repairReportLines(report, lang())) out(oneLine(line));
    return report.ok ? 0 : 1;
  }
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
