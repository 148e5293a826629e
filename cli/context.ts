// What every command shares: argument parsing, output, the user's language, opening the archive.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languageFromLocale, type Language } from '../archive/messages.ts';
import { resolveArchiveDir } from '../archive/paths.ts';
import { ArchiveService } from '../archive/service.ts';

/** A mistake in how the command was called: exit 2 with the usage text. */
export class UsageError extends Error {}

export type Command = (args: string[]) => Promise<number>;

export const lang: Language = languageFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMON = {
  archive: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies Options;

export function parse<T extends Options>(args: string[], options: T = {} as T) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
}

export function out(line: string): void {
  process.stdout.write(line + '\n');
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

export function archiveDirOf(flag: unknown): string {
  return resolveArchiveDir(typeof flag === 'string' ? flag : undefined);
}

/** Commands that read or change clippings refuse a damaged archive (exit 1, naming the file). */
export function openArchive(flag: unknown): Promise<ArchiveService> {
  return ArchiveService.open(archiveDirOf(flag), { whenDamaged: 'refuse' });
}
