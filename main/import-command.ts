// File → Import…: the user picks files and the archive imports them the way it imports files the
// page is given — in pieces, as one task whose progress the window shows (with Cancel), each file
// it cannot import named and the others imported (archive/import/import-paths.ts) — then a message
// box says what happened.
import { randomUUID } from 'node:crypto';
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import type { ImportReport, Progress } from '../archive/api.ts';
import { IPC_PROGRESS_CHANNEL } from '../archive/api-methods.ts';
import { importPaths as importInPieces } from '../archive/import/import-paths.ts';
import { format, formatError, type Language } from '../archive/messages.ts';
import type { Dispatch } from '../archive/transport/dispatch.ts';
import { menuText } from './menu-text.ts';
import { sendUiCommand } from './ui-commands.ts';

export const IMPORT_DIALOG_EXTENSIONS = ['txt', 'md', 'json', 'ndjson'];
const MAX_LISTED_PROBLEMS = 15;

export interface ImportContext {
  dispatch: Dispatch;
  language: Language;
}

/** The import's progress, to the window's page (which shows it as its own imports'). */
function progressTo(window: BrowserWindow | undefined) {
  return (event: Progress): void => {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_PROGRESS_CHANNEL, event);
  };
}

/** The message box text for an import report, in the user's language. */
export function describeImportReport(report: ImportReport, language: Language): { message: string; detail: string } {
  const message = menuText(language, 'import.summary', {
    added: report.added,
    skipped: report.skipped,
    errors: report.errors.length,
  });
  const lines = report.errors.slice(0, MAX_LISTED_PROBLEMS).map((problem) => {
    const where = [
      problem.line !== undefined ? format(language, 'import.lineError', { line: problem.line }) : undefined,
      problem.record !== undefined ? format(language, 'import.recordError', { record: problem.record }) : undefined,
    ].filter((part) => part !== undefined);
    const place = where.length > 0 ? `${problem.file} (${where.join(', ')})` : problem.file;
    return `${place}: ${formatError(problem.error, language)}`;
  });
  if (report.errors.length > MAX_LISTED_PROBLEMS) {
    lines.push(menuText(language, 'import.more', { count: report.errors.length - MAX_LISTED_PROBLEMS }));
  }
  return { message, detail: lines.join('\n') };
}

function showMessage(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<unknown> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** Runs the whole command; resolves to the report, or undefined when cancelled or refused. */
export async function importFromDialog(
  window: BrowserWindow | undefined,
  context: ImportContext,
): Promise<ImportReport | undefined> {
  const { language } = context;
  const options: OpenDialogOptions = {
    title: menuText(language, 'import.title'),
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: menuText(language, 'import.filter'), extensions: IMPORT_DIALOG_EXTENSIONS }],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (choice.canceled || choice.filePaths.length === 0) return undefined;
  return importPaths(window, choice.filePaths, context);
}

/** Imports files the user named (in the dialog, or by opening them with the app) and says what happened. */
export async function importPaths(
  window: BrowserWindow | undefined,
  paths: readonly string[],
  context: ImportContext,
): Promise<ImportReport | undefined> {
  const { dispatch, language } = context;
  const envelope = await importInPieces(dispatch, paths, { task: randomUUID(), progress: progressTo(window) });
  // The page shows progress for it: the change (or its end) lets it drop the bar and reload.
  sendUiCommand(window, 'archive-changed');
  if (!envelope.ok) {
    await showMessage(window, {
      type: 'error',
      title: menuText(language, 'import.title'),
      message: menuText(language, 'import.failed'),
      detail: formatError(envelope.error, language),
    });
    return undefined;
  }
  const report = envelope.value;
  await showMessage(window, {
    type: report.errors.length > 0 ? 'warning' : 'info',
    title: menuText(language, 'import.title'),
    ...describeImportReport(report, language),
  });
  return report;
}
