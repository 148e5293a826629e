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
// This file is the store's public face: what each call reads or changes. Under it: guarded-store.ts
// (refresh, retries, damage), archive-reader.ts (the manifest, shards and summaries read),
// shard-changes.ts (what a write changes), commit.ts (writing it), write-session.ts (leftovers and
// snapshots before a session's first write), opening.ts, manifest-file.ts, shard-file.ts.
import { mkdir, rm } from 'node:fs/promises';
import { KEEP } from '../backup/policy.ts';
import type { BackupInfo, RestoreResult } from '../backup/backup-info.ts';
import { restoreSnapshot } from '../backup/restore.ts';
import { listSnapshots, rotateSnapshots, snapshotDir, takeSnapshot } from '../backup/snapshots.ts';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { summaryOf } from './checksums.ts';
import { commit } from './commit.ts';
import type { Damage, WhenDamaged } from './damage.ts';
import { errorDetail } from './durable-json-file.ts';
import { FORMAT_VERSION, type Manifest, type SummaryRecord } from './format.ts';
import { GuardedStore, type OpenOptions } from './guarded-store.ts';
import { listDataFiles } from './layout.ts';
import { readManifest, readManifestStamp } from './manifest-file.ts';
import { appended, checkedUpdate, replacedBy, updated, withoutTrashed, type ShardChanges } from './shard-changes.ts';
import { slotOf } from './shard-file.ts';
import { asStorageError, assertStorable } from './store-errors.ts';

export type { Damage, OpenOptions, WhenDamaged };

export interface InsertContext {
  /** Is this id used by a stored clipping? Reads only the shards whose id range covers it. */
  idTaken(id: string): Promise<boolean>;
  /** Every stored clipping (reads all shards). */
  all(): Promise<Clipping[]>;
  /** The summary of every stored clipping: no text, but a digest of it (reads the summary files only). */
  summaries(): Promise<SummaryRecord[]>;
}

export class ShardedStore extends GuardedStore {
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

  /** The snapshots in backups/, newest first. */
  backups(): Promise<BackupInfo[]> {
    return listSnapshots(this.dir);
  }

  /** Takes a snapshot now (`press-archive backup`). */
  takeBackup(): Promise<BackupInfo> {
    return this.lock.run(async () => {
      await this.refresh();
      if (this.damaged.damage) throw this.damaged.error();
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
        counts: () => (this.reader.manifest && !this.damaged.damage ? this.session.snapshotCounts() : {}),
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
      this.damaged.clear();
      this.reader.startFrom(manifest, stamp);
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
}
