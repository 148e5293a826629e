// The sharded store itself: opening reads only the manifest (and checks the shard files' sizes);
// a lookup reads the one shard whose id range covers it; no invalid record ever reaches the disk;
// a reader keeps up with a writer in another process (superseded files are gone, it reads again).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../archive/clipping.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { ShardedStore } from '../../../../archive/storage/sharded-store.ts';
import { garbleFile, readManifest, shardFile, truncateFile } from '../../../support/archive-files.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path));

async function threeShards(): Promise<string[]> {
  const service = await ArchiveService.open(dir);
  const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ title: `ख़बर ${i}`, body: `पाठ ${i}` }));
  const report = await service.importFiles({ files: [{ name: 'many.ndjson', content: lines.join('\n') }] });
  expect((await readManifest(dir)).shards.map((s) => s.count)).toEqual([250, 250, 101]);
  return report.addedIds;
}

describe('the sharded store', () => {
  it('opens from the manifest alone and reads only the shard a lookup needs', async () => {
    const ids = await threeShards();
    // Rubbish of the same size in the first shard: only reading that file can tell.
    await garbleFile(join(dir, await shardFile(dir, 1)));
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    expect(store.damage).toBeUndefined();
    expect((await store.get(ids.at(-1)!))?.title).toBe('ख़बर 599'); // in shard 3
    expect((await store.get(ids[300]!))?.title).toBe('ख़बर 300'); // in shard 2
    expect(store.damage).toBeUndefined();
    await store.verify(); // the check the app runs after showing the list reads everything, and finds the damage
    expect(store.damage?.problems[0]?.file).toBe(await shardFile(dir, 1));
  });

  it('notices at open, before anything reads it, a shard whose size is not the one it was written with', async () => {
    const ids = await threeShards();
    await truncateFile(join(dir, await shardFile(dir, 1)), 0.9);
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    expect(store.damage?.problems[0]?.file).toBe(await shardFile(dir, 1));
    const refused = await ShardedStore.open(dir, { initialClippings: () => [], whenDamaged: 'refuse' }).catch(
      (e: { info: unknown }) => e.info,
    );
    expect(refused).toMatchObject({ code: 'damaged', params: { file: await shardFile(dir, 1) } });
    expect((await store.get(ids.at(-1)!))?.title).toBe('ख़बर 599'); // still readable where it is sound
  });

  it('records the id range of each shard in the manifest; one import fills shards whose ranges do not overlap', async () => {
    const ids = await threeShards();
    const shards = (await readManifest(dir)).shards;
    expect(shards[2]).toMatchObject({ lastId: [...ids].sort().at(-1), trashed: 0 });
    for (const s of shards) expect(s.firstId! <= s.lastId!).toBe(true);
    // Hundreds of ids are made in one millisecond: they still sort in the order they were made, so
    // a lookup reads one shard.
    for (let i = 1; i < shards.length; i++) expect(shards[i - 1]!.lastId! < shards[i]!.firstId!).toBe(true);
  });

  it('never writes an invalid record, whatever the caller computed', async () => {
    await ArchiveService.open(dir);
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    const [seed] = await store.all();
    const before = await snapshotFiles(dir);
    const broken = [
      (c: Clipping) => ({ ...c, title: '' }),
      (c: Clipping) => ({ ...c, date: '2024-02-30' }),
      (c: Clipping) => ({ ...c, url: 'javascript:alert(1)' }),
      (c: Clipping) => ({ ...c, addedAt: 'yesterday' }),
      (c: Clipping) => ({ ...c, extra: 1 }) as Clipping,
      (c: Clipping) => ({ ...c, id: 'zzzzzzzzzzzz' }),
    ];
    for (const change of broken) {
      const error = await store.update(seed!.id, change).catch((e: { info: { code: string } }) => e.info);
      expect(['validation', 'internal']).toContain((error as { code: string }).code);
    }
    const insert = await store
      .insert(async () => [{ ...seed!, id: 'abcdefgh12345678', body: 42 } as unknown as Clipping])
      .catch((e: { info: { code: string } }) => e.info);
    expect(insert).toMatchObject({ code: 'validation' });
    expect(await snapshotFiles(dir)).toEqual(before);
  });

  it('a reader keeps up with a writer in another process', async () => {
    await threeShards();
    const reader = await ArchiveService.open(dir);
    const writer = await ArchiveService.open(dir);
    for (let i = 0; i < 30; i++) {
      const [added] = await Promise.all([writer.add({ title: `नई ${i}`, body: `नया ${i}` }), reader.list()]);
      expect((await reader.get({ id: added.id })).title).toBe(`नई ${i}`);
    }
    expect(await reader.list()).toHaveLength(631);
    // The files it had read are gone (superseded); it read the new ones named by the new manifest.
    const names = (await readManifest(dir)).shards.map((s) => s.file);
    expect(JSON.parse(await readFile(join(dir, names[2]!), 'utf8')).clippings).toHaveLength(131);
  });

  it('a shard changed by hand to something valid, and larger, is read at open and found changed', async () => {
    await threeShards();
    const file = await shardFile(dir, 2);
    const shard = JSON.parse(await readFile(join(dir, file), 'utf8'));
    shard.clippings[0].notes = 'हाथ से जोड़ी गई एक लंबी टिप्पणी';
    await writeFile(join(dir, file), JSON.stringify(shard, null, 2));
    const service = await ArchiveService.open(dir);
    expect((await service.info()).damage?.problems).toContainEqual({
      file,
      id: shard.clippings[0].id,
      detail: `clipping ${shard.clippings[0].id} does not match its checksum`,
    });
  });
});
