// The shards a store has read or written lately, kept so that the next read or write of the same
// shard does not read it again. Bounded by the size of their files: an import of 100,000 clippings
// would otherwise keep every shard it wrote (about half a gigabyte), and the garbage collector then
// walks all of it on every major collection. The least recently used shard goes first.
//
// Dropping a shard is always safe: a shard file is checked against its SHA-256 in the manifest
// whenever it is read again, so what comes back is what was dropped.
import type { Clipping } from '../clipping.ts';

export interface CachedShard {
  clippings: Clipping[];
  /**
   * inode, size and mtime of the file when it was read or written: shard files are never changed
   * in place, so a write first makes sure the file it replaces is still the one it read.
   */
  stamp: string;
  /** The size of the file: what the cache counts. */
  bytes: number;
}

/** About 10,000 clippings of 6 KB; a shard file holds at most 2 MB. */
export const SHARD_CACHE_BYTES = 64 * 1024 * 1024;

export class ShardCache {
  // A Map iterates in insertion order: a shard used again is moved to the end, so the first is the oldest.
  private readonly shards = new Map<string, CachedShard>();
  private total = 0;

  constructor(private readonly maxBytes = SHARD_CACHE_BYTES) {}

  /** The cached shard of this file, now the most recently used. */
  get(file: string): CachedShard | undefined {
    const shard = this.shards.get(file);
    if (shard) {
      this.shards.delete(file);
      this.shards.set(file, shard);
    }
    return shard;
  }

  /** Keeps a shard, dropping the least recently used ones beyond the bound (never the one just kept). */
  set(file: string, shard: CachedShard): void {
    this.delete(file);
    this.shards.set(file, shard);
    this.total += shard.bytes;
    for (const oldest of this.shards.keys()) {
      if (this.total <= this.maxBytes || oldest === file) break;
      this.delete(oldest);
    }
  }

  delete(file: string): void {
    const shard = this.shards.get(file);
    if (!shard) return;
    this.shards.delete(file);
    this.total -= shard.bytes;
  }

  clear(): void {
    this.shards.clear();
    this.total = 0;
  }

  keys(): IterableIterator<string> {
    return this.shards.keys();
  }

  /** The sum of the cached files' sizes. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.shards.size;
  }
}
