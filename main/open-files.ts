// Files the system asks the app to open — "Open with Press Archive" on a .json export (see the file
// associations in electron-builder.yml), or files named on the command line — are imported the way
// File → Import… imports them (duplicates skipped, a summary shown), once the window is up.
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_FLAG } from './archive-location.ts';
import { IMPORT_DIALOG_EXTENSIONS } from './import-command.ts';

/** The paths among these that name an existing file the import takes (by extension). */
export function importableFiles(paths: readonly string[]): string[] {
  return [...new Set(paths)].filter(isImportableFile);
}

function isImportableFile(path: string): boolean {
  if (!IMPORT_DIALOG_EXTENSIONS.includes(extname(path).slice(1).toLowerCase())) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The importable files named on a command line: after the executable (and, in development, the app
 * folder Electron was given), leaving out switches and the value of --archive. Linux desktops may
 * pass file:// URLs (%U in the .desktop entry).
 */
export function filesToOpen(argv: readonly string[], isPackaged: boolean, cwd: string = process.cwd()): string[] {
  const paths: string[] = [];
  const args = argv.slice(isPackaged ? 1 : 2);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === ARCHIVE_FLAG) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    try {
      paths.push(arg.startsWith('file://') ? fileURLToPath(arg) : resolve(cwd, arg));
    } catch {
      // Not a path at all.
    }
  }
  return importableFiles(paths);
}

/** Collects files to open until the app can import them, then hands each batch over. */
export function createFileOpener(): {
  open(paths: readonly string[]): void;
  ready(importFiles: (paths: string[]) => void): void;
} {
  const pending: string[] = [];
  let importFiles: ((paths: string[]) => void) | undefined;
  const flush = () => {
    if (importFiles && pending.length > 0) importFiles(pending.splice(0));
  };
  return {
    open(paths) {
      pending.push(...paths);
      flush();
    },
    ready(run) {
      importFiles = run;
      flush();
    },
  };
}
