import { openArchive, noPositionals, out, parse, printJson, type Command } from '../context.ts';

/** backup [--json]: takes a snapshot now and prints its name. */
export const backup: Command = async (args) => {
  const { values, positionals } = parse(args);
  noPositionals(positionals);
  const info = await (await openArchive(values.archive)).takeBackup();
  if (values.json) printJson(info);
  else out(info.name);
  return 0;
};
