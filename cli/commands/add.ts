import { basename } from 'node:path';
import type { ClippingInput } from '../../archive/clipping.ts';
import { CLIPPING_FIELDS } from '../../archive/clipping-fields.ts';
import { UsageError, fromCwd, io, lang, noPositionals, openArchive, out, parse, type Command } from '../context.ts';
import { readFileBytes, readTextFile } from '../read-text-file.ts';
import { progressLine } from '../progress-line.ts';
import { quietRun } from '../../archive/tasks.ts';

/** One option per declared field, except the text (--body or --body-file) and the tags (a,b). */
const FIELDS = CLIPPING_FIELDS.filter((f) => f.name !== 'body' && f.kind !== 'tags').map((f) => f.name);

/** The field options as the usage text lists them. */
export function fieldOptionsUsage(): string[] {
  return CLIPPING_FIELDS.filter((f) => f.name !== 'title' && f.name !== 'body').map((f) => {
    const value = f.kind === 'date' ? 'YYYY|YYYY-MM|YYYY-MM-DD' : f.kind === 'tags' ? 'a,b' : f.name[0]!.toUpperCase();
    return `[--${f.name} ${value}]`;
  });
}
const OPTIONS = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' }])) as Record<
    (typeof FIELDS)[number],
    { type: 'string' }
  >),
  tags: { type: 'string' as const },
  body: { type: 'string' as const },
  'body-file': { type: 'string' as const },
  scan: { type: 'string' as const },
};

/**
 * add --title T … (--body TEXT | --body-file FILE): prints the new id. With --scan FILE the text is
 * read from the scan by OCR and the title proposed from its first line (either may still be given).
 */
export const add: Command = async (args) => {
  const { values, positionals } = parse(args, OPTIONS);
  noPositionals(positionals);
  const scan = values.scan;
  if (values.title === undefined && scan === undefined) throw new UsageError('add needs --title (or --scan)');
  if (values.body !== undefined && values['body-file'] !== undefined) {
    throw new UsageError('add needs exactly one of --body and --body-file');
  }
  if (scan === undefined && values.body === undefined && values['body-file'] === undefined) {
    throw new UsageError('add needs exactly one of --body and --body-file');
  }
  const input: Record<string, unknown> = {};
  for (const field of FIELDS) if (values[field] !== undefined) input[field] = values[field];
  if (typeof values.tags === 'string')
    input.tags = values.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (typeof values['body-file'] === 'string') {
    input.body = await readTextFile(values['body-file'], fromCwd(values['body-file']));
  } else if (values.body !== undefined) input.body = values.body;
  if (typeof scan === 'string') {
    const bytes = await readFileBytes(scan, fromCwd(scan));
    const service = await openArchive(values.archive);
    const line = progressLine(io().stderr, lang());
    try {
      const clipping = await service.addScan(
        { scan: { name: basename(scan), bytes }, fields: input as Partial<ClippingInput> },
        quietRun(line.sink, 'import'),
      );
      out(clipping.id);
    } finally {
      line.done();
      await service.close();
    }
    return 0;
  }
  const clipping = await (await openArchive(values.archive)).add(input as ClippingInput);
  out(clipping.id);
  return 0;
};
