// Older formats are migrated forward after a backup of their files; a newer one is refused, untouched.
import { cp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { readManifest, shardNamesWithTwoContents } from '../../../support/archive-files.ts';
import { assertCliBuilt, runCli } from '../../../support/cli.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
let dir: string;
archiveDirPerTest((path) => (dir = path));

async function fromFixture(name: string): Promise<void> {
  await cp(join(FIXTURES, name), dir, { recursive: true });
}

describe('format 0: one lowdb file, db.json', () => {
  it('is migrated: fields carried over, the trash kept, a backup of db.json taken first', async () => {
    await fromFixture('archive-v0');
    const original = await readFile(join(dir, 'db.json'));
    const service = await ArchiveService.open(dir);

    expect(await readdir(dir)).not.toContain('db.json');
    expect(await readManifest(dir)).toMatchObject({ formatVersion: 3 });
    expect((await checkArchive(dir)).ok).toBe(true);
    const [backup] = await service.backups();
    expect(backup).toMatchObject({ kind: 'before-migration', formatVersion: 0, clippings: 2, trashed: 1 });
    expect(await readFile(join(dir, 'backups', backup!.name, 'db.json'))).toEqual(original);

    const flood = await service.get({ id: 'lq2v0a1b3c4d5e6f' });
    expect(flood).toEqual({
      id: 'lq2v0a1b3c4d5e6f',
      title: 'गंगा में बढ़ा जलस्तर, कई गाँव डूबे'.normalize('NFC'),
      body: 'पटना। लगातार बारिश से गंगा का जलस्तर ख़तरे के निशान से ऊपर पहुँच गया।\nप्रशासन ने निचले इलाक़ों को ख़ाली कराने के आदेश दिए हैं।'.normalize(
        'NFC',
      ),
      publication: 'हिंदुस्तान',
      date: '2023-08-14',
      language: 'hi',
      tags: ['बाढ़', 'पटना'].map((t) => t.normalize('NFC')),
      addedAt: '2023-08-14T06:30:00.000Z',
      updatedAt: '2023-08-14T06:30:00.000Z',
    });
    const budget = await service.get({ id: 'lq2v0b7c8d9e0f1a' });
    expect(budget.publication).toBeUndefined(); // "" was no publication
    expect(budget).toMatchObject({ author: 'विशेष संवाददाता', updatedAt: '2023-09-03T08:00:00.000Z' });
    expect((await service.list({ trash: true })).map((c) => c.id)).toEqual(['lq2v0c2d3e4f5a6b']);
    expect((await service.get({ id: 'lq2v0c2d3e4f5a6b' })).deletedAt).toBe('2023-02-01T10:00:00.000Z');

    await service.add({ title: 'नई', body: 'नए प्रारूप में' });
    expect(await (await ArchiveService.open(dir)).list()).toHaveLength(3);
  });

  it('restoring the backup taken before the migration migrates it again', async () => {
    await fromFixture('archive-v0');
    const service = await ArchiveService.open(dir);
    await service.add({ title: 'बाद की', body: 'बाद में जोड़ी' });
    const before = (await service.backups()).find((b) => b.kind === 'before-migration')!;
    await service.restoreBackup({ name: before.name });
    expect((await service.list()).map((c) => c.title)).not.toContain('बाद की');
    expect(await service.list()).toHaveLength(2);
    expect(await readdir(dir)).not.toContain('db.json');
    expect((await checkArchive(dir)).ok).toBe(true);
    // Counting starts above every earlier write, so the next snapshot cannot mistake a new file for an old one.
    await service.add({ title: 'फिर', body: 'फिर से' });
    await service.takeBackup();
    expect(await shardNamesWithTwoContents(dir)).toEqual([]);
  });

  it('a broken db.json is reported and left alone: no backup, no new files', async () => {
    await fromFixture('archive-v0');
    const db = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8'));
    delete db.clippings[1].text;
    await writeFile(join(dir, 'db.json'), JSON.stringify(db));
    const before = await snapshotFiles(dir);
    const service = await ArchiveService.open(dir);
    expect((await service.info()).damage?.problems).toEqual([
      { file: 'db.json', detail: expect.stringMatching(/^clippings\[1\]\.text/) },
    ]);
    expect(await service.add({ title: 'x', body: 'y' }).catch((e: { info: unknown }) => e.info)).toMatchObject({
      code: 'damaged',
      params: { file: 'db.json' },
    });
    expect(await snapshotFiles(dir)).toEqual(before);
  });

  it('an interrupted migration (shards written, no manifest yet) is simply done again', async () => {
    await fromFixture('archive-v0');
    await mkdir(join(dir, 'shards'));
    await writeFile(join(dir, 'shards/000001-g1.json'), '{"formatVersion":2,"clippings":[{"id":"lq2v0a1b3c4');
    const service = await ArchiveService.open(dir);
    expect(await service.list()).toHaveLength(2);
    expect((await checkArchive(dir)).ok).toBe(true); // the half-written file is a leftover, not damage
    await service.add({ title: 'नई', body: 'नया' });
    expect(await readdir(join(dir, 'shards'))).not.toContain('000001-g1.json');
  });
});

describe('format 1: manifest + shards rewritten in place', () => {
  it('is migrated with its clippings unchanged and its old files backed up', async () => {
    await fromFixture('archive-v1');
    const oldShard = await readFile(join(dir, 'shards/000001.json'));
    const records = JSON.parse(oldShard.toString()).clippings;
    const service = await ArchiveService.open(dir);
    expect(await service.get({ id: records[0].id })).toEqual(records[0]);
    expect(await service.get({ id: records[1].id })).toEqual(records[1]);
    const manifest = await readManifest(dir);
    expect(manifest).toMatchObject({ formatVersion: 3, createdAt: '2026-10-02T09:15:00.000Z' });
    expect(manifest.shards).toMatchObject([{ count: 2, trashed: 1 }]);
    expect(await readdir(join(dir, 'shards'))).not.toContain('000001.json');
    const [backup] = await service.backups();
    expect(backup).toMatchObject({ kind: 'before-migration', formatVersion: 1 });
    expect(await readFile(join(dir, 'backups', backup!.name, 'shards/000001.json'))).toEqual(oldShard);
    expect((await checkArchive(dir)).ok).toBe(true);
  });
});

describe('a newer format', () => {
  it('is refused with a message, by the app and the CLI, and never rewritten', async () => {
    await fromFixture('archive-v1');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: 4 }));
    const before = await snapshotFiles(dir);
    const error = await ArchiveService.open(dir).catch((e: { info: unknown }) => e.info);
    expect(error).toEqual({ code: 'newerFormat', params: { dir, version: 4 } });
    assertCliBuilt();
    for (const args of [['list'], ['add', '--title', 't', '--body', 'b'], ['check'], ['backups'], ['backup']]) {
      const result = await runCli([...args, '--archive', dir]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr + result.stdout).toMatch(/newer/);
    }
    expect(await snapshotFiles(dir)).toEqual(before);
  });
});
