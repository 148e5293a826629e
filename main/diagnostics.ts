// Help → Copy diagnostics: what a bug report needs, on the clipboard. Versions (app, Electron,
// Chrome, Node), the OS, the archive's counts and size (never a title or a text), and the last lines of
// the log (written redacted). The home folder is shown as ~ so the user name stays out.
import { readdir, stat } from 'node:fs/promises';
import { homedir, arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { app, clipboard, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { ArchiveInfo } from '../archive/api.ts';
import { toErrorInfo } from '../archive/errors.ts';
import type { Language } from '../archive/messages.ts';
import type { AppLogger } from './logging.ts';
import { menuText } from './menu-text.ts';

export const DIAGNOSTIC_LOG_LINES = 40;

export interface DiagnosticsSource {
  info(): Promise<ArchiveInfo>;
}

export interface DiagnosticsContext {
  service: DiagnosticsSource;
  logger: AppLogger;
  language: Language;
}

/** A path with the home folder shown as ~. */
export function withoutHome(path: string, home: string = homedir()): string {
  return home !== '' && (path === home || path.startsWith(home + '/') || path.startsWith(home + '\\'))
    ? `~${path.slice(home.length)}`
    : path;
}

/** Files and bytes under a folder: sizes only, no names. */
async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const size = await stat(join(entry.parentPath, entry.name)).then(
      (s) => s.size,
      () => 0,
    );
    files += 1;
    bytes += size;
  }
  return { files, bytes };
}

export async function collectDiagnostics(context: Omit<DiagnosticsContext, 'language'>): Promise<string> {
  const { service, logger } = context;
  const lines = [
    `Press Archive ${app.getVersion()}${app.isPackaged ? '' : ' (development build)'}`,
    `Electron ${process.versions.electron ?? '?'} · Chrome ${process.versions.chrome ?? '?'} · Node ${process.versions.node} · V8 ${process.versions.v8}`,
    `OS: ${platform()} ${release()} ${arch()} · locale ${app.getLocale()}`,
  ];
  try {
    const info = await service.info();
    const disk = await folderSize(info.archiveDir);
    lines.push(
      `Archive: ${withoutHome(info.archiveDir)}`,
      `  format ${info.formatVersion}, generation ${info.generation}, ${info.clippings} clippings, ${info.trashed} in the trash`,
      `  ${disk.files} files, ${(disk.bytes / 1024).toFixed(1)} KiB on disk`,
    );
  } catch (error) {
    lines.push(`Archive: cannot be read (${toErrorInfo(error).code})`);
  }
  const tail = await logger.tail(DIAGNOSTIC_LOG_LINES);
  lines.push('', `Last ${tail.length} log lines (${withoutHome(logger.file)}):`, ...tail);
  // The log is written redacted; paths in it (stack frames) lose the home folder here too.
  const home = homedir();
  return lines.map((line) => (home.length > 1 ? line.split(home).join('~') : line)).join('\n');
}

function showMessage(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<unknown> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** The menu command: collect, copy, confirm. Resolves to the copied text. */
export async function copyDiagnostics(window: BrowserWindow | undefined, context: DiagnosticsContext): Promise<string> {
  const text = await collectDiagnostics(context);
  clipboard.writeText(text);
  await showMessage(window, {
    type: 'info',
    title: menuText(context.language, 'diagnostics.title'),
    message: menuText(context.language, 'diagnostics.copied'),
  });
  return text;
}
