import type { ClippingInput } from '../../archive/clipping.ts';
import { UsageError, fromCwd, noPositionals, openArchive, out, parse, type Command } from '../context.ts';
import { readTextFile } from '../read-text-file.ts';

const FIELDS = [
  'title',
  'publication',
  'date',
  'author',
  'url',
  'page',
  'place',
  'section',
  'edition',
  'language',
  'notes',
] as const;
const OPTIONS = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' }])) as Record<
    (typeof FIELDS)[number],
    { type: 'string' }
  >),
  tags: { type: 'string' as const },
  body: { type: 'string' as const },
  'body-file': { type: 'string' as const },
};

/** add --title T … (--body TEXT | --body-file FILE): prints the new id. */
export const add: Command = async (args) => {
  const { values, positionals } = parse(args, OPTIONS);
  noPositionals(positionals);
  if (values.title === undefined) throw new UsageError('add needs --title');
  if ((values.body === undefined) === (values['body-file'] === undefined)) {
    throw new UsageError('add needs exactly one of --body and --body-file');
  }
  const input: Record<string, unknown> = {};
  for (const field of FIELDS) if (values[field] !== undefined) input[field] = values[field];
  if (typeof values.tags === 'string')
    input.tags = values.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  input.body =
    typeof values['body-file'] === 'string'
      ? await readTextFile(values['body-file'], fromCwd(values['body-file']))
      : values.body;
  const clipping = await (await openArchive(values.archive)).add(input as ClippingInput);
  out(clipping.id);
  return 0;
};
