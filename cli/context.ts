// What every command shares: argument parsing, output, the user's language, opening the archive.
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languageFromLocale, type Language } from '../archive/messages.ts';
import { resolveArchiveDir } from '../archive/paths.ts';
import type { PdfPrinter } from '../archive/pdf/printer.ts';
import { ArchiveService } from '../archive/service.ts';

/** A mistake in how the command was called: exit 2 with the usage text. */
export class UsageError extends Error {}

export type Command = (args: string[]) => Promise<number>;

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The world one run of the CLI sees: the real process's, or what a caller of `main` passes (tests
 * run the CLI in-process this way). `printer` lets a caller keep one Chromium for many exports.
 */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  printer?: PdfPrinter;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

// Held per call rather than passed to every command, so that two runs in one process (tests)
// never mix their output or environments.
const current = new AsyncLocalStorage<CliIo>();

export function runWithIo<T>(io: CliIo, work: () => T): T {
  return current.run(io, work);
}

export function io(): CliIo {
  return current.getStore() ?? processIo();
}

export function lang(): Language {
  const { env } = io();
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** A path the user typed, taken from the folder the CLI was started in. */
export function fromCwd(path: string): string {
  return resolve(io().cwd, path);
}

type Options = NonNullable<ParseArgsConfig['options']>;
export const COMMON = {
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
  io().stdout.write(line + '\n');
}

export function err(line: string): void {
  io().stderr.write(line + '\n');
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** --archive DIR, else $PRESS_ARCHIVE_DIR (both from the current folder), else the app's folder. */
export function archiveDirOf(flag: unknown): string {
  const { env } = io();
  const given = typeof flag === 'string' && flag !== '' ? flag : env.PRESS_ARCHIVE_DIR || undefined;
  return given === undefined ? resolveArchiveDir(undefined, env) : fromCwd(given);
}

/** Commands that read or change clippings refuse a damaged archive (exit 1, naming the file). */
export function openArchive(flag: unknown): Promise<ArchiveService> {
  return ArchiveService.open(archiveDirOf(flag), { whenDamaged: 'refuse' });
}
