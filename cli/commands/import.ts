import { basename } from 'node:path';
import type { ImportProblem } from '../../archive/api.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { IMPORT_EXTENSIONS, extensionOf } from '../../archive/import/records.ts';
import { formatError } from '../../archive/messages.ts';
import { openSearchIndex } from '../../archive/search/index-file.ts';
import { UsageError, err, fromCwd, io, lang, openArchive, out, parse, printJson, type Command } from '../context.ts';
import { readFileBytes, readTextFile } from '../read-text-file.ts';
import { progressLine } from '../progress-line.ts';
import { quietRun } from '../../archive/tasks.ts';
import { oneLine } from '../terminal-text.ts';
import { isScanName, type ScanFile } from '../../archive/scans/read-scans.ts';

/**
 * import FILE... [--json]: a file that cannot be read (unsupported, not a file, too large, not
 * UTF-8) is reported by name and the others are still imported; exit 1 if any file was refused.
 * Scans (.jpg .png .webp .tif) become clippings of the text OCR reads in them.
 */
export const importFiles: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  const files = [];
  const scans: ScanFile[] = [];
  const refused: ImportProblem[] = [];
  for (const path of positionals) {
    try {
      if (isScanName(path)) {
        scans.push({ name: basename(path), bytes: await readFileBytes(path, fromCwd(path)) });
        continue;
      }
      if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(path))) {
        throw new ArchiveError({ code: 'unsupportedFile', params: { file: basename(path) } });
      }
      files.push({ name: basename(path), content: await readTextFile(path, fromCwd(path)) });
    } catch (error) {
      if (!(error instanceof ArchiveError)) throw error;
      refused.push({ file: basename(path), error: error.info });
    }
  }
  for (const problem of refused) err(`press-archive: ${oneLine(formatError(problem.error, lang()))}`);
  if (files.length === 0 && scans.length === 0) return 1;
  const service = await openArchive(values.archive);
  const line = progressLine(io().stderr, lang());
  let report;
  try {
    const run = quietRun(line.sink, 'import');
    report =
      scans.length > 0 ? await service.importScans({ scans, files }, run) : await service.importFiles({ files }, run);
  } finally {
    line.done();
    await service.close();
  }
  // The saved search index takes the new clippings now, so the next search only loads it instead
  // of waiting for them to be indexed. It is a cache: if this fails, that search catches up itself.
  if (report.added > 0) await openSearchIndex(service, io().env).catch(() => undefined);
  const errors = [...refused, ...report.errors].map((e) => ({ ...e, message: formatError(e.error, lang()) }));
  if (values.json) {
    printJson({ added: report.added, skipped: report.skipped, errors });
    return refused.length > 0 ? 1 : 0;
  }
  out(`added ${report.added}, skipped ${report.skipped}, errors ${errors.length}`);
  for (const e of errors) {
    const where = `${e.file}${e.line ? `:${e.line}` : e.record ? ` #${e.record}` : ''}`;
    out(`${oneLine(where)}: ${oneLine(e.message)}`);
  }
  return refused.length > 0 ? 1 : 0;
};
