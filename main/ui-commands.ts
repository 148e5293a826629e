// Commands the menu sends to the page (the preload passes them on to window.pressArchive.onCommand).
import type { BrowserWindow } from 'electron';
import { IPC_COMMAND_CHANNEL, type UiCommand } from '../archive/api-methods.ts';

export function sendUiCommand(window: BrowserWindow | null | undefined, command: UiCommand): void {
  if (!window || window.isDestroyed()) return;
  window.webContents.send(IPC_COMMAND_CHANNEL, command);
}
