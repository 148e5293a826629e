// The application window: secure web preferences, the preload, the app URL, shown when ready.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { PRELOAD_PATH, RENDERER_DIR } from '../../../main/app-paths.ts';
import { createMainWindow } from '../../../main/window.ts';
import { BrowserWindow, resetStandIn } from '../../support/electron-stand-in.ts';

beforeEach(() => resetStandIn());

describe('main window', () => {
  it('is created with secure web preferences and the CommonJS preload', () => {
    createMainWindow(PRELOAD_PATH);
    expect(BrowserWindow.instances).toHaveLength(1);
    const { options } = BrowserWindow.instances[0]!;
    const prefs = options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.preload).toBe(PRELOAD_PATH);
    expect(prefs.preload!.endsWith('index.cjs')).toBe(true);
    expect(options.title).toBe('Press Archive');
  });

  it('finds the built preload and renderer next to the built main (out/main → out/preload, out/renderer)', () => {
    expect(PRELOAD_PATH.endsWith(join('preload', 'index.cjs'))).toBe(true);
    expect(RENDERER_DIR.endsWith(join('', 'renderer'))).toBe(true);
    expect(join(PRELOAD_PATH, '..', '..')).toBe(join(RENDERER_DIR, '..'));
  });

  it('loads app://press-archive/index.html and shows itself only when ready to show', () => {
    const window = createMainWindow('/x/out/preload/index.cjs') as unknown as BrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://press-archive/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
