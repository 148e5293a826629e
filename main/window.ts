// The one application window: sandboxed, isolated, no Node, shown once its first paint is ready.
// The options are written out where the window is created so that Electronegativity, which reads only
// the literal passed to `new BrowserWindow`, sees them (npm run lint:security).
import { BrowserWindow } from 'electron';
import { APP_NAME } from '../archive/paths.ts';
import { APP_ENTRY_URL } from './origin.ts';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A middle click on a link must not open anything (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
