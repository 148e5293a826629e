// The press-archive command line (contract in ARCHITECTURE.md: keep it exact).
// Exit 0 on success, 1 on an error (one line on stderr, nothing changed), 2 on a usage error.
import { toErrorInfo } from '../archive/errors.ts';
import { formatError } from '../archive/messages.ts';
import { add } from './commands/add.ts';
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
import { UsageError, lang, out, type Command } from './context.ts';

const USAGE = `Usage: press-archive <command> [options] [--archive DIR]
  add --title T [--publication P] [--date YYYY|YYYY-MM|YYYY-MM-DD] [--author A] [--url U]
      [--page P] [--place P] [--section S] [--edition E] [--language L] [--tags a,b] [--notes N]
      (--body TEXT | --body-file FILE)          prints the new id
  import FILE... [--json]                       .txt .md .html .json (also CSL-JSON) .ndjson
  list [--json]
  show ID [--json]
  search QUERY [--limit N] [--sort relevance|newest|oldest] [--json]
                                                words, "phrase", OR, -word, prefix*, title: publication:
                                                author: place: tag: date:2024-01..2024-06 (README)
  export-pdf --out FILE (--id ID … | --query Q | --all) [--page-size A4|Letter] [--font sans|serif] [--json]
                                                prints with Chromium ($PRESS_ARCHIVE_CHROMIUM)
  export --format json|ndjson|csv|csl-json --out FILE
  check [--json]                                exit 1 if the archive is damaged
  backups [--json]                              the snapshots in the archive's backups/ folder, newest first
  backup [--json]                               takes a snapshot now
  restore SNAPSHOT [--json]                     puts the archive back as in SNAPSHOT (the current state is kept too)
  serve [--port N]                              first stdout line is the URL
The archive is --archive DIR, else $PRESS_ARCHIVE_DIR, else the desktop app's folder.`;

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

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command: ${command}`);
    if (args.includes('--help') || args.includes('-h')) {
      out(USAGE);
      return 0;
    }
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`press-archive: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`press-archive: ${oneLine(formatError(toErrorInfo(error), lang))}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
