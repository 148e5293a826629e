// The reading side of the store: the manifest it last read (and that manifest's stamp), and the
// shards and summary files read under it, kept in memory (shard-cache.ts) so the next look does not
// read them again. Every read checks what it reads (shard-file.ts); a file the manifest names that
// is gone is damage, unless a newer manifest has replaced it meanwhile (StaleRead: read again).
import type { Clipping } from '../clipping.ts';
import { holdsAny, mayHold, type Manifest, type ShardEntry, type SummaryRecord } from './format.ts';
import { readManifest, readManifestStamp, writeManifest } from './manifest-file.ts';
import { ShardCache, type CachedShard } from './shard-cache.ts';
import { MissingFile, damaged, readShardFile, readSummaryFile, shardSizes, type WrittenShard } from './shard-file.ts';
import { StaleRead } from './store-errors.ts';

/** Summary files read at the same time at launch. */
const SUMMARY_READERS = 8;

export class ArchiveReader {
  /** The manifest the reads go by; undefined before the archive is open, and while it is damaged. */
  manifest: Manifest | undefined;
  /** The stamp of the manifest file when `manifest` was read ('' when unknown). */
  stamp = '';
  readonly cache: ShardCache;
  private readonly summaryCache = new Map<string, SummaryRecord[]>();

  constructor(
    readonly dir: string,
    shardCacheBytes?: number,
  ) {
    this.cache = new ShardCache(shardCacheBytes);
  }

  /** The manifest of an open archive. */
  get shards(): ShardEntry[] {
    return this.manifest!.shards;
  }

  /** Forgets the manifest and the shards read under it (not the summaries: refresh drops those it must). */
  reset(): void {
    this.manifest = undefined;
    this.stamp = '';
    this.cache.clear();
  }

  /** Forgets what is known of the manifest, so the next look reads it from disk. */
  forget(): void {
    this.stamp = '';
    this.cache.clear();
    this.summaryCache.clear();
  }

  /** Goes by this manifest, read with this stamp, forgetting all else (a repair). */
  startFrom(manifest: Manifest, stamp: string): void {
    this.forget();
    this.manifest = manifest;
    this.stamp = stamp;
  }

  /** Reads the manifest and makes sure each shard file is there, as large as when it was written. */
  async open(): Promise<void> {
    const stamp = await readManifestStamp(this.dir);
    const manifest = await readManifest(this.dir);
    const sizes = await shardSizes(this.dir, manifest.shards);
    for (const [i, entry] of manifest.shards.entries()) {
      const size = sizes[i];
      if (size === undefined) throw await this.missing(entry.file, stamp);
      // Changed since it was written (by hand?): read and check it now rather than trust it.
      if (size !== entry.bytes) this.cache.set(entry.file, await this.readShardFile(entry, stamp));
    }
    this.manifest = manifest;
    this.stamp = stamp;
  }

  /** Takes the manifest another process wrote since the last look, if any, and forgets the files it no longer names. */
  async catchUp(): Promise<void> {
    const stamp = await readManifestStamp(this.dir);
    if (stamp === this.stamp) return;
    const manifest = await readManifest(this.dir);
    const listed = new Set(manifest.shards.map((e) => e.file));
    for (const file of this.cache.keys()) if (!listed.has(file)) this.cache.delete(file);
    for (const file of this.summaryCache.keys()) if (!listed.has(file)) this.summaryCache.delete(file);
    this.manifest = manifest;
    this.stamp = stamp;
  }

  /** Replaces the manifest on disk (the commit point) and goes by the new one from now on. */
  async writeManifest(manifest: Manifest): Promise<void> {
    await writeManifest(this.dir, manifest);
    this.manifest = manifest;
    this.stamp = await readManifestStamp(this.dir);
  }

  /** After a commit: the files it replaced are gone. */
  dropFiles(files: readonly string[]): void {
    for (const file of files) {
      this.cache.delete(file);
      this.summaryCache.delete(file);
    }
  }

  /** After a commit: the shards it wrote, and their summaries, are kept as written. */
  keepWritten(written: Iterable<WrittenShard>): void {
    for (const { entry, cached, summary } of written) {
      this.cache.set(entry.file, cached);
      this.summaryCache.set(entry.file, summary);
    }
  }

  /** From the manifest: all clippings (trashed ones included) and how many are in the trash. */
  counts(): { clippings: number; trashed: number } {
    const shards = this.manifest?.shards ?? [];
    return { clippings: shards.reduce((n, e) => n + e.count, 0), trashed: shards.reduce((n, e) => n + e.trashed, 0) };
  }

  async loadAll(): Promise<Clipping[]> {
    const result: Clipping[] = [];
    const owner = new Map<string, string>();
    for (const entry of this.shards) {
      for (const clipping of await this.loadShard(entry)) {
        const other = owner.get(clipping.id);
        if (other) throw damaged(entry.file, `duplicate id ${clipping.id} (also in ${other})`);
        owner.set(clipping.id, entry.file);
        result.push(clipping);
      }
    }
    return result;
  }

  /** The clippings with these ids, reading only the shards whose id range may hold one. */
  async loadMany(ids: ReadonlySet<string>): Promise<Clipping[]> {
    const sorted = [...ids].sort();
    const found: Clipping[] = [];
    for (const entry of this.shards) {
      if (!holdsAny(entry, sorted)) continue;
      for (const clipping of await this.loadShard(entry)) if (ids.has(clipping.id)) found.push(clipping);
    }
    return found;
  }

  /** Is this id used by a stored clipping? Reads only the shards whose id range covers it. */
  async idTaken(id: string): Promise<boolean> {
    for (const entry of this.shards) {
      if (mayHold(entry, id) && (await this.loadShard(entry)).some((c) => c.id === id)) return true;
    }
    return false;
  }

  async find(id: string): Promise<{ entry: ShardEntry; clippings: Clipping[]; index: number } | undefined> {
    for (const entry of this.shards) {
      if (!mayHold(entry, id)) continue;
      const clippings = await this.loadShard(entry);
      const index = clippings.findIndex((c) => c.id === id);
      if (index >= 0) return { entry, clippings, index };
    }
    return undefined;
  }

  /**
   * Reads and checks every shard, keeping none it had not read already: at 100,000 clippings the
   * verification would otherwise leave all of them in memory, and the app needs few of them.
   */
  async checkAll(progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    const owner = new Map<string, string>();
    const shards = this.shards;
    for (const [i, entry] of shards.entries()) {
      if (signal?.aborted) return; // the process is stopping: what is unchecked stays unknown, not sound
      progress?.(i, shards.length);
      const clippings = this.cache.get(entry.file)?.clippings ?? (await this.readShardFile(entry)).clippings;
      for (const { id } of clippings) {
        const other = owner.get(id);
        if (other) throw damaged(entry.file, `duplicate id ${id} (also in ${other})`);
        owner.set(id, entry.file);
      }
    }
    progress?.(shards.length, shards.length);
  }

  /**
   * The summaries of every shard, in the manifest's order. Files not yet read are read a few at a
   * time, so that the disk and the parsing overlap; the first failure stops the rest.
   */
  async loadSummaries(): Promise<SummaryRecord[]> {
    const entries = this.shards;
    const missing = entries.filter((e) => !this.summaryCache.has(e.file));
    let next = 0;
    let failed = false;
    const reader = async () => {
      while (!failed && next < missing.length) {
        const entry = missing[next++]!;
        try {
          this.summaryCache.set(entry.file, await this.unlessMissing(readSummaryFile(this.dir, entry), this.stamp));
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SUMMARY_READERS, missing.length) }, reader));
    const result: SummaryRecord[] = [];
    for (const entry of entries) for (const record of this.summaryCache.get(entry.file)!) result.push(record);
    return result;
  }

  async loadShard(entry: ShardEntry): Promise<Clipping[]> {
    let shard = this.cache.get(entry.file);
    if (!shard) {
      shard = await this.readShardFile(entry);
      this.cache.set(entry.file, shard);
    }
    return shard.clippings;
  }

  /** Reads and checks a shard file, not keeping it. */
  readShardFile(entry: ShardEntry, stamp = this.stamp): Promise<CachedShard> {
    return this.unlessMissing(readShardFile(this.dir, entry), stamp);
  }

  /** A listed file is missing: damage, unless a newer manifest has replaced the file since. */
  async missing(file: string, stamp: string): Promise<Error> {
    return (await readManifestStamp(this.dir)) !== stamp ? new StaleRead() : damaged(file, 'missing');
  }

  /** A read whose file is missing fails as `missing` says. */
  private async unlessMissing<T>(read: Promise<T>, stamp: string): Promise<T> {
    try {
      return await read;
    } catch (error) {
      if (error instanceof MissingFile) throw await this.missing(error.file, stamp);
      throw error;
    }
  }
}
