// Restoring a whole-archive backup file (restoreFile): it works on a freshly opened archive, a failed
// restore changes nothing and takes no snapshot, and the user's own snapshots are never rotated out
// by it. Every record is checked exactly as `add` checks it.
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path));

async function archiveWithBackupFile(): Promise<{ content: string; titles: string[] }> {
  const app = await ArchiveService.open(dir);
  await app.add({ title: 'पहली', body: 'एक' });
  await app.add({ title: 'दूसरी', body: 'दो' });
  const { content } = await app.backupFile();
  const titles = (await app.list()).map((c) => c.title).sort();
  await app.add({ title: 'बाद की', body: 'बाद में' });
  return { content, titles };
}

describe('restoreFile', () => {
  it('works on a freshly opened archive (nothing read yet) and sets the current state aside once', async () => {
    const { content, titles } = await archiveWithBackupFile();
    const fresh = await ArchiveService.open(dir); // as `serve` right after its start
    const before = (await fresh.backups()).length;
    const result = await createDispatcher(fresh)('restoreFile', { name: 'backup.json', content });
    expect(result).toMatchObject({ ok: true, value: { restored: titles.length } });
    expect((await fresh.list()).map((c) => c.title).sort()).toEqual(titles);
    const after = await fresh.backups();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ kind: 'before-restore', clippings: titles.length + 1 });
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it('a refused restore changes nothing and takes no snapshot, however often it is tried', async () => {
    const { content } = await archiveWithBackupFile();
    const app = await ArchiveService.open(dir);
    for (let i = 0; i < 3; i++) await app.takeBackup();
    const bad = JSON.parse(content);
    bad.clippings[0].title = 'x\u001b]0;pwned\u0007';
    const before = await snapshotFiles(dir);
    for (let i = 0; i < 25; i++) {
      const result = await createDispatcher(app)('restoreFile', { name: 'b.json', content: JSON.stringify(bad) });
      expect(result).toMatchObject({ ok: false, error: { code: 'badBackupRecord' } });
    }
    expect(await snapshotFiles(dir)).toEqual(before);
    expect((await app.backups()).filter((b) => b.kind === 'manual')).toHaveLength(3);
  });

  it('manual snapshots are never rotated out by restores or automatic snapshots', async () => {
    const { content } = await archiveWithBackupFile();
    const app = await ArchiveService.open(dir);
    const manual = await app.takeBackup();
    for (let i = 0; i < 21; i++) await app.restoreFile({ name: 'b.json', content });
    expect((await app.backups()).map((b) => b.name)).toContain(manual.name);
  });

  it.each([
    ['ESC in the title', { title: 'a\u001b[31mred' }],
    ['OSC in the publication', { publication: '\u001b]8;;http://x\u0007link' }],
    ['NUL in the author', { author: 'a\u0000b' }],
    ['CR in the place', { place: 'a\rb' }],
    ['a bidi override in the title', { title: 'abc\u202Egnp.exe' }],
    ['a 5,000,000-character title', { title: 'क'.repeat(5_000_000) }],
    ['an empty body', { body: ' ' }],
  ])('refuses a record with %s, as add does', async (_, change) => {
    const { content } = await archiveWithBackupFile();
    const app = await ArchiveService.open(dir);
    const bad = JSON.parse(content);
    Object.assign(bad.clippings[1], change);
    const before = await snapshotFiles(dir);
    const result = await createDispatcher(app)('restoreFile', { name: 'b.json', content: JSON.stringify(bad) });
    expect(result).toMatchObject({ ok: false, error: { code: 'badBackupRecord', params: { record: 2 } } });
    expect(await snapshotFiles(dir)).toEqual(before);
    const added = await app.add({ title: 'ठीक', body: 'ठीक', ...change }).then(
      () => 'added',
      (e: { info: { code: string } }) => e.info.code,
    );
    expect(added).toBe('validation');
  });
});
