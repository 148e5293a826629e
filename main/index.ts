// The Electron main process: lifecycle only. One instance (a second one focuses the first);
// when ready: open the archive → IPC → app:// protocol → window → menu; quit when the last window
// closes (except on macOS, where apps stay in the dock).
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { toErrorInfo } from '../archive/errors.ts';
import { formatError } from '../archive/messages.ts';
import { APP_NAME } from '../archive/paths.ts';
import { ArchiveService } from '../archive/service.ts';
import { createDispatcher } from '../archive/transport/dispatch.ts';
import { PRELOAD_PATH, RENDERER_DIR } from './app-paths.ts';
import { archiveDirFromCommandLine } from './archive-location.ts';
import { copyDiagnostics } from './diagnostics.ts';
import { exportFromDialog } from './export-command.ts';
import { importFromDialog, importPaths } from './import-command.ts';
import { registerIpcHandlers } from './ipc.ts';
import { systemLanguage } from './language.ts';
import { catchUnhandledErrors, createAppLogger, loggingDispatch, type AppLogger } from './logging.ts';
import { installApplicationMenu } from './menu.ts';
import { menuText } from './menu-text.ts';
import { openExternalUrl, showFolder } from './open-external.ts';
import { createFileOpener, filesToOpen, importableFiles } from './open-files.ts';
import { electronPdfPrinter } from './pdf-printer.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { installWebContentsGuards, secureDefaultSession } from './security.ts';
import { sendUiCommand } from './ui-commands.ts';
import { createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;
let logger: AppLogger;
const fileOpener = createFileOpener();

function openMainWindow(): BrowserWindow {
  const window = createMainWindow(PRELOAD_PATH);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const language = systemLanguage();
  let service: ArchiveService;
  try {
    service = await ArchiveService.open(archiveDirFromCommandLine(process.argv, process.env), {
      openInBrowser: openExternalUrl,
      printer: electronPdfPrinter(),
      showFolder,
    });
  } catch (error) {
    logger.error('startup: the archive cannot be opened', error);
    dialog.showErrorBox(menuText(language, 'startup.failed'), formatError(toErrorInfo(error), language));
    app.exit(1);
    return;
  }
  const dispatch = loggingDispatch(createDispatcher(service), logger);

  secureDefaultSession();
  registerIpcHandlers(dispatch);
  handleAppProtocol(RENDERER_DIR);
  const window = openMainWindow();
  const reportFailure = (error: unknown) => {
    logger.error('command failed', error);
    dialog.showErrorBox(APP_NAME, formatError(toErrorInfo(error), language));
  };
  // Files the app was asked to open are imported once the window shows (the summary sits on it).
  fileOpener.open(filesToOpen(process.argv, app.isPackaged));
  window.once('ready-to-show', () =>
    fileOpener.ready((paths) => {
      importPaths(mainWindow ?? undefined, paths, { dispatch, language }).catch(reportFailure);
    }),
  );
  installApplicationMenu(
    {
      addClipping: () => sendUiCommand(mainWindow, 'add-clipping'),
      importFiles: () => importFromDialog(mainWindow ?? undefined, { dispatch, language }),
      exportArchive: () => exportFromDialog(mainWindow ?? undefined, { service, language }),
      copyDiagnostics: () => copyDiagnostics(mainWindow ?? undefined, { service, logger, language }),
      onError: reportFailure,
    },
    { language, isPackaged: app.isPackaged, platform: process.platform },
  );

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  logger = createAppLogger({ logsDir: join(app.getPath('userData'), 'logs') });
  logger.info(`Press Archive ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'})`);
  catchUnhandledErrors(logger);
  app.on('render-process-gone', (_event, _contents, details) => logger.error(`renderer gone: ${details.reason}`));
  app.on('child-process-gone', (_event, details) => logger.error(`${details.type} process gone: ${details.reason}`));
  registerAppScheme();
  app.enableSandbox();
  installWebContentsGuards();
  app.on('second-instance', (_event, argv) => {
    focusMainWindow();
    fileOpener.open(filesToOpen(argv, app.isPackaged));
  });
  // macOS: a file opened with the app (it may come before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    fileOpener.open(importableFiles([path]));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('startup failed', error);
      app.exit(1);
    });
}
