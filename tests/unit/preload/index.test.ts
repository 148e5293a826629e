// The preload: window.pressArchive is exactly the API (generated) plus onCommand and onProgress, forwarding to
// ipcRenderer.invoke on the right channel; nothing generic crosses the bridge.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import {
  API_METHODS,
  IPC_BYTES_CHANNEL,
  IPC_COMMAND_CHANNEL,
  IPC_PREFIX,
  IPC_PROGRESS_CHANNEL,
} from '../../../archive/api-methods.ts';
import { contextBridge, ipcRenderer, resetStandIn } from '../../support/electron-stand-in.ts';

let bridge: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  resetStandIn();
  await import('../../../preload/index.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, value] = contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(name).toBe('pressArchive');
  bridge = value as typeof bridge;
});

describe('preload bridge', () => {
  it('exposes exactly the API methods, answerBytes, onCommand and onProgress, all functions', () => {
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'answerBytes', 'onCommand', 'onProgress'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it.each(API_METHODS)('%s forwards its argument to ipcRenderer.invoke on its channel', async (method) => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: method });
    const input = { probe: method };
    const answer = await bridge[method]!(input);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_PREFIX + method, input);
    expect(answer).toEqual({ ok: true, value: method });
  });

  it('answerBytes asks main for the method and its input on the bytes channel', async () => {
    ipcRenderer.invoke.mockClear();
    const bytes = new TextEncoder().encode('{"ok":true,"value":[]}');
    ipcRenderer.invoke.mockResolvedValueOnce(bytes);
    expect(await bridge.answerBytes!('list', {})).toBe(bytes);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_BYTES_CHANNEL, 'list', {});
  });

  it('onCommand passes only known command strings, never the event, and unsubscribes', () => {
    ipcRenderer.on.mockClear();
    ipcRenderer.removeListener.mockClear();
    const listener = vi.fn();
    const unsubscribe = bridge.onCommand!(listener) as () => void;
    expect(ipcRenderer.on).toHaveBeenCalledTimes(1);
    const [channel, forward] = ipcRenderer.on.mock.calls[0]! as [string, (...args: unknown[]) => void];
    expect(channel).toBe(IPC_COMMAND_CHANNEL);

    const event = { sender: { send() {} }, ports: [] };
    forward(event, 'add-clipping');
    forward(event, 'archive-changed');
    forward(event, 'rm -rf /');
    forward(event, { command: 'add-clipping' });
    forward(event);
    expect(listener.mock.calls).toEqual([['add-clipping'], ['archive-changed']]);

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, forward);
  });

  it('importChunk sends the bytes of the Blob it is given, the other fields as they are', async () => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { received: 6 } });
    const bytes = new Blob([new TextEncoder().encode('कतरन')]).slice(0, 6);
    await bridge.importChunk!({ task: 'task-0001', file: 0, bytes });
    const [channel, sent] = ipcRenderer.invoke.mock.calls[0]! as [string, { bytes: Uint8Array }];
    expect(channel).toBe(IPC_PREFIX + 'importChunk');
    expect(sent).toEqual({ task: 'task-0001', file: 0, bytes: expect.any(Uint8Array) });
    expect(new TextDecoder().decode(sent.bytes)).toBe('कत');
  });

  it('onProgress passes on only the fields of a progress event, and unsubscribes', () => {
    ipcRenderer.on.mockClear();
    ipcRenderer.removeListener.mockClear();
    const listener = vi.fn();
    const unsubscribe = bridge.onProgress!(listener) as () => void;
    const [channel, forward] = ipcRenderer.on.mock.calls[0]! as [string, (...args: unknown[]) => void];
    expect(channel).toBe(IPC_PROGRESS_CHANNEL);
    const event = { sender: { send() {} }, ports: [] };
    const progress = { task: 'task-0001', kind: 'import', step: 'added', done: 6000, total: 15000 };
    forward(event, { ...progress, extra: 'dropped' });
    forward(event, 'not an event');
    forward(event, { ...progress, done: '6000' });
    expect(listener.mock.calls).toEqual([[progress]]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_PROGRESS_CHANNEL, forward);
    expect(() => bridge.onProgress!('nope')).toThrow(TypeError);
  });

  it('onCommand refuses a listener that is not a function', () => {
    expect(() => bridge.onCommand!('nope')).toThrow(TypeError);
  });
});

describe('preload dependencies', () => {
  const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

  it('imports at runtime only electron and api-methods.ts (no zod, no service)', () => {
    const source = read('../../../preload/index.ts');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports.sort()).toEqual(['../archive/api-methods.ts', 'electron']);
    expect(read('../../../archive/api-methods.ts')).not.toMatch(/^import\s+(?!type\s)/m);
  });

  const built = fileURLToPath(new URL('../../../out/preload/index.cjs', import.meta.url));
  it('the built preload (out/preload/index.cjs) requires nothing but electron', () => {
    expect(existsSync(built), 'out/preload is missing: run `npm run build` first (npm test does)').toBe(true);
    const bundle = readFileSync(built, 'utf8');
    const required = [...bundle.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
  });
});
