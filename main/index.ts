// The Electron main process: lifecycle only. One instance (a second one focuses the first);
// when ready: open the archive → IPC → app:// protocol → window → menu; quit when the last window
// closes (except on macOS, where apps stay in the dock).
import { app, BrowserWindow, dialog } from 'electron';
import { toErrorInfo } from '../archive/errors.ts';
import { formatError } from '../archive/messages.ts';
import { APP_NAME } from '../archive/paths.ts';
import { ArchiveService } from '../archive/service.ts';
import { createDispatcher } from '../archive/transport/dispatch.ts';
import { PRELOAD_PATH, RENDERER_DIR } from './app-paths.ts';
import { archiveDirFromCommandLine } from './archive-location.ts';
import { exportFromDialog } from './export-command.ts';
import { importFromDialog } from './import-command.ts';
import { registerIpcHandlers } from './ipc.ts';
import { systemLanguage } from './language.ts';
import { installApplicationMenu } from './menu.ts';
import { menuText } from './menu-text.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { installWebContentsGuards, secureDefaultSession } from './security.ts';
import { sendUiCommand } from './ui-commands.ts';
import { createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;

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
    service = await ArchiveService.open(archiveDirFromCommandLine(process.argv, process.env));
  } catch (error) {
    dialog.showErrorBox(menuText(language, 'startup.failed'), formatError(toErrorInfo(error), language));
    app.exit(1);
    return;
  }
  const dispatch = createDispatcher(service);

  secureDefaultSession();
  registerIpcHandlers(dispatch);
  handleAppProtocol(RENDERER_DIR);
  openMainWindow();
  installApplicationMenu(
    {
      addClipping: () => sendUiCommand(mainWindow, 'add-clipping'),
      importFiles: () => importFromDialog(mainWindow ?? undefined, { dispatch, language }),
      exportArchive: () => exportFromDialog(mainWindow ?? undefined, { service, language }),
      onError: (error) => dialog.showErrorBox(APP_NAME, formatError(toErrorInfo(error), language)),
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
  registerAppScheme();
  app.enableSandbox();
  installWebContentsGuards();
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}
