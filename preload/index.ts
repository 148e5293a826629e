// The sandboxed preload: exposes exactly the API as window.pressArchive, generated from
// API_METHODS (one ipcRenderer.invoke per method), plus onCommand for menu commands and onProgress
// for the progress of long tasks, and answerBytes (a call's envelope as bytes, for the search
// worker). An import's bytes come as a Blob (a slice of the chosen file) and
// are read here, off the page's own script, into the bytes the archive takes.
// Nothing generic crosses the bridge (no ipcRenderer, no event objects). Built as CommonJS;
// imports only 'electron' and api-methods.ts (no zod: the main process validates).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PressArchiveBridge } from '../archive/api.ts';
import type { Progress } from '../archive/api.ts';
import {
  API_METHODS,
  IPC_BYTES_CHANNEL,
  IPC_COMMAND_CHANNEL,
  IPC_PREFIX,
  IPC_PROGRESS_CHANNEL,
  UI_COMMANDS,
  type ApiMethod,
} from '../archive/api-methods.ts';

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

/** Only the fields of a progress event, copied, so nothing else of the message reaches the page. */
function asProgress(value: unknown): Progress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { task, kind, step, done, total } = value as Record<string, unknown>;
  if (typeof task !== 'string' || typeof kind !== 'string' || typeof step !== 'string') return undefined;
  if (typeof done !== 'number' || typeof total !== 'number') return undefined;
  return { task, kind, step, done, total } as Progress;
}

function onProgress(listener: (event: Progress) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onProgress needs a function');
  const forward = (_event: IpcRendererEvent, value: unknown): void => {
    const progress = asProgress(value);
    if (progress) listener(progress);
  };
  ipcRenderer.on(IPC_PROGRESS_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_PROGRESS_CHANNEL, forward);
  };
}

/** A Blob in `bytes` (an import's piece) becomes its bytes; any other input goes as it is. */
async function withBytes(input: unknown): Promise<unknown> {
  if (typeof input !== 'object' || input === null || !('bytes' in input) || !(input.bytes instanceof Blob))
    return input;
  return { ...input, bytes: new Uint8Array(await input.bytes.arrayBuffer()) };
}

const methods = {} as Record<ApiMethod, Invoke>;
for (const method of API_METHODS) {
  const channel = IPC_PREFIX + method;
  methods[method] =
    method === 'importChunk'
      ? async (input) => ipcRenderer.invoke(channel, await withBytes(input))
      : (input) => ipcRenderer.invoke(channel, input);
}

/** The envelope as bytes (main serializes it): the page passes them to its worker unread. */
const answerBytes = (method: unknown, input: unknown) => ipcRenderer.invoke(IPC_BYTES_CHANNEL, method, input);

const bridge = { ...methods, answerBytes, onCommand, onProgress } as PressArchiveBridge;

contextBridge.exposeInMainWorld('pressArchive', bridge);
