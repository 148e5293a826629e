// The application menu, in the OS language: File (Add clipping, Import…, Export…, Quit), Edit
// (standard roles, so copy and paste work) and, in development only, View (Reload, DevTools).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../archive/messages.ts';
import { menuText } from './menu-text.ts';

export interface MenuActions {
  addClipping(): void;
  importFiles(): Promise<unknown>;
  exportArchive(): Promise<unknown>;
  /** Help → Copy diagnostics (versions, OS, archive counts, last log lines) for a bug report. */
  copyDiagnostics(): Promise<unknown>;
  /** Reports a command that failed unexpectedly (the commands show their own expected errors). */
  onError(error: unknown): void;
}

export interface MenuOptions {
  language: Language;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof menuText>[1]) => menuText(options.language, key);
  const run = (command: () => Promise<unknown>) => () => {
    command().catch(actions.onError);
  };
  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({
    id: 'file',
    label: t('menu.file'),
    submenu: [
      {
        id: 'add-clipping',
        label: t('menu.addClipping'),
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.addClipping(),
      },
      { type: 'separator' },
      { id: 'import', label: t('menu.import'), accelerator: 'CmdOrCtrl+O', click: run(() => actions.importFiles()) },
      {
        id: 'export',
        label: t('menu.export'),
        accelerator: 'CmdOrCtrl+Shift+E',
        click: run(() => actions.exportArchive()),
      },
      // On macOS Quit lives in the application menu.
      ...(options.platform === 'darwin'
        ? []
        : [{ type: 'separator' } as const, { id: 'quit', label: t('menu.quit'), role: 'quit' } as const]),
    ],
  });
  template.push({
    id: 'edit',
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  });
  template.push({
    id: 'help',
    role: 'help',
    label: t('menu.help'),
    submenu: [
      { id: 'copy-diagnostics', label: t('menu.copyDiagnostics'), click: run(() => actions.copyDiagnostics()) },
    ],
  });
  if (!options.isPackaged) {
    template.push({
      id: 'view',
      label: t('menu.view'),
      submenu: [
        { role: 'reload', label: t('menu.reload') },
        { role: 'toggleDevTools', label: t('menu.devTools') },
      ],
    });
  }
  return template;
}

export function installApplicationMenu(actions: MenuActions, options: MenuOptions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(actions, options));
  Menu.setApplicationMenu(menu);
  return menu;
}
