import { exportClippings } from '../../archive/exports/json.ts';
import { EXPORT_FORMATS, serializeClippings, type ExportFormat } from '../../archive/exports/formats.ts';
import { writeFileDurably } from '../../archive/storage/durable-json-file.ts';
import { UsageError, fromCwd, noPositionals, openArchive, out, parse, type Command } from '../context.ts';

/** export --format json|ndjson|csv|csl-json --out FILE: every clipping not in the trash. */
export const exportData: Command = async (args) => {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } });
  noPositionals(positionals);
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('export needs --out FILE');
  const clippings = await exportClippings(await openArchive(values.archive));
  // Written beside the target and renamed: a failed export never leaves half a file.
  await writeFileDurably(fromCwd(values.out), serializeClippings(clippings, format));
  if (!values.json) out(`${clippings.length} clippings → ${values.out}`);
  else out(JSON.stringify({ exported: clippings.length, format, out: values.out }));
  return 0;
};
