// Help → Copy diagnostics, wired in main/index.ts and run against the stand-in: versions, OS, archive
// counts and the last log lines reach the clipboard; no clipping text does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { IPC_PREFIX } from '../../../archive/api-methods.ts';
import { buildMenuTemplate } from '../../../main/menu.ts';
import { withoutHome } from '../../../main/diagnostics.ts';
import { tempDir } from '../../support/temp.ts';
import { UNTIL_DONE } from '../../support/until-done.ts';

type StandIn = typeof import('../../support/electron-stand-in.ts');
const argv = process.argv;
let dir: string;
let cleanup: () => Promise<void>;

async function startMain(): Promise<StandIn> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as StandIn;
  electron.resetStandIn();
  await import('../../../main/index.ts');
  await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled(), UNTIL_DONE);
  return electron;
}

function menuItem(template: MenuItemConstructorOptions[], menuId: string, itemId: string) {
  const submenu = template.find((m) => m.id === menuId)?.submenu as MenuItemConstructorOptions[] | undefined;
  const found = submenu?.find((i) => i.id === itemId);
  if (!found) throw new Error(`no ${menuId} → ${itemId}`);
  return found;
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-diagnostics-'));
  process.argv = ['/opt/electron/electron', 'out/main/index.js', '--archive', join(dir, 'archive')];
});
afterEach(async () => {
  process.argv = argv;
  await cleanup();
});

describe('Help → Copy diagnostics', () => {
  it('is in the Help menu, in English and in Hindi', () => {
    const actions = {
      addClipping() {},
      importFiles: vi.fn(),
      exportArchive: vi.fn(),
      copyDiagnostics: vi.fn(),
      onError() {},
    };
    for (const [language, label] of [
      ['en', 'Copy diagnostics'],
      ['hi', 'निदान जानकारी कॉपी करें'],
    ] as const) {
      const template = buildMenuTemplate(actions as never, { language, isPackaged: true, platform: 'linux' });
      expect(template.find((m) => m.id === 'help')?.role).toBe('help');
      expect(menuItem(template, 'help', 'copy-diagnostics').label).toBe(label);
    }
  });

  it('copies versions, OS, archive counts and log lines — and no clipping text', async () => {
    const electron = await startMain();
    const { clipboard, dialog, Menu, recorded, STAND_IN_USER_DATA } = electron;

    // The app logged its start in <user data>/logs/main.log.
    const logFile = join(STAND_IN_USER_DATA, 'logs', 'main.log');
    expect(await readFile(logFile, 'utf8')).toMatch(/\[info\]\s+Press Archive 0\.0\.0-stand-in starting/);

    // A clipping whose words must not appear in the diagnostics.
    const added = await recorded.ipcHandlers.get(IPC_PREFIX + 'add')!(
      { senderFrame: { url: 'app://press-archive/index.html', parent: null } },
      { title: 'गोपनीय सूत्र की ख़बर', body: 'Whistleblower names the contractor.', tags: ['निजी'] },
    );
    expect(added.ok).toBe(true);

    const template = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    (menuItem(template, 'help', 'copy-diagnostics').click as unknown as () => void)();
    await vi.waitFor(() => expect(clipboard.writeText).toHaveBeenCalledTimes(1), UNTIL_DONE);
    const text = clipboard.writeText.mock.calls[0]![0];

    expect(text).toMatch(/^Press Archive 0\.0\.0-stand-in \(development build\)$/m);
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toMatch(/^Electron .* · Chrome .* · Node .* · V8 /m);
    expect(text).toMatch(new RegExp(`^OS: ${process.platform} `, 'm'));
    expect(text).toMatch(/format \d+, generation \d+, 2 clippings, 0 in the trash/);
    expect(text).toMatch(/\d+ files, [\d.]+ KiB on disk/);
    expect(text).toMatch(/Last \d+ log lines/);
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d [\d:.]+\] \[(info|warn|error)\]/m); // the log's own lines
    for (const secret of ['गोपनीय', 'सूत्र', 'Whistleblower', 'contractor', 'निजी', 'उत्तर प्रदेश']) {
      expect(text).not.toContain(secret);
    }
    await vi.waitFor(
      () =>
        expect(dialog.showMessageBox).toHaveBeenCalledWith(
          expect.anything(), // the window
          expect.objectContaining({ type: 'info', message: expect.stringContaining('clipboard') }),
        ),
      UNTIL_DONE,
    );
  });

  it('shows the home folder as ~', () => {
    expect(withoutHome('/home/asha/.config/Press Archive/archive', '/home/asha')).toBe(
      '~/.config/Press Archive/archive',
    );
    expect(withoutHome('/home/ashabhosle/x', '/home/asha')).toBe('/home/ashabhosle/x');
    expect(withoutHome('C:\\Users\\asha\\AppData', 'C:\\Users\\asha')).toBe('~\\AppData');
  });
});
