// The application menu and its commands: Add clipping, Import… (real files into the real
// archive), Export… (the whole archive as JSON), Quit; Edit roles; View only in development.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { IPC_COMMAND_CHANNEL, IPC_PROGRESS_CHANNEL } from '../../../archive/api-methods.ts';
import { ArchiveService } from '../../../archive/service.ts';
import { createDispatcher } from '../../../archive/transport/dispatch.ts';
import { exportFromDialog } from '../../../main/export-command.ts';
import { importFromDialog } from '../../../main/import-command.ts';
import { buildMenuTemplate, installApplicationMenu, type MenuActions } from '../../../main/menu.ts';
import { sendUiCommand } from '../../../main/ui-commands.ts';
import { BrowserWindow, dialog, Menu, resetStandIn } from '../../support/electron-stand-in.ts';
import { UNTIL_DONE } from '../../support/until-done.ts';

function fakeActions(): MenuActions & { [K in keyof MenuActions]: ReturnType<typeof vi.fn> } {
  return {
    addClipping: vi.fn(),
    importFiles: vi.fn(async () => undefined),
    exportArchive: vi.fn(async () => undefined),
    onError: vi.fn(),
  } as never;
}

function submenu(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions[] {
  const top = template.find((item) => item.id === id);
  if (!top) throw new Error(`no menu ${id}`);
  return top.submenu as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const click = (menuItem: MenuItemConstructorOptions) => (menuItem.click as unknown as () => void)();

beforeEach(() => resetStandIn());

describe('menu template', () => {
  it('has File → Add clipping (Ctrl/Cmd+N), Import…, Export…, Quit, in English', () => {
    const file = submenu(
      buildMenuTemplate(fakeActions(), { language: 'en', isPackaged: false, platform: 'linux' }),
      'file',
    );
    expect(item(file, 'add-clipping')).toMatchObject({ label: 'Add clipping', accelerator: 'CmdOrCtrl+N' });
    expect(item(file, 'import').label).toBe('Import…');
    expect(item(file, 'export').label).toBe('Export…');
    expect(item(file, 'quit')).toMatchObject({ label: 'Quit', role: 'quit' });
  });

  it('speaks Hindi when the OS does', () => {
    const template = buildMenuTemplate(fakeActions(), { language: 'hi', isPackaged: false, platform: 'linux' });
    const file = submenu(template, 'file');
    expect(template.find((i) => i.id === 'file')!.label).toBe('फ़ाइल');
    expect(item(file, 'add-clipping').label).toBe('कतरन जोड़ें');
    expect(item(file, 'import').label).toBe('आयात करें…');
    expect(item(file, 'export').label).toBe('निर्यात करें…');
    expect(item(file, 'quit').label).toBe('बंद करें');
  });

  it('runs the actions when clicked', async () => {
    const actions = fakeActions();
    const file = submenu(buildMenuTemplate(actions, { language: 'en', isPackaged: true, platform: 'win32' }), 'file');
    click(item(file, 'add-clipping'));
    click(item(file, 'import'));
    click(item(file, 'export'));
    expect(actions.addClipping).toHaveBeenCalledTimes(1);
    expect(actions.importFiles).toHaveBeenCalledTimes(1);
    expect(actions.exportArchive).toHaveBeenCalledTimes(1);
  });

  it('reports a command that throws instead of leaving a rejected promise', async () => {
    const actions = fakeActions();
    actions.importFiles.mockRejectedValueOnce(new Error('disk gone'));
    const file = submenu(buildMenuTemplate(actions, { language: 'en', isPackaged: true, platform: 'linux' }), 'file');
    click(item(file, 'import'));
    await vi.waitFor(() => expect(actions.onError).toHaveBeenCalledWith(new Error('disk gone')), UNTIL_DONE);
  });

  it('has the standard Edit roles so copy and paste work', () => {
    const edit = submenu(
      buildMenuTemplate(fakeActions(), { language: 'en', isPackaged: true, platform: 'linux' }),
      'edit',
    );
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('offers View → Reload / Toggle DevTools only when not packaged', () => {
    const dev = buildMenuTemplate(fakeActions(), { language: 'en', isPackaged: false, platform: 'linux' });
    expect(submenu(dev, 'view').map((i) => i.role)).toEqual(['reload', 'toggleDevTools']);
    const packaged = buildMenuTemplate(fakeActions(), { language: 'en', isPackaged: true, platform: 'linux' });
    expect(packaged.some((i) => i.id === 'view')).toBe(false);
    expect(JSON.stringify(packaged)).not.toContain('toggleDevTools');
  });

  it('puts Quit in the application menu on macOS', () => {
    const template = buildMenuTemplate(fakeActions(), { language: 'en', isPackaged: true, platform: 'darwin' });
    expect(template[0]!.role).toBe('appMenu');
    expect(submenu(template, 'file').some((i) => i.role === 'quit')).toBe(false);
  });

  it('installs itself as the application menu', () => {
    installApplicationMenu(fakeActions(), { language: 'en', isPackaged: true, platform: 'linux' });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(Menu.setApplicationMenu.mock.calls[0]![0]).toBe(Menu.buildFromTemplate.mock.results[0]!.value);
  });
});

describe('menu commands', () => {
  let dir: string;
  let service: ArchiveService;
  let window: BrowserWindow;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'press-archive-menu-'));
    service = await ArchiveService.open(join(dir, 'archive'));
    window = new BrowserWindow({});
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('Add clipping sends add-clipping to the window', () => {
    sendUiCommand(window as never, 'add-clipping');
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, 'add-clipping');
    window.destroyed = true;
    sendUiCommand(window as never, 'archive-changed');
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('Import… reads the chosen files in main, imports them and reports added/skipped/errors', async () => {
    const txt = join(dir, 'बारिश.txt');
    const ndjson = join(dir, 'batch.ndjson');
    await writeFile(txt, '\uFEFFदिल्ली में भारी बारिश\n\nराजधानी में आज सुबह से बारिश हो रही है।\n');
    await writeFile(
      ndjson,
      [
        JSON.stringify({ title: 'चुनाव परिणाम', body: 'मतगणना आज होगी।', date: '2024-06-04' }),
        JSON.stringify({ title: '', body: 'बिना शीर्षक' }),
        JSON.stringify({ title: 'दोहराव', body: 'राजधानी में आज सुबह से बारिश हो रही है।' }),
      ].join('\n'),
    );
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [txt, ndjson] });

    const report = await importFromDialog(window as never, { dispatch: createDispatcher(service), language: 'en' });

    const [, options] = dialog.showOpenDialog.mock.calls[0]! as [unknown, OpenDialogOptions];
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters![0]!.extensions.sort()).toEqual(['json', 'md', 'ndjson', 'txt']);

    expect(report).toMatchObject({ added: 2, skipped: 1 });
    expect(report!.errors).toHaveLength(1);
    const titles = (await service.list()).map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['दिल्ली में भारी बारिश', 'चुनाव परिणाम']));
    expect(titles).toHaveLength(3);

    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, box] = dialog.showMessageBox.mock.calls[0]! as [unknown, MessageBoxOptions];
    expect(parent).toBe(window);
    expect(box.type).toBe('warning');
    expect(box.message).toBe('Added: 2. Skipped (already in the archive): 1. Problems: 1.');
    expect(box.detail).toBe('batch.ndjson (line 2): The clipping was not saved: Title is required.');
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, 'archive-changed');
  });

  it('Import… reports in Hindi when the OS is Hindi', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify([
        { title: 'ठीक', body: 'पाठ' },
        { title: 'x', body: 'y', date: '2024-02-30' },
      ]),
    );
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [bad] });
    await importFromDialog(window as never, { dispatch: createDispatcher(service), language: 'hi' });
    const [, box] = dialog.showMessageBox.mock.calls[0]! as [unknown, MessageBoxOptions];
    expect(box.message).toContain('जोड़ी गईं: 1');
    expect(box.detail).toContain('तारीख़');
  });

  it('Import… names a file that is not UTF-8, imports the others, and sends the progress to the window', async () => {
    const good = join(dir, 'good.txt');
    const latin1 = join(dir, 'latin1.txt');
    await writeFile(good, 'शीर्षक\n\nपाठ');
    await writeFile(latin1, Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0xff]));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [good, latin1] });

    const report = await importFromDialog(window as never, { dispatch: createDispatcher(service), language: 'en' });

    expect(report).toMatchObject({ added: 1, errors: [{ file: 'latin1.txt' }] });
    expect((await service.list()).map((c) => c.title)).toContain('शीर्षक');
    const [, box] = dialog.showMessageBox.mock.calls[0]! as [unknown, MessageBoxOptions];
    expect(box.type).toBe('warning');
    expect(box.detail).toBe('latin1.txt: latin1.txt cannot be read: it is not UTF-8 text');
    const sent = window.webContents.send.mock.calls as [string, { kind?: string; step?: string }][];
    const progress = sent.filter(([channel]) => channel === IPC_PROGRESS_CHANNEL).map(([, event]) => event);
    expect(progress.map((e) => e.step)).toEqual(expect.arrayContaining(['bytes', 'read', 'added']));
    expect(progress.every((e) => e.kind === 'import')).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_COMMAND_CHANNEL, 'archive-changed');
  });

  it('Import… does nothing when cancelled', async () => {
    const report = await importFromDialog(window as never, { dispatch: createDispatcher(service), language: 'en' });
    expect(report).toBeUndefined();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('Export… writes the whole archive as JSON to the chosen file', async () => {
    const added = await service.add({ title: 'निर्यात', body: 'पूरा पाठ यहाँ है।' });
    const out = join(dir, 'export.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: out });

    const written = await exportFromDialog(window as never, { service, language: 'en' });

    expect(written).toBe(out);
    const exported = JSON.parse(await readFile(out, 'utf8')) as Array<{ id: string; body: string }>;
    expect(exported).toHaveLength(2);
    expect(exported.find((c) => c.id === added.id)?.body).toBe('पूरा पाठ यहाँ है।');
    const [, box] = dialog.showMessageBox.mock.calls[0]! as [unknown, MessageBoxOptions];
    expect(box.message).toBe(`2 clippings were written to ${out}.`);
  });

  it('Export… shows an error when the file cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'export.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: out });
    const written = await exportFromDialog(window as never, { service, language: 'en' });
    expect(written).toBeUndefined();
    const [, box] = dialog.showMessageBox.mock.calls[0]! as [unknown, MessageBoxOptions];
    expect(box.type).toBe('error');
    expect(box.detail).toContain(`Could not read or write ${out}`);
  });
});
