import { oneLine } from '../terminal-text.ts';
import { noPositionals, openArchive, out, parse, printJson, type Command } from '../context.ts';

/** list [--json]: newest first; --json gives the clippings without their text. */
export const list: Command = async (args) => {
  const { values, positionals } = parse(args);
  noPositionals(positionals);
  const clippings = await (await openArchive(values.archive)).list();
  if (values.json) printJson(clippings);
  else for (const c of clippings) out([c.id, c.date ?? '—', c.publication ?? '—', c.title].map(oneLine).join('\t'));
  return 0;
};
