// The ground the store's calls stand on (sharded-store.ts): the archive as it is now. Every read and
// write first notices what other processes wrote; one that another process's write got in the way
// of starts again (StaleRead, ChangedOnDisk); damage it meets is confirmed by a full check and
// makes the archive read-only (damage.ts), and reads are then answered from what could be salvaged.
import type { BackupInfo, SnapshotKind } from '../backup/backup-info.ts';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { ArchiveReader } from './archive-reader.ts';
import { checkArchive, type CheckReport } from './check.ts';
import { commit } from './commit.ts';
import { DamageState, type Damage, type WhenDamaged } from './damage.ts';
import type { ShardEntry } from './format.ts';
import { ArchiveLock, type HeldLock } from './lock.ts';
import { prepareArchive } from './opening.ts';
import type { ShardChanges } from './shard-changes.ts';
import { isDamage } from './shard-file.ts';
import { ChangedOnDisk, StaleRead, asStorageError } from './store-errors.ts';
import { WriteSession } from './write-session.ts';

export interface OpenOptions {
  /** The clippings a new archive starts with. */
  initialClippings: () => Clipping[];
  now?: () => Date;
  whenDamaged?: WhenDamaged;
  /** How many bytes of shard files the store keeps in memory (shard-cache.ts). */
  shardCacheBytes?: number;
}

const MAX_RETRIES = 20;

/** The store's state and its guards; ShardedStore adds the calls. */
export abstract class GuardedStore {
  protected readonly reader: ArchiveReader;
  protected readonly session: WriteSession;
  protected readonly damaged: DamageState;
  protected readonly lock: ArchiveLock;
  protected readonly now: () => Date;

  protected constructor(
    readonly dir: string,
    protected readonly options: OpenOptions,
  ) {
    this.lock = new ArchiveLock(dir);
    this.reader = new ArchiveReader(dir, options.shardCacheBytes);
    this.now = options.now ?? (() => new Date());
    this.session = new WriteSession(this.reader, this.now);
    this.damaged = new DamageState(dir, options.whenDamaged ?? 'readOnly');
  }

  /** What is wrong with the archive, while it is damaged (then it is read-only). */
  get damage(): Damage | undefined {
    return this.damaged.damage;
  }

  get generation(): number {
    return this.reader.manifest?.generation ?? 0;
  }

  /** Notices what other processes wrote (or repaired) since the last look. */
  async refresh(): Promise<void> {
    if (this.damaged.damage) {
      if (await this.damaged.filesChanged()) await this.load();
      return;
    }
    try {
      await this.reader.catchUp();
    } catch (error) {
      if (!isDamage(error)) throw error;
      await this.confirmDamage(error);
    }
  }

  /** Refuses ('damaged') while the archive is damaged: for what else writes into its folder (saved searches). */
  async assertWritable(): Promise<void> {
    await this.refresh();
    if (this.damaged.damage) throw this.damaged.error();
  }

  // ---- opening ----

  /** Reads the archive afresh: creates a new one, migrates an older format, or finds it damaged. */
  protected async load(held?: HeldLock): Promise<void> {
    this.reader.reset();
    this.damaged.clear();
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

  protected readonly loadShard = (entry: ShardEntry) => this.reader.loadShard(entry);

  /** Runs a read; if it finds damage, the archive becomes read-only and the read answers from what is left. */
  protected async reading<T>(read: () => Promise<T>, fromSalvage: (salvage: Clipping[]) => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.refresh();
      const salvage = this.damaged.salvage;
      if (salvage) return fromSalvage(salvage);
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
  protected write<T>(work: (held: HeldLock) => Promise<T>): Promise<T> {
    return this.lock.run(async (held) => {
      for (let attempt = 0; ; attempt++) {
        await this.refresh();
        if (this.damaged.damage) throw this.damaged.error();
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
          throw this.damaged.error();
        }
      }
    });
  }

  protected commit(held: HeldLock, changes: ShardChanges, setAside?: SnapshotKind): Promise<BackupInfo | undefined> {
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

  private async enterDamage(cause: ArchiveError, report?: CheckReport): Promise<void> {
    await this.damaged.enter(cause, report);
    this.reader.reset();
  }
}
