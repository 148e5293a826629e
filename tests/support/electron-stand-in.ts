// A stand-in for the `electron` module (no Electron binary can run here): the parts main/ and
// preload/ use, recording what they are given. Tests install it with
//   vi.mock('electron', () => import('../../support/electron-stand-in.ts'))
// and call resetStandIn() before each test.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

// Electron's callbacks have many shapes; the stand-in stores them as they come.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => any;
type WindowOptions = BrowserWindowConstructorOptions;

export const recorded = {
  ipcHandlers: new Map<string, AnyFunction>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
};

export class FakeSession {
  permissionRequestHandler: AnyFunction | null = null;
  permissionCheckHandler: AnyFunction | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: AnyFunction } | null = null;
  setPermissionRequestHandler = vi.fn((handler: AnyFunction | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: AnyFunction | null) => {
    this.permissionCheckHandler = handler;
  });
  webRequest = {
    onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: AnyFunction) => {
      this.beforeRequest = { filter, listener };
    }),
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: AnyFunction | null = null;
  session: FakeSession;
  send = vi.fn();
  printToPDF = vi.fn(async (_options: unknown): Promise<Buffer> => Buffer.alloc(0));
  debugger = {
    attach: vi.fn(),
    detach: vi.fn(),
    sendCommand: vi.fn(async (_method: string, _params?: unknown): Promise<unknown> => ({})),
  };
  constructor(session: FakeSession = new FakeSession()) {
    super();
    this.session = session;
  }
  setWindowOpenHandler(handler: AnyFunction): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly options: WindowOptions;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  loadFile = vi.fn(async (_path: string) => undefined);
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(options: WindowOptions) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getPreferredSystemLanguages = vi.fn(() => ['en-US']);
  getLocale = vi.fn(() => 'en-US');
  getPath = vi.fn((name: string) => (name === 'userData' ? STAND_IN_USER_DATA : tmpdir()));
  getVersion = vi.fn(() => '0.0.0-stand-in');
}

/** Where the stand-in's app keeps its user data (logs): one folder in the temp dir, reused. */
export const STAND_IN_USER_DATA = join(tmpdir(), 'press-archive-stand-in-user-data');

export const app = new FakeApp();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: AnyFunction) => {
    // Like Electron: a second handler for one channel is an error.
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    recorded.ipcHandlers.delete(channel);
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    recorded.protocolHandlers.set(scheme, handler);
  }),
};

const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  fromPartition: vi.fn((partition: string) => {
    if (!partitions.has(partition)) partitions.set(partition, new FakeSession());
    return partitions.get(partition)!;
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const clipboard = { writeText: vi.fn((_text: string) => undefined) };

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** What a window was sent (webContents.send): channel and value, in order. */
export type SentMessage = [channel: string, value: unknown];

/** A fake IPC event as Electron would pass it: the sender's frame, its URL and parent, and the sender. */
export function fakeInvokeEvent(url: string | null, options: { subframe?: boolean; sent?: SentMessage[] } = {}) {
  const sent = options.sent ?? [];
  const sender = {
    send: (channel: string, value: unknown) => void sent.push([channel, value]),
    isDestroyed: () => false,
  };
  if (url === null) return { senderFrame: null, sender };
  const parent = options.subframe ? { url: 'app://press-archive/index.html', parent: null } : null;
  return { senderFrame: { url, parent }, sender };
}

export function resetStandIn(): void {
  // Forgets calls and restores every vi.fn to the implementation it was created with.
  vi.resetAllMocks();
  recorded.ipcHandlers.clear();
  recorded.protocolHandlers.clear();
  BrowserWindow.instances = [];
  app.removeAllListeners();
  app.isPackaged = false;
  session.defaultSession = new FakeSession();
  partitions.clear();
}

export default {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
};
