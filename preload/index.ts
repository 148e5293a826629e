// The sandboxed preload: exposes exactly the API as window.pressArchive, generated from
// API_METHODS (one ipcRenderer.invoke per method), plus onCommand for menu commands.
// Nothing generic crosses the bridge (no ipcRenderer, no event objects). Built as CommonJS;
// imports only 'electron' and api-methods.ts (no zod: the main process validates).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PressArchiveBridge } from '../archive/api.ts';
import { API_METHODS, IPC_COMMAND_CHANNEL, IPC_PREFIX, UI_COMMANDS, type ApiMethod } from '../archive/api-methods.ts';

type Invoke = (input?: unknown) => Promise<unknown>;

function isUiCommand(value: unknown): value is (typeof UI_COMMANDS)[number] {
  return typeof value === 'string' && (UI_COMMANDS as readonly string[]).includes(value);
}

function onCommand(listener: (command: string) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
  const forward = (_event: IpcRendererEvent, command: unknown): void => {
    if (isUiCommand(command)) listener(command);
  };
  ipcRenderer.on(IPC_COMMAND_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_COMMAND_CHANNEL, forward);
  };
}

const methods = {} as Record<ApiMethod, Invoke>;
for (const method of API_METHODS) {
  const channel = IPC_PREFIX + method;
  methods[method] = (input) => ipcRenderer.invoke(channel, input);
}

const bridge = { ...methods, onCommand } as PressArchiveBridge;

contextBridge.exposeInMainWorld('pressArchive', bridge);
