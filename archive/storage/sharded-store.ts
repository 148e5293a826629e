// The archive on disk (format.ts): manifest.json names bounded shard files under shards/. Opening
// reads the manifest and checks that each shard file is there with the size it had when written;
// shards are read (and validated) when first needed. A write writes the changed shards as new files,
// then the manifest, under the archive lock after re-reading what other processes changed, so adding
// a clipping costs the same at 100,000 clippings as at 10.
//
// A damaged archive is never written: the store reports what is wrong (damage), serves what can
// still be read, refuses every write, and waits for a restore (or a repair from outside, which it
// notices). Snapshots are taken before writes as backup/policy.ts says.
//
// This file is the store's public face: what each call reads or changes, the retries, and damage.
// The parts: opening.ts (a new or older archive), archive-reader.ts (the manifest, shards and
// summaries read), shard-changes.ts (what a write changes), commit.ts (writing it), write-session.ts
// (leftovers and snapshots before a session's first write), manifest-file.ts, shard-file.ts.
import { mkdir, rm } from 'node:fs/promises';
import { KEEP } from '../backup/policy.ts';
import type { BackupInfo, RestoreResult, SnapshotKind } from '../backup/backup-info.ts';
import { restoreSnapshot } from '../backup/restore.ts';
import { listSnapshots, rotateSnapshots, snapshotDir, takeSnapshot } from '../backup/snapshots.ts';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { ArchiveReader } from './archive-reader.ts';
import { checkArchive, type CheckProblem, type CheckReport } from './check.ts';
import { commit } from './commit.ts';
import { errorDetail } from './durable-json-file.ts';
import { FORMAT_VERSION, MANIFEST_FILE, type Manifest, type SummaryRecord } from './format.ts';
import { fingerprint, listDataFiles } from './layout.ts';
import { ArchiveLock, type HeldLock } from './lock.ts';
import { readManifest, readManifestStamp } from './manifest-file.ts';
import { prepareArchive } from './opening.ts';
import { salvageClippings } from './salvage.ts';
import { appended, checkedUpdate, replacedBy, updated, withoutTrashed, type ShardChanges } from './shard-changes.ts';
import { damaged, isDamage, slotOf } from './shard-file.ts';
import { summaryOf } from './checksums.ts';
import { ChangedOnDisk, StaleRead, asStorageError, assertStorable } from './store-errors.ts';
import { WriteSession } from './write-session.ts';

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

export class ShardedStore {
  private readonly reader: ArchiveReader;
  private readonly session: WriteSession;
  private damaged: { damage: Damage; salvage: Clipping[]; fingerprint: string } | undefined;
  private readonly lock: ArchiveLock;
  private readonly now: () => Date;
  private readonly whenDamaged: WhenDamaged;

  private constructor(
    readonly dir: string,
    private readonly options: OpenOptions,
  ) {
    this.lock = new ArchiveLock(dir);
    this.reader = new ArchiveReader(dir, options.shardCacheBytes);
    this.now = options.now ?? (() => new Date());
    this.session = new WriteSession(this.reader, this.now);
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
    return this.reader.manifest?.generation ?? 0;
  }

  /** Every clipping, trashed ones included. */
  all(): Promise<Clipping[]> {
    return this.reading(
      () => this.reader.loadAll(),
      (salvage) => salvage,
    );
  }

  get(id: string): Promise<Clipping | undefined> {
    return this.reading(
      async () => {
        const found = await this.reader.find(id);
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
    return this.reading(
      () => this.reader.loadMany(wanted),
      (salvage) => salvage.filter((c) => wanted.has(c.id)),
    );
  }

  /** How many clippings there are, and how many of them in the trash: the manifest says. */
  counts(): Promise<{ clippings: number; trashed: number }> {
    return this.reading(
      async () => this.reader.counts(),
      (salvage) => ({ clippings: salvage.length, trashed: salvage.filter((c) => c.deletedAt).length }),
    );
  }

  /**
   * The summary of every clipping (all but its text), from the summary files alone: what the list
   * at launch needs, at a fraction of the cost of reading the shards.
   */
  summaries(): Promise<SummaryRecord[]> {
    return this.reading(
      () => this.reader.loadSummaries(),
      (salvage) => salvage.map(summaryOf),
    );
  }

  /**
   * Reads and checks every shard against its checksums (what the app does after showing the list):
   * damage makes the archive read-only and is returned.
   */
  async verify(progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<Damage | undefined> {
    await this.reading(
      () => this.reader.checkAll(progress, signal),
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
    try {
      await this.reader.catchUp();
    } catch (error) {
      if (!isDamage(error)) throw error;
      await this.confirmDamage(error);
    }
  }

  /** Adds new clippings (made by the caller, who checks their ids with `idTaken`). */
  insert(make: (context: InsertContext) => Promise<Clipping[]>): Promise<Clipping[]> {
    return this.write(async (held) => {
      const clippings = await make({
        idTaken: (id) => this.reader.idTaken(id),
        all: () => this.reader.loadAll(),
        summaries: () => this.reader.loadSummaries(),
      });
      if (clippings.length === 0) return clippings;
      for (const clipping of clippings) assertStorable(clipping);
      await this.commit(held, await appended(this.reader.shards, clippings, this.loadShard));
      return clippings;
    });
  }

  /** Replaces a stored clipping by one with the same id, computed from the current stored version. */
  update(id: string, change: (current: Clipping) => Clipping): Promise<Clipping> {
    return this.write(async (held) => {
      const found = await this.reader.find(id);
      if (!found) throw new ArchiveError({ code: 'notFound', params: { id } });
      const current = found.clippings[found.index]!;
      const next = checkedUpdate(current, change(current));
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
      const { changes, changed } = await updated(this.reader.shards, this.loadShard, change, ids);
      if (changes.size > 0) await this.commit(held, changes);
      return changed;
    });
  }

  /**
   * Removes every clipping in the trash from disk (the one way anything leaves it). Only the shards
   * the manifest says hold trashed clippings are rewritten; a shard may be left empty.
   */
  removeTrashed(
    afterCommit?: (removed: Clipping[], remaining: () => Promise<Clipping[]>) => Promise<void>,
  ): Promise<{ removed: number }> {
    return this.write(async (held) => {
      const { changes, removed } = await withoutTrashed(this.reader.shards, this.loadShard);
      if (changes.size > 0) await this.commit(held, changes);
      // Still under the lock: what goes with the removed clippings (their scan files) goes now.
      if (afterCommit && removed.length > 0) await afterCommit(removed, () => this.reader.loadAll());
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
      const changes = replacedBy(this.reader.shards, clippings);
      return (await this.commit(held, changes, 'before-restore'))!;
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
      return this.session.snapshot('manual');
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
        generation: this.reader.manifest?.generation ?? 0,
        counts: () => (this.reader.manifest && !this.damaged ? this.session.snapshotCounts() : {}),
        now: this.now,
      });
      this.session.wrote = true;
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
  repair<T extends { changes: ShardChanges }>(
    plan: (manifest: Manifest) => Promise<T>,
  ): Promise<T & { setAside?: string }> {
    return this.lock.run(async (held) => {
      const stamp = await readManifestStamp(this.dir);
      const manifest = await readManifest(this.dir);
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
      this.reader.forget();
      this.reader.manifest = manifest;
      this.reader.stamp = stamp;
      try {
        await commit(this.session, held, result.changes, { repairing: true });
      } catch (error) {
        await rm(snapshotDir(this.dir, setAside.name), { recursive: true, force: true }).catch(() => undefined);
        await this.load(held);
        throw asStorageError(error, this.dir);
      }
      await rotateSnapshots(this.dir, KEEP, setAside.name).catch(() => undefined);
      this.session.wrote = true;
      await this.load(held);
      return { ...result, setAside: setAside.name };
    });
  }

  // ---- opening ----

  /** Reads the archive afresh: creates a new one, migrates an older format, or finds it damaged. */
  private async load(held?: HeldLock): Promise<void> {
    this.reader.reset();
    this.damaged = undefined;
    try {
      await prepareArchive(this.session, this.lock, held, this.options.initialClippings);
    } catch (error) {
      if (!isDamage(error)) throw error;
      return this.enterDamage(error);
    }
    try {
      await this.retrying(() => this.reader.open());
    } catch (error) {
      if (!isDamage(error)) throw error;
      await this.confirmDamage(error);
    }
  }

  // ---- reading and writing ----

  private readonly loadShard = (entry: Parameters<ArchiveReader['loadShard']>[0]) => this.reader.loadShard(entry);

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
            this.reader.forget();
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

  private commit(held: HeldLock, changes: ShardChanges, setAside?: SnapshotKind): Promise<BackupInfo | undefined> {
    return commit(this.session, held, changes, { setAside });
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
      this.reader.forget();
      this.reader.manifest = undefined;
      await this.retrying(() => this.reader.open());
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
    this.reader.reset();
  }

  private damageError(): ArchiveError {
    const first = this.damaged?.damage.problems[0];
    return damaged(first?.file ?? MANIFEST_FILE, first?.detail ?? 'damaged');
  }
}
