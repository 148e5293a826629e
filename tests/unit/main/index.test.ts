// main/index.ts end to end against the stand-in: single-instance lock, then ready → archive →
// IPC → protocol → window → menu, with the archive named by --archive on a real temp folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { API_METHODS, IPC_BYTES_CHANNEL, IPC_PREFIX } from '../../../archive/api-methods.ts';
import { UNTIL_DONE } from '../../support/until-done.ts';

type StandIn = typeof import('../../support/electron-stand-in.ts');
const argv = process.argv;
let dir: string;

/**
 * A fresh run of main/index.ts (it runs on import). vitest caches the mocked module across
 * resetModules, so the stand-in main/ sees is the one `import('electron')` answers here.
 */
async function startMain(prepare: (electron: StandIn) => void = () => {}): Promise<StandIn> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as StandIn;
  electron.resetStandIn();
  prepare(electron);
  await import('../../../main/index.ts');
  return electron;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'press-archive-main-'));
  process.argv = ['/opt/electron/electron', 'out/main/index.js', '--archive', join(dir, 'archive')];
});

afterEach(async () => {
  process.argv = argv;
  await rm(dir, { recursive: true, force: true });
});

describe('main process lifecycle', () => {
  it('opens the --archive folder, registers IPC and the protocol, then opens the window and menu', async () => {
    const { app, BrowserWindow, Menu, protocol, recorded, session } = await startMain();
    await vi.waitFor(() => expect(Menu.setApplicationMenu).toHaveBeenCalled(), UNTIL_DONE);

    // Before ready: the privileged scheme, the sandbox, the guards.
    const readyOrder = app.whenReady.mock.invocationCallOrder[0]!;
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!).toBeLessThan(readyOrder);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);

    // The archive was created in the folder named on the command line, with the seed clipping.
    expect((await readdir(join(dir, 'archive'))).length).toBeGreaterThan(0);
    // One handler per API method, and one that answers the read-only methods as bytes for the worker.
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(
      [...API_METHODS.map((m) => IPC_PREFIX + m), IPC_BYTES_CHANNEL].sort(),
    );
    const list = await recorded.ipcHandlers.get(IPC_PREFIX + 'list')!(
      { senderFrame: { url: 'app://press-archive/index.html', parent: null } },
      {},
    );
    expect(list.ok).toBe(true);
    expect(list.value).toHaveLength(1);

    expect(recorded.protocolHandlers.has('app')).toBe(true);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://press-archive/index.html');
    // IPC handlers and the protocol exist before the page can load.
    expect(protocol.handle.mock.invocationCallOrder[0]!).toBeLessThan(window.loadURL.mock.invocationCallOrder[0]!);

    // A second instance focuses this window; closing it quits (not on macOS).
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(app.quit).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const { app, BrowserWindow, recorded } = await startMain((electron) => {
      electron.app.requestSingleInstanceLock.mockReturnValue(false);
    });
    // main/index.ts decides on import: it has quit, and started nothing, before startMain returns.
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(recorded.ipcHandlers.size).toBe(0);
  });

  it('shows an error and exits when the archive cannot be opened', async () => {
    // A file where the archive folder should be.
    process.argv = ['/opt/electron/electron', 'out/main/index.js', '--archive', join(dir, 'file')];
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'file'), 'not a folder');
    const { app, BrowserWindow, dialog } = await startMain();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1), UNTIL_DONE);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});
