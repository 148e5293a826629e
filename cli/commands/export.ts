import { exportToFile } from '../../archive/exports/export-file.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../archive/exports/formats.ts';
import { UsageError, fromCwd, noPositionals, openArchive, out, parse, type Command } from '../context.ts';

/** export --format json|ndjson|csv|csl-json --out FILE: every clipping not in the trash. */
export const exportData: Command = async (args) => {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } });
  noPositionals(positionals);
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('export needs --out FILE');
  const count = await exportToFile(await openArchive(values.archive), format, fromCwd(values.out));
  if (!values.json) out(`${count} clippings → ${values.out}`);
  else out(JSON.stringify({ exported: count, format, out: values.out }));
  return 0;
};
