import { DETAIL_FIELDS } from '../../archive/clipping-fields.ts';
import { multiLine, oneLine } from '../terminal-text.ts';
import { UsageError, openArchive, out, parse, printJson, type Command } from '../context.ts';

/** show ID [--json] */
export const show: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('show needs exactly one ID');
  const clipping = await (await openArchive(values.archive)).get({ id: positionals[0]! });
  if (values.json) {
    printJson(clipping);
    return 0;
  }
  out(oneLine(clipping.title));
  for (const field of DETAIL_FIELDS) if (clipping[field]) out(`${field}: ${oneLine(clipping[field])}`);
  if (clipping.tags.length) out(`tags: ${clipping.tags.map(oneLine).join(', ')}`);
  const trashed = clipping.deletedAt ? `  in trash since: ${clipping.deletedAt}` : '';
  out(`added: ${clipping.addedAt}  updated: ${clipping.updatedAt}${trashed}`);
  out('');
  out(multiLine(clipping.body));
  if (clipping.notes) out(`\nnotes: ${multiLine(clipping.notes)}`);
  return 0;
};
