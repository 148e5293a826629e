// The store keeps the shards it read or wrote within a bound of bytes, least recently used out
// first; a shard dropped from memory and read again is checked again, so a bounded cache never
// serves a changed byte.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { ShardCache } from '../../../../archive/storage/shard-cache.ts';
import { ShardedStore } from '../../../../archive/storage/sharded-store.ts';
import { garbleFile, readManifest, shardFile } from '../../../support/archive-files.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path));

const shard = (bytes: number) => ({ clippings: [], stamp: '', bytes });

describe('the shard cache', () => {
  it('drops the least recently used shards beyond its bound of bytes', () => {
    const cache = new ShardCache(100);
    cache.set('a', shard(40));
    cache.set('b', shard(40));
    expect(cache.get('a')).toBeDefined(); // now b is the oldest
    cache.set('c', shard(40));
    expect([...cache.keys()]).toEqual(['a', 'c']);
    expect(cache.bytes).toBe(80);
    cache.set('a', shard(10)); // kept again: counted once, with its new size
    expect(cache.bytes).toBe(50);
    cache.delete('c');
    expect(cache.bytes).toBe(10);
  });

  it('keeps a shard larger than the bound until the next one comes', () => {
    const cache = new ShardCache(100);
    cache.set('a', shard(40));
    cache.set('big', shard(500));
    expect([...cache.keys()]).toEqual(['big']);
    cache.set('b', shard(40));
    expect([...cache.keys()]).toEqual(['b']);
  });

  it('lets a store with a small bound read, write and check as before, and find damage in a dropped shard', async () => {
    const service = await ArchiveService.open(dir);
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ title: `ख़बर ${i}`, body: `पाठ ${i}` }));
    const { addedIds: ids } = await service.importFiles({
      files: [{ name: 'many.ndjson', content: lines.join('\n') }],
    });
    const smallest = Math.min(...(await readManifest(dir)).shards.map((s) => s.bytes));
    const store = await ShardedStore.open(dir, { initialClippings: () => [], shardCacheBytes: smallest });
    expect((await store.get(ids[0]!))?.title).toBe('ख़बर 0'); // shard 1 (with the seed clipping)
    expect((await store.get(ids.at(-1)!))?.title).toBe('ख़बर 599'); // shard 3: shard 1 is dropped
    await store.update(ids[1]!, (c) => ({ ...c, title: 'बदला' })); // shard 1 read again, written anew
    expect((await store.get(ids[1]!))?.title).toBe('बदला');
    expect((await store.all()).length).toBe(601);
    // Rubbish of the same size in shard 2, which the store read and then dropped: read again, it is found.
    expect((await store.get(ids[300]!))?.title).toBe('ख़बर 300');
    await store.get(ids.at(-1)!);
    await garbleFile(join(dir, await shardFile(dir, 2)));
    await store.get(ids[300]!);
    expect(store.damage?.problems[0]?.file).toBe(await shardFile(dir, 2));
  });

  it('gives many clippings by id from the shards whose id range holds them, and reads no other shard', async () => {
    const service = await ArchiveService.open(dir);
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ title: `ख़बर ${i}`, body: `पाठ ${i}` }));
    const { addedIds: ids } = await service.importFiles({
      files: [{ name: 'many.ndjson', content: lines.join('\n') }],
    });
    expect((await readManifest(dir)).shards.length).toBeGreaterThanOrEqual(3);
    // Rubbish in shard 2: a read of it would make the archive damaged.
    await garbleFile(join(dir, await shardFile(dir, 2)));
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    const firstAndLast = [ids[0]!, ids[1]!, ids.at(-1)!, 'zzzzzzzzzzzz'];
    const found = await store.getMany(firstAndLast);
    expect(found.map((c) => c.title).sort()).toEqual(['ख़बर 0', 'ख़बर 1', 'ख़बर 599']);
    expect(store.damage).toBeUndefined(); // shard 2 was never read
    await store.getMany([ids[300]!]);
    expect(store.damage?.problems[0]?.file).toBe(await shardFile(dir, 2));
  });
});
