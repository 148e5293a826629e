// Which archive folder the app opens: `--archive DIR` (or --archive=DIR) on the command line,
// else PRESS_ARCHIVE_DIR, else the per-user folder the CLI also uses (archive/paths.ts).
import { resolveArchiveDir } from '../archive/paths.ts';

export const ARCHIVE_FLAG = '--archive';

/** The value of --archive in a command line, if given (the last one wins). */
export function archiveFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === ARCHIVE_FLAG) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    } else if (arg.startsWith(`${ARCHIVE_FLAG}=`)) {
      value = arg.slice(ARCHIVE_FLAG.length + 1);
    }
  }
  return value === '' ? undefined : value;
}

export function archiveDirFromCommandLine(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolveArchiveDir(archiveFlag(argv), env);
}
