import { ArchiveService } from '../../archive/service.ts';
import { archiveDirOf, noPositionals, out, parse, printJson, type Command } from '../context.ts';

/** backups [--json]: the snapshots in the archive's backups/ folder, newest first. Works on a damaged archive. */
export const backups: Command = async (args) => {
  const { values, positionals } = parse(args);
  noPositionals(positionals);
  const list = await (await ArchiveService.open(archiveDirOf(values.archive))).backups();
  if (values.json) {
    printJson(list);
    return 0;
  }
  if (list.length === 0) out('no backups yet');
  for (const b of list) {
    const count = b.clippings === undefined ? '' : `\t${b.clippings} clippings`;
    out(`${b.name}\t${b.kind}${count}`);
  }
  return 0;
};
