// The press-archive command line (its contract is the README's "Command line" section: keep it exact).
// Exit 0 on success, 1 on an error (one line on stderr, nothing changed), 2 on a usage error.
import { toErrorInfo } from '../archive/errors.ts';
import { formatError } from '../archive/messages.ts';
import { add, fieldOptionsUsage } from './commands/add.ts';
import { backup } from './commands/backup.ts';
import { backups } from './commands/backups.ts';
import { check } from './commands/check.ts';
import { exportData } from './commands/export.ts';
import { exportPdf } from './commands/export-pdf.ts';
import { importFiles } from './commands/import.ts';
import { list } from './commands/list.ts';
import { restore } from './commands/restore.ts';
import { search } from './commands/search.ts';
import { serve } from './commands/serve.ts';
import { show } from './commands/show.ts';
import { oneLine } from './terminal-text.ts';
import { UsageError, err, lang, out, processIo, runWithIo, type CliIo, type Command } from './context.ts';

/** Options joined into lines of at most `width` characters, the later lines indented. */
function wrapped(options: string[], indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const option of options) {
    if (line !== '' && line.length + 1 + option.length > width - indent) {
      lines.push(line);
      line = option;
    } else line = line === '' ? option : `${line} ${option}`;
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

const USAGE = `Usage: press-archive [--archive DIR] [--json] <command> [options]
  add --title T ${wrapped(fieldOptionsUsage(), 6, 96)}
      (--body TEXT | --body-file FILE)          prints the new id
  add --scan FILE [--title T] [fields as above] a clipping of the scan's text, read by OCR
  import FILE... [--json]                       .txt .md .html .json (also CSL-JSON) .ndjson,
                                                scans: .jpg .png .webp .tif .pdf (OCR offline;
                                                a PDF page's sound text layer is used as it is)
  list [--json]
  show ID [--json]
  search QUERY [--limit N] [--sort relevance|newest|oldest] [--json]
                                                words, "phrase", OR, -word, prefix*, title: publication:
                                                author: place: tag: date:2024-01..2024-06 (README)
  export-pdf --out FILE (--id ID … | --query Q | --all) [--page-size A4|Letter] [--font sans|serif] [--scans] [--json]
                                                prints with Chromium ($PRESS_ARCHIVE_CHROMIUM)
  export --format json|ndjson|csv|csl-json --out FILE
  check [--repair] [--json]                     exit 1 if the archive is damaged; --repair puts the damaged
                                                clippings back from the backups (exit 1 if any could not be)
  backups [--json]                              the snapshots in the archive's backups/ folder, newest first
  backup [--json]                               takes a snapshot now
  restore SNAPSHOT [--json]                     puts the archive back as in SNAPSHOT (the current state is kept too)
  serve [--port N]                              first stdout line is the URL
The archive is --archive DIR, else $PRESS_ARCHIVE_DIR, else the desktop app's folder.
--archive and --json may come before the command or after it.`;

const COMMANDS: Record<string, Command> = {
  add,
  import: importFiles,
  list,
  show,
  search,
  check,
  backups,
  backup,
  restore,
  export: exportData,
  'export-pdf': exportPdf,
  serve,
};

/** Options that may also come before the command, as with git and npm: `--archive DIR import …`. */
const GLOBAL_VALUES = ['--archive'];
const GLOBAL_FLAGS = ['--json'];

/**
 * Runs one command, in this process, and gives its exit code. `io` is what it reads and writes
 * (default: this process's streams, environment and folder).
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  return runWithIo({ ...processIo(), ...io }, () => run(argv));
}

async function run(argv: string[]): Promise<number> {
  try {
    const { command, args, help } = splitGlobalOptions(argv);
    if (command === undefined || command === 'help' || help) {
      out(USAGE);
      return command === undefined && !help ? 2 : 0;
    }
    const runCommand = COMMANDS[command];
    if (!runCommand) throw new UsageError(`unknown command: ${command}`);
    if (args.includes('--help') || args.includes('-h')) {
      out(USAGE);
      return 0;
    }
    return await runCommand(args);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`press-archive: ${error.message}\n${USAGE}`);
      return 2;
    }
    err(`press-archive: ${oneLine(formatError(toErrorInfo(error), lang()))}`);
    return 1;
  }
}

/** The command, its arguments with the options given before it, and whether help was asked. */
function splitGlobalOptions(argv: string[]): { command?: string; args: string[]; help: boolean } {
  const globals: string[] = [];
  let help = false;
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg] : [arg];
    if (name === '--help' || name === '-h') help = true;
    else if (GLOBAL_FLAGS.includes(name!) && inline === undefined) globals.push(arg);
    else if (GLOBAL_VALUES.includes(name!)) {
      if (inline !== undefined) globals.push(inline);
      else if (i + 1 < argv.length) globals.push(arg, argv[++i]!);
      else throw new UsageError(`option '${arg} <value>' argument missing`);
    } else throw new UsageError(`unknown option before the command: ${arg}`);
  }
  const [command, ...rest] = argv.slice(i);
  if (
    globals.some((g) => g.startsWith('--archive')) &&
    rest.some((a) => a === '--archive' || a.startsWith('--archive='))
  ) {
    throw new UsageError('--archive is given twice');
  }
  return { command, args: [...globals, ...rest], help }; // before a `--` the command may have
}
