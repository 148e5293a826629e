// File → Import…: the user picks files, main reads them (the page never touches the disk), the
// API's importFiles adds them, and a message box says what happened.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import { MAX_IMPORT_BYTES, type ImportFile, type ImportReport } from '../archive/api.ts';
import type { ErrorInfo } from '../archive/errors.ts';
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

/** Reads the chosen files as UTF-8 text; the first one that cannot be read stops the import. */
export async function readImportFiles(
  paths: readonly string[],
  language: Language,
): Promise<{ ok: true; files: ImportFile[] } | { ok: false; error: ErrorInfo }> {
  const files: ImportFile[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const path of paths) {
    const name = basename(path);
    try {
      if ((await stat(path)).size > MAX_IMPORT_BYTES) {
        const detail = menuText(language, 'import.tooLarge', { max: MAX_IMPORT_BYTES / (1024 * 1024) });
        return { ok: false, error: { code: 'unreadableFile', params: { file: name, detail } } };
      }
      const bytes = await readFile(path);
      let content: string;
      try {
        content = decoder.decode(bytes);
      } catch {
        return {
          ok: false,
          error: { code: 'unreadableFile', params: { file: name, detail: menuText(language, 'import.notUtf8') } },
        };
      }
      files.push({ name, content });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'unreadableFile', params: { file: name, detail } } };
    }
  }
  return { ok: true, files };
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
  const read = await readImportFiles(paths, language);
  const envelope = read.ok ? await dispatch('importFiles', { files: read.files }) : read;
  if (!envelope.ok) {
    await showMessage(window, {
      type: 'error',
      title: menuText(language, 'import.title'),
      message: menuText(language, 'import.failed'),
      detail: formatError(envelope.error, language),
    });
    return undefined;
  }
  const report = envelope.value as ImportReport;
  sendUiCommand(window, 'archive-changed');
  await showMessage(window, {
    type: report.errors.length > 0 ? 'warning' : 'info',
    title: menuText(language, 'import.title'),
    ...describeImportReport(report, language),
  });
  return report;
}
