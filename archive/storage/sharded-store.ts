// The archive on disk: manifest.json lists bounded shard files under shards/. A write rewrites one
// shard and the small manifest, so adding a clipping costs the same at 100,000 clippings as at 10.
// All writes happen under the archive lock after re-reading what other processes may have changed.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { DurableJSONFile, errorDetail } from './durable-json-file.ts';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  SHARDS_DIR,
  SHARD_MAX_BYTES,
  SHARD_MAX_CLIPPINGS,
  ShardSchema,
  describeIssue,
  shardFileName,
  type Manifest,
  type Shard,
  type ShardEntry,
} from './format.ts';
import { ArchiveLock } from './lock.ts';

interface LoadedShard {
  rev: number;
  clippings: Clipping[];
}

export interface OpenOptions {
  /** The clippings a new archive starts with. */
  initialClippings: () => Clipping[];
  now?: () => string;
}

export class ShardedStore {
  private manifest!: Manifest;
  private manifestStamp = '';
  private readonly shards = new Map<string, LoadedShard>();
  private readonly shardOfId = new Map<string, string>();
  private readonly lock: ArchiveLock;

  private constructor(
    readonly dir: string,
    private readonly now: () => string,
  ) {
    this.lock = new ArchiveLock(dir);
  }

  /** Opens the archive in `dir`, creating the folder and the first clipping when it does not exist. */
  static async open(dir: string, options: OpenOptions): Promise<ShardedStore> {
    const store = new ShardedStore(dir, options.now ?? (() => new Date().toISOString()));
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new ArchiveError({ code: 'io', params: { path: dir, detail: errorDetail(error) } }, { cause: error });
    }
    if (!(await store.manifestExists())) {
      await store.lock.run(async () => {
        if (!(await store.manifestExists())) await store.create(options.initialClippings());
      });
    }
    await store.refresh();
    return store;
  }

  /** Every clipping, trashed ones included, as of the last refresh. */
  all(): Clipping[] {
    const result: Clipping[] = [];
    for (const entry of this.manifest.shards) result.push(...(this.shards.get(entry.file)?.clippings ?? []));
    return result;
  }

  get(id: string): Clipping | undefined {
    const file = this.shardOfId.get(id);
    return file ? this.shards.get(file)?.clippings.find((c) => c.id === id) : undefined;
  }

  get generation(): number {
    return this.manifest.generation;
  }

  /** Re-reads the manifest if another process changed it, then only the shards whose revision moved. */
  async refresh(): Promise<void> {
    const stamp = await this.readManifestStamp();
    if (stamp === this.manifestStamp) return;
    const manifest = await this.readManifest();
    for (const entry of manifest.shards) {
      if (this.shards.get(entry.file)?.rev !== entry.rev) await this.loadShard(entry.file);
    }
    const listed = new Set(manifest.shards.map((s) => s.file));
    for (const file of [...this.shards.keys()]) if (!listed.has(file)) this.forgetShard(file);
    this.manifest = manifest;
    this.manifestStamp = stamp;
  }

  /** Adds new clippings (ids already assigned by the caller, checked unique here). */
  insert(makeClippings: (idTaken: (id: string) => boolean) => Clipping[]): Promise<Clipping[]> {
    return this.lock.run(async () => {
      await this.refresh();
      const clippings = makeClippings((id) => this.shardOfId.has(id));
      if (clippings.length === 0) return clippings;
      const entries = this.manifest.shards.map((e) => ({ ...e }));
      const changed = new Map<string, Clipping[]>();
      let current = entries.at(-1);
      for (const clipping of clippings) {
        if (!current || current.count >= SHARD_MAX_CLIPPINGS || current.bytes >= SHARD_MAX_BYTES) {
          current = { file: shardFileName(entries.length + 1), count: 0, bytes: 0, rev: 0 };
          entries.push(current);
        }
        const list = changed.get(current.file) ?? [...(this.shards.get(current.file)?.clippings ?? [])];
        list.push(clipping);
        changed.set(current.file, list);
        current.count = list.length;
        current.bytes += Buffer.byteLength(JSON.stringify(clipping)) + 2;
      }
      await this.commit(entries, changed);
      return clippings;
    });
  }

  /** Replaces a stored clipping by one with the same id, computed from the current stored version. */
  update(id: string, change: (current: Clipping) => Clipping): Promise<Clipping> {
    return this.lock.run(async () => {
      await this.refresh();
      const file = this.shardOfId.get(id);
      const shard = file ? this.shards.get(file) : undefined;
      const index = shard?.clippings.findIndex((c) => c.id === id) ?? -1;
      if (!file || !shard || index < 0) throw new ArchiveError({ code: 'notFound', params: { id } });
      const next = change(shard.clippings[index]!);
      const list = shard.clippings.slice();
      list[index] = next;
      const entries = this.manifest.shards.map((e) => (e.file === file ? { ...e, count: list.length } : { ...e }));
      await this.commit(entries, new Map([[file, list]]));
      return next;
    });
  }

  /** Writes the changed shards, then the manifest that names their new revisions. */
  private async commit(entries: ShardEntry[], changed: Map<string, Clipping[]>): Promise<void> {
    await mkdir(join(this.dir, SHARDS_DIR), { recursive: true });
    const written = new Map<string, LoadedShard>();
    for (const [file, clippings] of changed) {
      const entry = entries.find((e) => e.file === file)!;
      entry.rev += 1;
      const shard: Shard = { formatVersion: FORMAT_VERSION, rev: entry.rev, clippings };
      const adapter = new DurableJSONFile<Shard>(this.path(file), file);
      await new Low(adapter, shard).write();
      entry.bytes = adapter.bytesWritten;
      written.set(file, { rev: entry.rev, clippings });
    }
    const manifest: Manifest = { ...this.manifest, generation: this.manifest.generation + 1, shards: entries };
    await new Low(new DurableJSONFile<Manifest>(this.path(MANIFEST_FILE)), manifest).write();
    for (const [file, shard] of written) this.rememberShard(file, shard);
    this.manifest = manifest;
    this.manifestStamp = await this.readManifestStamp();
  }

  private async create(initial: Clipping[]): Promise<void> {
    const existing = await readdir(join(this.dir, SHARDS_DIR)).catch(() => [] as string[]);
    if (existing.some((f) => f.endsWith('.json'))) {
      // Shards without a manifest: the archive is damaged, never start a new one over it.
      throw new ArchiveError({ code: 'damaged', params: { file: MANIFEST_FILE, detail: 'missing' } });
    }
    this.manifest = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      generation: 0,
      createdAt: this.now(),
      shards: [],
    };
    const first = { file: shardFileName(1), count: initial.length, bytes: 0, rev: 0 };
    await this.commit([first], new Map([[first.file, initial]]));
  }

  private async readManifest(): Promise<Manifest> {
    const raw = await new DurableJSONFile<unknown>(this.path(MANIFEST_FILE)).read();
    if (raw === null) throw new ArchiveError({ code: 'damaged', params: { file: MANIFEST_FILE, detail: 'missing' } });
    const version = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      throw new ArchiveError({ code: 'newerFormat', params: { dir: this.dir, version } });
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ArchiveError({ code: 'damaged', params: { file: MANIFEST_FILE, detail: describeIssue(parsed.error) } });
    }
    return parsed.data;
  }

  private async loadShard(file: string): Promise<void> {
    const raw = await new DurableJSONFile<unknown>(this.path(file), file).read();
    if (raw === null) throw new ArchiveError({ code: 'damaged', params: { file, detail: 'missing' } });
    const parsed = ShardSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ArchiveError({ code: 'damaged', params: { file, detail: describeIssue(parsed.error) } });
    }
    for (const clipping of parsed.data.clippings) {
      const owner = this.shardOfId.get(clipping.id);
      if (owner !== undefined && owner !== file) {
        throw new ArchiveError({
          code: 'damaged',
          params: { file, detail: `duplicate id ${clipping.id} (also in ${owner})` },
        });
      }
    }
    this.rememberShard(file, { rev: parsed.data.rev, clippings: parsed.data.clippings });
  }

  private rememberShard(file: string, shard: LoadedShard): void {
    this.forgetShard(file);
    this.shards.set(file, shard);
    for (const clipping of shard.clippings) this.shardOfId.set(clipping.id, file);
  }

  private forgetShard(file: string): void {
    for (const clipping of this.shards.get(file)?.clippings ?? []) this.shardOfId.delete(clipping.id);
    this.shards.delete(file);
  }

  private path(file: string): string {
    return join(this.dir, file);
  }

  private async manifestExists(): Promise<boolean> {
    return (await this.readManifestStamp()) !== '';
  }

  /** Changes whenever the manifest is replaced (every write renames a new file over it). */
  private async readManifestStamp(): Promise<string> {
    try {
      const s = await stat(this.path(MANIFEST_FILE));
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw new ArchiveError({ code: 'io', params: { path: this.path(MANIFEST_FILE), detail: errorDetail(error) } });
    }
  }
}
