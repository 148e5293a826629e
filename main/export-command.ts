// File → Export…: writes the whole archive (not the trash) as one JSON file the user chooses.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions, type SaveDialogOptions } from 'electron';
import { exportToFile } from '../archive/exports/export-file.ts';
import type { JsonExportSource } from '../archive/exports/json.ts';
import { toErrorInfo } from '../archive/errors.ts';
import { formatError, type Language } from '../archive/messages.ts';
import { menuText } from './menu-text.ts';

export interface ExportContext {
  service: JsonExportSource;
  language: Language;
}

function showMessage(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<unknown> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** Runs the whole command; resolves to the written path, or undefined when cancelled or failed. */
export async function exportFromDialog(
  window: BrowserWindow | undefined,
  context: ExportContext,
): Promise<string | undefined> {
  const { service, language } = context;
  const day = new Date().toISOString().slice(0, 10);
  const options: SaveDialogOptions = {
    title: menuText(language, 'export.title'),
    defaultPath: join(app.getPath('documents'), `press-archive-${day}.json`),
    filters: [{ name: menuText(language, 'export.filter'), extensions: ['json'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return undefined;
  const path = choice.filePath;
  try {
    const count = await exportToFile(service, 'json', path);
    await showMessage(window, {
      type: 'info',
      title: menuText(language, 'export.title'),
      message: menuText(language, 'export.done', { count, path }),
    });
    return path;
  } catch (error) {
    const info = toErrorInfo(error);
    const detail =
      info.code === 'internal'
        ? formatError({ code: 'io', params: { path, detail: info.params?.detail ?? '' } }, language)
        : formatError(info, language);
    await showMessage(window, {
      type: 'error',
      title: menuText(language, 'export.title'),
      message: menuText(language, 'export.failed'),
      detail,
    });
    return undefined;
  }
}
