import { basename } from 'node:path';
import { ArchiveError } from '../../archive/errors.ts';
import { IMPORT_EXTENSIONS, extensionOf } from '../../archive/import/records.ts';
import { formatError } from '../../archive/messages.ts';
import { openSearchIndex } from '../../archive/search/index-file.ts';
import { UsageError, fromCwd, io, lang, openArchive, out, parse, printJson, type Command } from '../context.ts';
import { readTextFile } from '../read-text-file.ts';
import { progressLine } from '../progress-line.ts';
import { quietRun } from '../../archive/tasks.ts';

/** import FILE... [--json]: a file that cannot be read stops the import before anything is written. */
export const importFiles: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  const files = [];
  for (const path of positionals) {
    if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(path))) {
      throw new ArchiveError({ code: 'unsupportedFile', params: { file: path } });
    }
    files.push({ name: basename(path), content: await readTextFile(path, fromCwd(path)) });
  }
  const service = await openArchive(values.archive);
  const line = progressLine(io().stderr, lang());
  let report;
  try {
    report = await service.importFiles({ files }, quietRun(line.sink, 'import'));
  } finally {
    line.done();
  }
  // The saved search index takes the new clippings now, so the next search only loads it instead
  // of waiting for them to be indexed. It is a cache: if this fails, that search catches up itself.
  if (report.added > 0) await openSearchIndex(service, io().env).catch(() => undefined);
  const errors = report.errors.map((e) => ({ ...e, message: formatError(e.error, lang()) }));
  if (values.json) {
    printJson({ added: report.added, skipped: report.skipped, errors });
    return 0;
  }
  out(`added ${report.added}, skipped ${report.skipped}, errors ${errors.length}`);
  for (const e of errors) out(`${e.file}${e.line ? `:${e.line}` : e.record ? ` #${e.record}` : ''}: ${e.message}`);
  return 0;
};
