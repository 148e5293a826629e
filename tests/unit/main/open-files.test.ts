// The file associations at work: a file the system opens with the app (double-click, "Open with",
// the command line, a second launch, macOS open-file) is imported into the real archive on disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { IPC_PREFIX } from '../../../archive/api-methods.ts';
import { createFileOpener, filesToOpen } from '../../../main/open-files.ts';
import { tempDir } from '../../support/temp.ts';
import { UNTIL_DONE } from '../../support/until-done.ts';

type StandIn = typeof import('../../support/electron-stand-in.ts');
const argv = process.argv;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => ({ dir, cleanup } = await tempDir('press-archive-open-files-')));
afterEach(async () => {
  process.argv = argv;
  await cleanup();
});

const exportFile = (clippings: { title: string; body: string }[]) => JSON.stringify(clippings, null, 2);

describe('which command-line arguments are files to open', () => {
  it('keeps existing importable files, given as paths or file:// URLs; drops switches and --archive', async () => {
    await mkdir(join(dir, 'exports'));
    const json = join(dir, 'exports', 'press-archive-2024-07-15.json');
    const ndjson = join(dir, 'exports', 'कतरनें.ndjson');
    await writeFile(json, '[]');
    await writeFile(ndjson, '');
    await writeFile(join(dir, 'photo.png'), '');
    const dev = [
      '/opt/electron/electron',
      'out/main/index.js',
      '--archive',
      join(dir, 'exports', 'press-archive-2024-07-15.json'), // the value of --archive, not a file to open
      json,
      pathToFileURL(ndjson).href,
      '--enable-logging',
      join(dir, 'photo.png'),
      join(dir, 'missing.json'),
      json,
    ];
    expect(filesToOpen(dev, false)).toEqual([json, ndjson]);
    expect(
      filesToOpen(['/opt/Press Archive/press-archive', 'exports/press-archive-2024-07-15.json'], true, dir),
    ).toEqual([json]);
    expect(filesToOpen(['/opt/electron/electron', 'out/main/index.js'], false)).toEqual([]);
  });

  it('holds files until the app is ready, then hands them over in one batch', () => {
    const opener = createFileOpener();
    const batches: string[][] = [];
    opener.open(['/a.json']);
    opener.open(['/b.json']);
    expect(batches).toEqual([]);
    opener.ready((paths) => batches.push(paths));
    opener.open([]);
    opener.open(['/c.json']);
    expect(batches).toEqual([['/a.json', '/b.json'], ['/c.json']]);
  });
});

describe('the desktop app opening files', () => {
  async function startMain(args: string[]): Promise<StandIn> {
    process.argv = ['/opt/electron/electron', 'out/main/index.js', '--archive', join(dir, 'archive'), ...args];
    vi.resetModules();
    const electron = (await import('electron')) as unknown as StandIn;
    electron.resetStandIn();
    await import('../../../main/index.ts');
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1), UNTIL_DONE);
    return electron;
  }

  async function titles(electron: StandIn): Promise<string[]> {
    const list = await electron.recorded.ipcHandlers.get(IPC_PREFIX + 'list')!(
      { senderFrame: { url: 'app://press-archive/index.html', parent: null } },
      {},
    );
    return list.value.map((c: { title: string }) => c.title).sort();
  }

  it('imports a .json export named on the command line once the window shows, and says so', async () => {
    const file = join(dir, 'export.json');
    await writeFile(
      file,
      exportFile([
        { title: 'गंगा में बढ़ा जलस्तर', body: 'पटना में गंगा खतरे के निशान से ऊपर।' },
        { title: 'चुनाव परिणाम', body: 'मतगणना आज होगी।' },
      ]),
    );
    const electron = await startMain([file]);
    const window = electron.BrowserWindow.instances[0]!;
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled(); // not before the window shows
    window.emit('ready-to-show');
    await vi.waitFor(
      () =>
        expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
          window,
          expect.objectContaining({ message: 'Added: 2. Skipped (already in the archive): 0. Problems: 0.' }),
        ),
      UNTIL_DONE,
    );
    expect(await titles(electron)).toEqual(expect.arrayContaining(['गंगा में बढ़ा जलस्तर', 'चुनाव परिणाम']));
  });

  it('imports files from macOS open-file and from a second launch; a file opened twice is skipped', async () => {
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    await writeFile(first, exportFile([{ title: 'बाढ़ की चेतावनी', body: 'नदी किनारे के गांव खाली कराए गए।' }]));
    await writeFile(second, exportFile([{ title: 'मेट्रो का नया रूट', body: 'नई लाइन अगले महीने खुलेगी।' }]));
    const electron = await startMain([]);
    const { app, dialog } = electron;
    const window = electron.BrowserWindow.instances[0]!;

    const openFile = { preventDefault: vi.fn() };
    app.emit('open-file', openFile, first); // may come before the window shows
    expect(openFile.preventDefault).toHaveBeenCalled();
    window.emit('ready-to-show');
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1), UNTIL_DONE);

    app.emit('second-instance', {}, ['/opt/electron/electron', 'out/main/index.js', second, first], dir);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(2), UNTIL_DONE);
    expect(dialog.showMessageBox.mock.calls[1]![1]).toMatchObject({
      message: 'Added: 1. Skipped (already in the archive): 1. Problems: 0.',
    });
    expect(await titles(electron)).toEqual(expect.arrayContaining(['बाढ़ की चेतावनी', 'मेट्रो का नया रूट']));
    expect(window.focus).toHaveBeenCalled();
  });
});
