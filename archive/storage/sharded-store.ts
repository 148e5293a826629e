// The archive on disk (format.ts): manifest.json names bounded shard files under shards/. Opening
// reads the manifest and checks that each shard file is there with the size it had when written;
// shards are read (and validated) when first needed. A write writes the changed shards as new files,
// then the manifest, under the archive lock after re-reading what other processes changed, so adding
// a clipping costs the same at 100,000 clippings as at 10.
//
// A damaged archive is never written: the store reports what is wrong (damage), serves what can
// still be read, refuses every write, and waits for a restore (or a repair from outside, which it
// notices). Snapshots are taken before writes as backup/policy.ts says.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { KEEP, snapshotDue } from '../backup/policy.ts';
import { infoFromName, type BackupInfo, type RestoreResult, type SnapshotKind } from '../backup/backup-info.ts';
import { restoreSnapshot } from '../backup/restore.ts';
import { listSnapshots, rotateSnapshots, snapshotDir, takeSnapshot } from '../backup/snapshots.ts';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { checkArchive, type CheckProblem, type CheckReport } from './check.ts';
import { DurableJSONFile, errorDetail, writeFileDurably } from './durable-json-file.ts';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  SHARD_MAX_BYTES,
  SHARD_MAX_CLIPPINGS,
  describeIssue,
  summaryFileOf,
  type SummaryRecord,
  holdsAny,
  mayHold,
  toFileText,
  type Manifest,
  type ShardEntry,
} from './format.ts';
import {
  detectLayout,
  fingerprint,
  highestGenerationEver,
  listDataFiles,
  listSideFiles,
  removeLeftovers,
} from './layout.ts';
import { ArchiveLock, type HeldLock } from './lock.ts';
import { readLegacyArchive } from './migrations.ts';
import { salvageClippings } from './salvage.ts';
import { ChangedOnDisk, StaleRead, asStorageError, assertStorable, isAlreadyThere } from './store-errors.ts';
import {
  MissingFile,
  damaged,
  isDamage,
  packShards,
  readShardFile,
  readSummaryFile,
  shardSizes,
  slotOf,
  stampOf,
  writeNewFile,
  writeShardFiles,
  type WrittenShard,
} from './shard-file.ts';
import { summaryOf } from './checksums.ts';
import { ShardCache, type CachedShard } from './shard-cache.ts';
import { listScanFiles } from '../scans/scan-files.ts';

/** What the app does with a damaged archive: open it read-only, or (the CLI) refuse to open it. */
export type WhenDamaged = 'readOnly' | 'refuse';

export interface OpenOptions {
  /** The clippings a new archive starts with. */
  initialClippings: () => Clipping[];
  now?: () => Date;
  whenDamaged?: WhenDamaged;
  /** How many bytes of shard files the store keeps in memory (shard-cache.ts). */
  shardCacheBytes?: number;
}

export interface Damage {
  problems: CheckProblem[];
}

export interface InsertContext {
  /** Is this id used by a stored clipping? Reads only the shards whose id range covers it. */
  idTaken(id: string): Promise<boolean>;
  /** Every stored clipping (reads all shards). */
  all(): Promise<Clipping[]>;
  /** The summary of every stored clipping: no text, but a digest of it (reads the summary files only). */
  summaries(): Promise<SummaryRecord[]>;
}

const MAX_RETRIES = 20;
/** Summary files read at the same time at launch. */
const SUMMARY_READERS = 8;

export class ShardedStore {
  private manifest: Manifest | undefined;
  private manifestStamp = '';
  private readonly cache: ShardCache;
  private readonly summaryCache = new Map<string, SummaryRecord[]>();
  private damaged: { damage: Damage; salvage: Clipping[]; fingerprint: string } | undefined;
  private wroteThisSession = false;
  /** A write failed and could not remove all it had written: the next one clears it away. */
  private mayHaveLeftovers = false;
  private snapshotsCheckedOn: string | undefined;
  private readonly lock: ArchiveLock;
  private readonly now: () => Date;
  private readonly whenDamaged: WhenDamaged;

  private constructor(
    readonly dir: string,
    private readonly options: OpenOptions,
  ) {
    this.lock = new ArchiveLock(dir);
    this.cache = new ShardCache(options.shardCacheBytes);
    this.now = options.now ?? (() => new Date());
    this.whenDamaged = options.whenDamaged ?? 'readOnly';
  }

  /**
   * Opens the archive in `dir`: creates the folder and the first clipping when there is none,
   * migrates an older format (after a backup). A newer format is refused, untouched.
   */
  static async open(dir: string, options: OpenOptions): Promise<ShardedStore> {
    const store = new ShardedStore(dir, options);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new ArchiveError({ code: 'io', params: { path: dir, detail: errorDetail(error) } }, { cause: error });
    }
    await store.load();
    return store;
  }

  /** What is wrong with the archive, while it is damaged (then it is read-only). */
  get damage(): Damage | undefined {
    return this.damaged?.damage;
  }

  get generation(): number {
    return this.manifest?.generation ?? 0;
  }

  /** Every clipping, trashed ones included. */
  all(): Promise<Clipping[]> {
    return this.reading(
      () => this.loadAll(),
      (salvage) => salvage,
    );
  }

  get(id: string): Promise<Clipping | undefined> {
    return this.reading(
      async () => {
        const found = await this.find(id);
        return found?.clippings[found.index];
      },
      (salvage) => salvage.find((c) => c.id === id),
    );
  }

  /**
   * The clippings with these ids that exist, reading only the shards whose id range may hold one
   * (ids sort by creation, so a run of neighbouring ids touches a few shards, not all of them).
   */
  getMany(ids: readonly string[]): Promise<Clipping[]> {
    const wanted = new Set(ids);
    const sorted = [...wanted].sort();
    return this.reading(
      async () => {
        const found: Clipping[] = [];
        for (const entry of this.manifest!.shards) {
          if (!holdsAny(entry, sorted)) continue;
          for (const clipping of await this.loadShard(entry)) if (wanted.has(clipping.id)) found.push(clipping);
        }
        return found;
      },
      (salvage) => salvage.filter((c) => wanted.has(c.id)),
    );
  }

  /** How many clippings there are, and how many of them in the trash: the manifest says. */
  counts(): Promise<{ clippings: number; trashed: number }> {
    return this.reading(
      async () => this.countsNow(),
      (salvage) => ({ clippings: salvage.length, trashed: salvage.filter((c) => c.deletedAt).length }),
    );
  }

  /**
   * The summary of every clipping (all but its text), from the summary files alone: what the list
   * at launch needs, at a fraction of the cost of reading the shards.
   */
  summaries(): Promise<SummaryRecord[]> {
    return this.reading(
      () => this.loadSummaries(),
      (salvage) => salvage.map(summaryOf),
    );
  }

  /**
   * Reads and checks every shard against its checksums (what the app does after showing the list):
   * damage makes the archive read-only and is returned.
   */
  async verify(progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<Damage | undefined> {
    await this.reading(
      () => this.checkAll(progress, signal),
      () => undefined,
    );
    return this.damage;
  }

  /** Notices what other processes wrote (or repaired) since the last look. */
  async refresh(): Promise<void> {
    if (this.damaged) {
      if ((await fingerprint(this.dir)) !== this.damaged.fingerprint) await this.load();
      return;
    }
    const stamp = await this.readManifestStamp();
    if (stamp === this.manifestStamp) return;
    try {
      const manifest = await this.readManifest();
      const listed = new Set(manifest.shards.map((e) => e.file));
      for (const file of this.cache.keys()) if (!listed.has(file)) this.cache.delete(file);
      for (const file of this.summaryCache.keys()) if (!listed.has(file)) this.summaryCache.delete(file);
      this.manifest = manifest;
      this.manifestStamp = stamp;
    } catch (error) {
      if (!isDamage(error)) throw error;
      await this.confirmDamage(error);
    }
  }

  /** Adds new clippings (made by the caller, who checks their ids with `idTaken`). */
  insert(make: (context: InsertContext) => Promise<Clipping[]>): Promise<Clipping[]> {
    return this.write(async (held) => {
      const entries = this.manifest!.shards;
      const clippings = await make({
        idTaken: async (id) => {
          for (const entry of entries) {
            if (mayHold(entry, id) && (await this.loadShard(entry)).some((c) => c.id === id)) return true;
          }
          return false;
        },
        all: () => this.loadAll(),
        summaries: () => this.loadSummaries(),
      });
      if (clippings.length === 0) return clippings;
      for (const clipping of clippings) assertStorable(clipping);
      // The last shard takes new clippings while it has room; then new shards follow it.
      const last = entries.at(-1);
      const open = last && last.count < SHARD_MAX_CLIPPINGS && last.bytes < SHARD_MAX_BYTES;
      const first = open ? { clippings: [...(await this.loadShard(last))], bytes: last.bytes } : undefined;
      const start = last ? slotOf(last) + (open ? 0 : 1) : 1;
      const groups = packShards(clippings, first);
      await this.commit(held, new Map(groups.map((group, i) => [start + i, group])));
      return clippings;
    });
  }

  /** Replaces a stored clipping by one with the same id, computed from the current stored version. */
  update(id: string, change: (current: Clipping) => Clipping): Promise<Clipping> {
    return this.write(async (held) => {
      const found = await this.find(id);
      if (!found) throw new ArchiveError({ code: 'notFound', params: { id } });
      const next = change(found.clippings[found.index]!);
      assertStorable(next);
      if (next.id !== id) throw new ArchiveError({ code: 'internal', params: { detail: 'an update changed the id' } });
      const list = found.clippings.slice();
      list[found.index] = next;
      await this.commit(held, new Map([[slotOf(found.entry), list]]));
      return next;
    });
  }

  /**
   * Changes many clippings in one commit, so all of them change or none does. `change` gives the
   * new version of a clipping, or undefined to leave it; with `ids`, only the shards that may hold
   * one of them are read.
   */
  updateMany(change: (current: Clipping) => Clipping | undefined, ids?: ReadonlySet<string>): Promise<Clipping[]> {
    return this.write(async (held) => {
      const changes = new Map<number, Clipping[]>();
      const changed: Clipping[] = [];
      const wanted = ids && [...ids];
      for (const entry of this.manifest!.shards) {
        if (wanted && !wanted.some((id) => mayHold(entry, id))) continue;
        const clippings = await this.loadShard(entry);
        let list: Clipping[] | undefined;
        clippings.forEach((current, i) => {
          if (ids && !ids.has(current.id)) return;
          const next = change(current);
          if (next === undefined) return;
          assertStorable(next);
          if (next.id !== current.id) {
            throw new ArchiveError({ code: 'internal', params: { detail: 'an update changed the id' } });
          }
          (list ??= clippings.slice())[i] = next;
          changed.push(next);
        });
        if (list) changes.set(slotOf(entry), list);
      }
      if (changes.size > 0) await this.commit(held, changes);
      return changed;
    });
  }

  /** Refuses ('damaged') while the archive is damaged: for what else writes into its folder (saved searches). */
  async assertWritable(): Promise<void> {
    await this.refresh();
    if (this.damaged) throw this.damageError();
  }

  /** The snapshots in backups/, newest first. */
  backups(): Promise<BackupInfo[]> {
    return listSnapshots(this.dir);
  }

  /** Takes a snapshot now (`press-archive backup`). */
  takeBackup(): Promise<BackupInfo> {
    return this.lock.run(async () => {
      await this.refresh();
      if (this.damaged) throw this.damageError();
      return this.snapshot('manual');
    });
  }

  /**
   * Puts the archive back as it was in a snapshot, after setting the current state aside in a
   * snapshot of its own (so a restore can itself be undone): backup/restore.ts. Works on a damaged
   * archive: that is what it is for.
   */
  restoreBackup(name: string): Promise<RestoreResult> {
    return this.lock.run(async (held) => {
      await this.refresh();
      const result = await restoreSnapshot(this.dir, name, held, {
        generation: this.manifest?.generation ?? 0,
        counts: () => (this.manifest && !this.damaged ? this.snapshotCounts() : {}),
        now: this.now,
      });
      this.wroteThisSession = true;
      await this.load(held);
      return result;
    });
  }

  /**
   * Repairs a damaged archive with what `plan` (repair.ts) puts together from its files and its
   * snapshots: under the lock, after a snapshot of the damaged state as it is (its files linked, so
   * the damaged bytes are kept too), through the same commit as any write. Nothing is written when
   * the plan changes nothing; a repair that fails removes its snapshot again and changes nothing.
   * A damaged manifest cannot be repaired this way (throws 'damaged').
   */
  repair<T extends { changes: Map<number, Clipping[]> }>(
    plan: (manifest: Manifest) => Promise<T>,
  ): Promise<T & { setAside?: string }> {
    return this.lock.run(async (held) => {
      const stamp = await this.readManifestStamp();
      const manifest = await this.readManifest();
      const result = await plan(manifest);
      if (result.changes.size === 0) return result;
      const setAside = await takeSnapshot(this.dir, {
        kind: 'before-repair',
        files: await listDataFiles(this.dir),
        formatVersion: FORMAT_VERSION,
        source: 'live',
        now: this.now(),
      });
      this.damaged = undefined;
      this.forgetManifest();
      this.manifest = manifest;
      this.manifestStamp = stamp;
      try {
        await this.commit(held, result.changes, undefined, true);
      } catch (error) {
        await rm(snapshotDir(this.dir, setAside.name), { recursive: true, force: true }).catch(() => undefined);
        await this.load(held);
        throw asStorageError(error, this.dir);
      }
      await rotateSnapshots(this.dir, KEEP, setAside.name).catch(() => undefined);
      this.wroteThisSession = true;
      await this.load(held);
      return { ...result, setAside: setAside.name };
    });
  }

  // ---- opening ----

  /** Reads the archive afresh: creates a new one, migrates an older format, or finds it damaged. */
  private async load(held?: HeldLock): Promise<void> {
    this.manifest = undefined;
    this.manifestStamp = '';
    this.cache.clear();
    this.damaged = undefined;
    try {
      await this.prepare(held);
    } catch (error) {
      if (!isDamage(error)) throw error;
      return this.enterDamage(error);
    }
    try {
      await this.retrying(() => this.openManifest());
    } catch (error) {
      if (!isDamage(error)) throw error;
      await this.confirmDamage(error);
    }
  }

  /** Creates a new archive or migrates an older one, under the lock (someone may be doing it already). */
  private async prepare(held?: HeldLock): Promise<void> {
    const layout = await detectLayout(this.dir);
    if (layout.kind === 'newer') {
      throw new ArchiveError({ code: 'newerFormat', params: { dir: this.dir, version: layout.version } });
    }
    if (layout.kind === 'current') return;
    const work = async (lock: HeldLock) => {
      const now = await detectLayout(this.dir);
      if (now.kind === 'empty') await this.create(lock);
      else if (now.kind === 'legacy') await this.migrate(lock, now.version);
    };
    await (held ? work(held) : this.lock.run(work));
  }

  /** Reads the manifest and makes sure each shard file is there, as large as when it was written. */
  private async openManifest(): Promise<void> {
    const stamp = await this.readManifestStamp();
    const manifest = await this.readManifest();
    const sizes = await shardSizes(this.dir, manifest.shards);
    for (const [i, entry] of manifest.shards.entries()) {
      const size = sizes[i];
      if (size === undefined) throw await this.missing(entry.file, stamp);
      // Changed since it was written (by hand?): read and check it now rather than trust it.
      if (size !== entry.bytes) this.cache.set(entry.file, await this.readShardFile(entry, stamp));
    }
    this.manifest = manifest;
    this.manifestStamp = stamp;
  }

  private async create(held: HeldLock): Promise<void> {
    // Above the generations of any snapshots a previous archive in this folder left behind.
    const generation = (await highestGenerationEver(this.dir)) + 1;
    const shards = await this.writeShards(new Map([[1, this.options.initialClippings()]]), generation, [], held);
    const manifest: Manifest = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      generation,
      createdAt: this.now().toISOString(),
      shards: [...shards.values()].map((s) => s.entry),
    };
    await held.assertHeld();
    await this.writeManifest(manifest);
  }

  /** Rewrites an archive of an older format in the current one, after a backup of its files. */
  private async migrate(held: HeldLock, version: number): Promise<void> {
    const legacy = await readLegacyArchive(this.dir, version); // reads and checks everything first
    const backup = await takeSnapshot(this.dir, {
      kind: 'before-migration',
      files: await listDataFiles(this.dir),
      formatVersion: version,
      clippings: legacy.clippings.filter((c) => !c.deletedAt).length,
      trashed: legacy.clippings.filter((c) => c.deletedAt).length,
      source: 'live',
      now: this.now(),
    });
    await rotateSnapshots(this.dir, KEEP, backup.name);
    const groups = new Map(packShards(legacy.clippings).map((group, i) => [i + 1, group]));
    const generation = (await highestGenerationEver(this.dir)) + 1;
    const shards = await this.writeShards(groups, generation, [], held);
    const manifest: Manifest = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      generation,
      createdAt: legacy.createdAt ?? this.now().toISOString(),
      shards: [...shards.values()].map((s) => s.entry),
    };
    await held.assertHeld();
    await this.writeManifest(manifest);
    for (const file of legacy.files) if (file !== MANIFEST_FILE) await rm(this.path(file), { force: true });
  }

  // ---- reading ----

  /** Runs a read; if it finds damage, the archive becomes read-only and the read answers from what is left. */
  private async reading<T>(read: () => Promise<T>, fromSalvage: (salvage: Clipping[]) => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.refresh();
      if (this.damaged) return fromSalvage(this.damaged.salvage);
      try {
        return await read();
      } catch (error) {
        if (error instanceof StaleRead && attempt < MAX_RETRIES) continue;
        if (!isDamage(error)) throw error;
        if (!(await this.confirmDamage(error)) && attempt >= MAX_RETRIES) throw error;
      }
    }
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof StaleRead) || attempt >= MAX_RETRIES) throw error;
      }
    }
  }

  private async loadAll(): Promise<Clipping[]> {
    const result: Clipping[] = [];
    const owner = new Map<string, string>();
    for (const entry of this.manifest!.shards) {
      for (const clipping of await this.loadShard(entry)) {
        const other = owner.get(clipping.id);
        if (other) throw damaged(entry.file, `duplicate id ${clipping.id} (also in ${other})`);
        owner.set(clipping.id, entry.file);
        result.push(clipping);
      }
    }
    return result;
  }

  /**
   * Reads and checks every shard, keeping none it had not read already: at 100,000 clippings the
   * verification would otherwise leave all of them in memory, and the app needs few of them.
   */
  private async checkAll(progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
    const owner = new Map<string, string>();
    const shards = this.manifest!.shards;
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
  private async loadSummaries(): Promise<SummaryRecord[]> {
    const entries = this.manifest!.shards;
    const missing = entries.filter((e) => !this.summaryCache.has(e.file));
    let next = 0;
    let failed = false;
    const reader = async () => {
      while (!failed && next < missing.length) {
        const entry = missing[next++]!;
        try {
          this.summaryCache.set(entry.file, await this.readSummaryFile(entry));
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

  private readSummaryFile(entry: ShardEntry): Promise<SummaryRecord[]> {
    return this.unlessMissing(readSummaryFile(this.dir, entry), this.manifestStamp);
  }

  private async find(id: string): Promise<{ entry: ShardEntry; clippings: Clipping[]; index: number } | undefined> {
    for (const entry of this.manifest!.shards) {
      if (!mayHold(entry, id)) continue;
      const clippings = await this.loadShard(entry);
      const index = clippings.findIndex((c) => c.id === id);
      if (index >= 0) return { entry, clippings, index };
    }
    return undefined;
  }

  private async loadShard(entry: ShardEntry): Promise<Clipping[]> {
    let shard = this.cache.get(entry.file);
    if (!shard) {
      shard = await this.readShardFile(entry);
      this.cache.set(entry.file, shard);
    }
    return shard.clippings;
  }

  private readShardFile(entry: ShardEntry, stamp = this.manifestStamp): Promise<CachedShard> {
    return this.unlessMissing(readShardFile(this.dir, entry), stamp);
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

  /** A listed file is missing: damage, unless a newer manifest has replaced the file since. */
  private async missing(file: string, stamp: string): Promise<Error> {
    return (await this.readManifestStamp()) !== stamp ? new StaleRead() : damaged(file, 'missing');
  }

  private async readManifest(): Promise<Manifest> {
    const raw = await new DurableJSONFile<unknown>(this.path(MANIFEST_FILE)).read();
    if (raw === null) throw damaged(MANIFEST_FILE, 'missing');
    const version = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      throw new ArchiveError({ code: 'newerFormat', params: { dir: this.dir, version } });
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) throw damaged(MANIFEST_FILE, describeIssue(parsed.error));
    return parsed.data;
  }

  // ---- writing ----

  /**
   * Runs a write under the lock: refuses a damaged archive, starts again if a file changed under it.
   * Damage met while writing is first confirmed by a full check: what another process changed
   * meanwhile (after taking over a lock this one held too long) is not damage, and is never called so.
   */
  private write<T>(work: (held: HeldLock) => Promise<T>): Promise<T> {
    return this.lock.run(async (held) => {
      for (let attempt = 0; ; attempt++) {
        await this.refresh();
        if (this.damaged) throw this.damageError();
        try {
          return await work(held);
        } catch (error) {
          if ((error instanceof ChangedOnDisk || error instanceof StaleRead) && attempt < MAX_RETRIES) continue;
          if (error instanceof ChangedOnDisk || error instanceof StaleRead || !(await held.isHeld())) {
            this.forgetManifest();
            throw new ArchiveError({ code: 'changedElsewhere' }, { cause: error });
          }
          if (!isDamage(error)) throw asStorageError(error, this.dir);
          if (!(await this.confirmDamage(error))) {
            if (attempt < MAX_RETRIES) continue;
            throw new ArchiveError({ code: 'changedElsewhere' }, { cause: error });
          }
          throw this.damageError();
        }
      }
    });
  }

  /** Before the first change of a session: leftovers of interrupted writes go, and a snapshot is taken if due. */
  private async beforeCommit(): Promise<void> {
    const now = this.now();
    const firstWrite = !this.wroteThisSession;
    if (firstWrite || this.mayHaveLeftovers) {
      await removeLeftovers(this.dir, new Set(this.manifest!.shards.map((e) => e.file)));
      this.mayHaveLeftovers = false;
    }
    const today = now.toISOString().slice(0, 10);
    if (firstWrite || this.snapshotsCheckedOn !== today) {
      const existing = (await listSnapshots(this.dir, { meta: false })).map((s) => infoFromName(s.name));
      const due = snapshotDue({ now, existing, firstWriteOfSession: firstWrite });
      if (due) await this.snapshot(due);
      this.snapshotsCheckedOn = today;
    }
    this.wroteThisSession = true;
  }

  private async snapshot(kind: SnapshotKind, rotate = true): Promise<BackupInfo> {
    const info = await takeSnapshot(this.dir, {
      kind,
      files: [
        MANIFEST_FILE,
        ...this.manifest!.shards.flatMap((e) => [e.file, summaryFileOf(e.file)]),
        ...(await listSideFiles(this.dir)),
        ...(await listScanFiles(this.dir)),
      ],
      formatVersion: FORMAT_VERSION,
      ...this.snapshotCounts(),
      source: 'copy',
      now: this.now(),
    });
    if (rotate) await rotateSnapshots(this.dir, KEEP, info.name);
    return info;
  }

  /** What a snapshot's description says: clippings outside the trash, and in it. */
  private snapshotCounts(): { clippings: number; trashed: number } {
    const { clippings, trashed } = this.countsNow();
    return { clippings: clippings - trashed, trashed };
  }

  /** From the manifest: all clippings (trashed ones included) and how many are in the trash. */
  private countsNow(): { clippings: number; trashed: number } {
    const shards = this.manifest?.shards ?? [];
    return { clippings: shards.reduce((n, e) => n + e.count, 0), trashed: shards.reduce((n, e) => n + e.trashed, 0) };
  }

  /**
   * Writes the changed shards as new files, then the manifest that names them (the commit), then
   * removes the files they replace. A write that fails on the way (a full disk, an I/O error)
   * removes what it wrote, so the archive is as it was. With `setAside`, a snapshot of that kind
   * keeps the state before, and is removed again if the write fails.
   */
  private async commit(
    held: HeldLock,
    changes: Map<number, Clipping[]>,
    setAside?: SnapshotKind,
    repairing = false,
  ): Promise<BackupInfo | undefined> {
    const current = this.manifest!;
    const bySlot = new Map(current.shards.map((e) => [slotOf(e), e]));
    // A repair replaces files it knows are damaged, and has kept them in a snapshot of its own.
    if (!repairing) {
      for (const slot of changes.keys()) {
        const old = bySlot.get(slot);
        if (old) await this.assertUnchanged(old);
      }
      await this.beforeCommit();
    }
    await this.assertCurrent(held);
    const kept = setAside ? await this.snapshot(setAside, false) : undefined;
    const generation = current.generation + 1;
    const created: string[] = [];
    let manifest: Manifest;
    let written: Map<number, WrittenShard>;
    try {
      written = await this.writeShards(changes, generation, created, held);
      const shards = [
        ...current.shards.filter((e) => !changes.has(slotOf(e))),
        ...[...written.values()].map((w) => w.entry),
      ].sort((a, b) => slotOf(a) - slotOf(b));
      manifest = { ...current, generation, shards };
      await this.assertCurrent(held);
      await this.writeManifest(manifest);
    } catch (error) {
      await this.undoWrite(held, { previous: current, created, generation });
      if (kept) await rm(snapshotDir(this.dir, kept.name), { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
    for (const slot of changes.keys()) {
      const old = bySlot.get(slot);
      if (!old) continue;
      this.cache.delete(old.file);
      this.summaryCache.delete(old.file);
      for (const file of [old.file, summaryFileOf(old.file)]) {
        await rm(this.path(file), { force: true }).catch(() => (this.mayHaveLeftovers = true));
      }
    }
    for (const { entry, cached, summary } of written.values()) {
      this.cache.set(entry.file, cached);
      this.summaryCache.set(entry.file, summary);
    }
    if (kept) await rotateSnapshots(this.dir, KEEP, kept.name).catch(() => undefined);
    return kept;
  }

  /**
   * After a failed write the archive is left exactly as it was: an error always means "nothing
   * written", and a write is acknowledged only when every step of it reached the disk.
   *
   * One failure can come after the commit point: the fsync of the folder after the new manifest
   * was renamed into place. The new manifest is then visible but not known to be durable: after a
   * power cut the folder may hold either one, and on Linux a failed fsync may have dropped the dirty
   * state, so a second fsync that "succeeds" proves nothing. Acknowledging that write would promise
   * a clipping that may be gone after a reboot; reporting the error while the write stays visible
   * would make the user's retry store it twice. So the write is rolled back: the previous manifest
   * is written again through the full durable path (temp file, fsync, rename, fsync of the folder,
   * which makes the undoing of the first rename durable too), and only after that are the new files
   * removed, so no manifest that could come back after a crash names a file that is gone. Should the
   * rollback fail as well (a disk that fails everything), both sets of files stay, whichever
   * manifest survives finds its own, and the next write clears the others away.
   *
   * Only while the lock is still ours: a writer that lost it leaves its files to the next one, since
   * another writer may be using those names now.
   */
  private async undoWrite(
    held: HeldLock,
    { previous, created, generation }: { previous: Manifest; created: string[]; generation: number },
  ): Promise<void> {
    this.forgetManifest();
    if (!(await held.isHeld())) {
      this.mayHaveLeftovers = true;
      return;
    }
    const onDisk = await this.readManifest().catch(() => undefined);
    if (onDisk?.generation === generation) {
      try {
        await writeFileDurably(this.path(MANIFEST_FILE), toFileText(previous));
      } catch {
        this.mayHaveLeftovers = true;
        return;
      }
    }
    for (const file of created) {
      await rm(this.path(file), { force: true }).catch(() => (this.mayHaveLeftovers = true));
    }
  }

  /** The lock is still ours and the manifest on disk the one this write started from. */
  private async assertCurrent(held: HeldLock): Promise<void> {
    await held.assertHeld();
    if ((await this.readManifestStamp()) !== this.manifestStamp) throw new StaleRead();
  }

  /** Forgets what is known of the manifest, so the next look reads it from disk. */
  private forgetManifest(): void {
    this.manifestStamp = '';
    this.cache.clear();
    this.summaryCache.clear();
  }

  /**
   * The file a write replaces must still be the one it was computed from: changed on disk since
   * (by hand, or garbled), it is read again: damaged, the write is refused; still valid, the write
   * is computed again from what it holds now. A file the write never read (a restore replaces
   * everything) is read and checked now.
   */
  private async assertUnchanged(entry: ShardEntry): Promise<void> {
    const stamp = this.manifestStamp;
    const now = await stat(this.path(entry.file)).then(stampOf, async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw await this.missing(entry.file, stamp);
      throw new ArchiveError({ code: 'io', params: { path: this.path(entry.file), detail: errorDetail(error) } });
    });
    const cached = this.cache.get(entry.file);
    if (cached?.stamp === now) return;
    this.cache.delete(entry.file);
    const fresh = await this.readShardFile(entry);
    if (!cached) {
      this.cache.set(entry.file, fresh);
      return;
    }
    throw new ChangedOnDisk();
  }

  /** Writes each group as a new shard file with its summary file beside it. */
  private writeShards(
    groups: Map<number, Clipping[]>,
    generation: number,
    created: string[],
    held: HeldLock,
  ): Promise<Map<number, WrittenShard>> {
    return writeShardFiles(this.dir, groups, generation, (file, data, compact) =>
      this.writeNew(file, data, created, held, compact),
    );
  }

  /** Writes a file that must be new, through lowdb and the durable adapter. */
  private async writeNew<T>(
    file: string,
    data: T,
    created: string[],
    held: HeldLock,
    compact = false,
  ): Promise<DurableJSONFile<T>> {
    let adapter: DurableJSONFile<T>;
    try {
      adapter = await writeNewFile(this.dir, file, data, compact);
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      // Left by a write that never committed, unless another writer is using the name now.
      await this.assertCurrent(held);
      await rm(this.path(file), { force: true });
      adapter = await writeNewFile(this.dir, file, data, compact);
    }
    created.push(file);
    return adapter;
  }

  private async writeManifest(manifest: Manifest): Promise<void> {
    await new Low(new DurableJSONFile<Manifest>(this.path(MANIFEST_FILE)), manifest).write();
    this.manifest = manifest;
    this.manifestStamp = await this.readManifestStamp();
  }

  // ---- damage ----

  /**
   * Damage met while reading or writing: confirmed by a full check of the files as they are now,
   * the archive becomes read-only (returns true). When the check passes, what looked like damage
   * was another process's write seen half-way: the archive is read again instead (false).
   */
  private async confirmDamage(cause: ArchiveError): Promise<boolean> {
    const report = await checkArchive(this.dir).catch(() => undefined);
    if (report?.ok) {
      this.forgetManifest();
      this.manifest = undefined;
      await this.retrying(() => this.openManifest());
      return false;
    }
    await this.enterDamage(cause, report);
    return true;
  }

  /**
   * From now on the archive is read-only: what is wrong (the whole check, when it ran) and what
   * can still be read are kept until the files change. The CLI refuses instead.
   */
  private async enterDamage(cause: ArchiveError, report?: CheckReport): Promise<void> {
    if (this.whenDamaged === 'refuse') throw cause;
    const problems =
      report && report.problems.length > 0
        ? report.problems
        : [{ file: String(cause.info.params?.file ?? MANIFEST_FILE), detail: String(cause.info.params?.detail ?? '') }];
    const salvage = await salvageClippings(this.dir);
    this.damaged = { damage: { problems }, salvage, fingerprint: await fingerprint(this.dir) };
    this.manifest = undefined;
    this.manifestStamp = '';
    this.cache.clear();
  }

  private damageError(): ArchiveError {
    const first = this.damaged?.damage.problems[0];
    return damaged(first?.file ?? MANIFEST_FILE, first?.detail ?? 'damaged');
  }

  private path(file: string): string {
    return join(this.dir, file);
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

  /**
   * Removes every clipping in the trash from disk (the one way anything leaves it). Only the shards
   * the manifest says hold trashed clippings are rewritten; a shard may be left empty.
   */
  removeTrashed(
    afterCommit?: (removed: Clipping[], remaining: () => Promise<Clipping[]>) => Promise<void>,
  ): Promise<{ removed: number }> {
    return this.write(async (held) => {
      const changes = new Map<number, Clipping[]>();
      const removed: Clipping[] = [];
      for (const entry of this.manifest!.shards) {
        if (entry.trashed === 0) continue;
        const clippings = await this.loadShard(entry);
        const kept = clippings.filter((c) => c.deletedAt === undefined);
        removed.push(...clippings.filter((c) => c.deletedAt !== undefined));
        if (kept.length !== clippings.length) changes.set(slotOf(entry), kept);
      }
      if (changes.size > 0) await this.commit(held, changes);
      // Still under the lock: what goes with the removed clippings (their scan files) goes now.
      if (afterCommit && removed.length > 0) await afterCommit(removed, () => this.loadAll());
      return { removed: removed.length };
    });
  }

  /**
   * Replaces every clipping by these (restoring a backup file). The current state is first kept
   * aside in a snapshot, so the restore itself can be undone from the backups; that snapshot is
   * returned. A restore that fails keeps no snapshot. Shards no longer needed are left empty.
   */
  replaceAll(clippings: readonly Clipping[]): Promise<BackupInfo> {
    return this.write(async (held) => {
      const seen = new Set<string>();
      for (const clipping of clippings) {
        assertStorable(clipping);
        if (seen.has(clipping.id)) {
          throw new ArchiveError({ code: 'internal', params: { detail: `duplicate id ${clipping.id}` } });
        }
        seen.add(clipping.id);
      }
      const changes = new Map<number, Clipping[]>(this.manifest!.shards.map((e) => [slotOf(e), []]));
      packShards(clippings).forEach((group, i) => changes.set(i + 1, group));
      return (await this.commit(held, changes, 'before-restore'))!;
    });
  }
}
