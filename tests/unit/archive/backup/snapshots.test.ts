// Automatic rotating snapshots in backups/, and restoring any of them with the current state set aside.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { KEEP } from '../../../../archive/backup/policy.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import {
  garbleFile,
  readManifest,
  shardFile,
  shardNamesWithTwoContents,
  truncateFile,
} from '../../../support/archive-files.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
let clock: number;
const now = () => new Date(clock);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

archiveDirPerTest((path) => (dir = path));
beforeEach(() => {
  clock = Date.parse('2026-03-01T09:00:00Z');
});

const open = () => ArchiveService.open(dir, { now });
const titles = async (service: ArchiveService) => (await service.list()).map((c) => c.title).sort();
const kinds = async (service: ArchiveService) => (await service.backups()).map((b) => b.kind);

describe('automatic snapshots', () => {
  it('are taken before the first write of a day and of a session, not before every write', async () => {
    const app = await open(); // creating the archive is not a change of anything: no snapshot
    expect(await app.backups()).toEqual([]);
    await app.add({ title: 'पहली', body: 'एक' });
    const [daily] = await app.backups();
    expect(daily).toMatchObject({ kind: 'daily', clippings: 1, formatVersion: 3 });
    // It holds the state before the write: the seed clipping only.
    const held = JSON.parse(await readFile(join(dir, 'backups', daily!.name, 'manifest.json'), 'utf8'));
    expect(held.shards[0].count).toBe(1);

    clock += MINUTE;
    await app.add({ title: 'दूसरी', body: 'दो' });
    await (await open()).add({ title: 'तीसरी', body: 'तीन' }); // a new session, but a minute after the last snapshot
    expect(await kinds(app)).toEqual(['daily']);

    clock += 11 * MINUTE;
    const later = await open();
    await later.add({ title: 'चौथी', body: 'चार' });
    await later.add({ title: 'पाँचवीं', body: 'पाँच' });
    expect(await kinds(app)).toEqual(['session', 'daily']);
    expect((await app.backups())[0]!.clippings).toBe(4);

    clock += DAY;
    await later.add({ title: 'अगले दिन', body: 'छह' }); // the same session, a new day
    expect(await kinds(app)).toEqual(['daily', 'session', 'daily']);
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it(`keep the newest ${KEEP.daily} daily and ${KEEP.session} session snapshots`, async () => {
    for (let day = 0; day < KEEP.daily + 3; day++) {
      for (let session = 0; session < 2; session++) {
        await (await open()).add({ title: `दिन ${day} सत्र ${session}`, body: `पाठ ${day} ${session}` });
        clock += 15 * MINUTE;
      }
      clock += DAY;
    }
    const backups = await (await open()).backups();
    expect(backups.filter((b) => b.kind === 'daily')).toHaveLength(KEEP.daily);
    expect(backups.filter((b) => b.kind === 'session')).toHaveLength(KEEP.daily + 3);
    expect(backups[0]!.clippings).toBe(2 * (KEEP.daily + 3)); // the newest holds all but the last add
    for (let i = 0; i < 5; i++) {
      clock += 15 * MINUTE;
      await (await open()).add({ title: `और ${i}`, body: `और पाठ ${i}` });
    }
    expect((await (await open()).backups()).filter((b) => b.kind === 'session')).toHaveLength(KEEP.session);
  });

  it('share unchanged shard files between snapshots, never with the live archive', async () => {
    const app = await open();
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ title: `क ${i}`, body: `ख ${i}` }));
    await app.importFiles({ files: [{ name: 'a.ndjson', content: lines.join('\n') }] });
    const full = await shardFile(dir, 1); // 250 clippings: no write changes it any more
    const inBackup = async (name: string) => stat(join(dir, 'backups', name, full));
    for (let session = 0; session < 2; session++) {
      clock += 20 * MINUTE;
      await (await open()).add({ title: `नई ${session}`, body: `नया ${session}` });
    }
    const [second, first] = await app.backups();
    expect([first!.kind, second!.kind]).toEqual(['session', 'session']);
    expect((await inBackup(second!.name)).ino).toBe((await inBackup(first!.name)).ino);
    expect((await inBackup(first!.name)).ino).not.toBe((await stat(join(dir, full))).ino);
    const changing = await shardFile(dir, 2); // written anew by every add: copied each time
    const lastOfFirst = JSON.parse(await readFile(join(dir, 'backups', first!.name, 'manifest.json'), 'utf8'));
    const lastOfSecond = JSON.parse(await readFile(join(dir, 'backups', second!.name, 'manifest.json'), 'utf8'));
    expect(lastOfFirst.shards[1].file).not.toBe(lastOfSecond.shards[1].file);
    expect(lastOfSecond.shards[1].file).not.toBe(changing);
    expect((await checkArchive(join(dir, 'backups', first!.name))).ok).toBe(true);
    expect((await checkArchive(join(dir, 'backups', second!.name))).ok).toBe(true);
  });

  it('a snapshot cut short by a crash is never listed and is cleared away', async () => {
    const app = await open();
    await app.add({ title: 'एक', body: 'एक' });
    const partial = join(dir, 'backups', '.partial-2026-03-01T09-30-00-000Z-session.abcd');
    await mkdir(join(partial, 'shards'), { recursive: true });
    await writeFile(join(partial, 'manifest.json'), '{"format":');
    expect(await kinds(app)).toEqual(['daily']);
    clock += DAY;
    await app.add({ title: 'दो', body: 'दो' });
    expect(await readdir(join(dir, 'backups'))).not.toContain('.partial-2026-03-01T09-30-00-000Z-session.abcd');
  });
});

describe('restore', () => {
  async function threeStates() {
    const app = await open();
    await app.add({ title: 'पहली', body: 'एक' }); // daily snapshot: the seed alone
    clock += 20 * MINUTE;
    const second = await open();
    await second.add({ title: 'दूसरी', body: 'दो' }); // session snapshot: seed + पहली
    return second;
  }

  it('puts back any snapshot, sets the current state aside first, and can itself be undone', async () => {
    const app = await threeStates();
    const current = await titles(app);
    const [session, daily] = await app.backups();

    const result = await app.restoreBackup({ name: daily!.name });
    expect(result.restored).toBe(daily!.name);
    expect(await titles(app)).toHaveLength(1); // the seed only
    expect((await checkArchive(dir)).ok).toBe(true);
    const setAside = (await app.backups()).find((b) => b.name === result.setAside)!;
    expect(setAside).toMatchObject({ kind: 'before-restore', clippings: 3 });

    await app.restoreBackup({ name: session!.name });
    expect(await titles(app)).toEqual([...current.filter((t) => t !== 'दूसरी')].sort());

    await app.restoreBackup({ name: setAside.name }); // undo: back to all three
    expect(await titles(app)).toEqual(current);
    expect((await checkArchive(dir)).ok).toBe(true);
    clock += DAY;
    await app.add({ title: 'अगले दिन', body: 'फिर से' });
    await app.takeBackup();
    expect(await shardNamesWithTwoContents(dir)).toEqual([]);
    // Every restore left the shards folder holding exactly what the manifest names.
    const listed = (await readManifest(dir)).shards.flatMap((s) => {
      const name = s.file.slice('shards/'.length);
      return [name, name.replace('.json', '.summary.json')];
    });
    expect((await readdir(join(dir, 'shards'))).sort()).toEqual(listed.sort());
  });

  it('keeps the saved searches in snapshots and brings them back with a restore', async () => {
    const app = await open();
    await app.saveSearches({ searches: [{ name: 'बाढ़', query: 'बाढ़ पटना' }] });
    await app.add({ title: 'पहली', body: 'एक' }); // daily snapshot, with the saved search
    await app.saveSearches({ searches: [] });
    const [daily] = await app.backups();
    expect(await readdir(join(dir, 'backups', daily!.name))).toContain('saved-searches.json');
    await app.restoreBackup({ name: daily!.name });
    expect(await app.savedSearches()).toEqual([{ name: 'बाढ़', query: 'बाढ़ पटना' }]);
  });

  it('a running app sees the restore made by another process', async () => {
    const app = await threeStates();
    const other = await open();
    const [, daily] = await app.backups();
    await other.restoreBackup({ name: daily!.name });
    expect(await titles(app)).toHaveLength(1);
    await app.add({ title: 'बाद में', body: 'फिर से लिखा' });
    expect(await titles(other)).toHaveLength(2);
  });

  it('repairs a damaged archive; the damaged files are kept, byte for byte, in the set-aside snapshot', async () => {
    await threeStates();
    const shard = await shardFile(dir, 1);
    await garbleFile(join(dir, 'manifest.json'));
    await truncateFile(join(dir, shard));
    const damagedManifest = await readFile(join(dir, 'manifest.json'));
    const damagedShard = await readFile(join(dir, shard));
    const reopened = await open();
    expect((await reopened.info()).damage).toBeDefined();
    const [session] = await reopened.backups();

    const { setAside } = await reopened.restoreBackup({ name: session!.name });
    expect((await reopened.info()).damage).toBeUndefined();
    expect(await titles(reopened)).toHaveLength(2);
    expect((await checkArchive(dir)).ok).toBe(true);
    await reopened.add({ title: 'फिर से', body: 'लिखा जा सकता है' });
    const kept = join(dir, 'backups', setAside!);
    expect(await readFile(join(kept, 'manifest.json'))).toEqual(damagedManifest);
    expect(await readFile(join(kept, shard))).toEqual(damagedShard);
  });

  it('refuses a damaged snapshot and an unknown one, and changes nothing', async () => {
    const app = await threeStates();
    const [session, daily] = await app.backups();
    const file = (await readdir(join(dir, 'backups', daily!.name, 'shards')))[0]!;
    await truncateFile(join(dir, 'backups', daily!.name, 'shards', file));
    const before = await snapshotFiles(dir);
    const dispatch = createDispatcher(app);
    expect(await dispatch('restoreBackup', { name: daily!.name })).toMatchObject({
      ok: false,
      error: { code: 'damaged', params: { file: `backups/${daily!.name}/shards/${file}` } },
    });
    const unknown = session!.name.replace(/^\d{4}/, '1999');
    expect(await dispatch('restoreBackup', { name: unknown })).toEqual({
      ok: false,
      error: { code: 'noSuchBackup', params: { name: unknown } },
    });
    for (const name of ['../../../manifest.json', `${session!.name}/../..`, '/etc', '', 'x'.repeat(5000), 7]) {
      expect(await dispatch('restoreBackup', { name })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await snapshotFiles(dir)).toEqual(before);
  });
});
