// "Back up now" and the archive's folder through the dispatcher, as the backups dialog calls them,
// on a real archive folder.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import type { ArchiveInfo } from '../../../../archive/api.ts';
import type { BackupInfo } from '../../../../archive/backup/backup-info.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { valueOf } from '../../../support/dispatched-archive.ts';
import { tempDir } from '../../../support/temp.ts';

let cleanup: () => Promise<void>;
let dir: string;

beforeEach(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  dir = join(temp.dir, 'archive');
});
afterEach(() => cleanup());

const value = valueOf;

describe('takeBackup', () => {
  it('writes a snapshot into backups/ and lists it first', async () => {
    const dispatch = createDispatcher(await ArchiveService.open(dir));
    const taken = await value<BackupInfo>(dispatch, 'takeBackup', {});
    expect(taken.kind).toBe('manual');
    expect(await readdir(join(dir, 'backups'))).toContain(taken.name);
    const listed = await value<BackupInfo[]>(dispatch, 'backups', {});
    expect(listed[0]?.name).toBe(taken.name);
    expect((await dispatch('takeBackup', { extra: 1 })).ok).toBe(false);
  });
});

describe('the archive folder', () => {
  it('info says where the archive is; without a host that can show folders, nothing is opened', async () => {
    const dispatch = createDispatcher(await ArchiveService.open(dir));
    const info = await value<ArchiveInfo>(dispatch, 'info', {});
    expect(info.archiveDir).toBe(dir);
    expect(info.canOpenFolder).toBe(false);
    expect(await dispatch('openArchiveFolder', {})).toEqual({ ok: true, value: { opened: false } });
  });

  it('the desktop host is asked to show the archive folder, and only that one', async () => {
    const shown: string[] = [];
    const service = await ArchiveService.open(dir, { showFolder: async (d) => void shown.push(d) });
    const dispatch = createDispatcher(service);
    const info = await value<ArchiveInfo>(dispatch, 'info', {});
    expect(info.canOpenFolder).toBe(true);
    expect(await dispatch('openArchiveFolder', { path: '/etc' })).toMatchObject({ ok: false });
    expect(await dispatch('openArchiveFolder', {})).toEqual({ ok: true, value: { opened: true } });
    expect(shown).toEqual([dir]);
  });
});
