// The commit path: the changed shards are written as new files (with their summaries), the folder
// is synced, then the manifest that names them replaces the old one (the commit point), then the
// files they replace are removed. A write that fails on the way removes what it wrote; one that fails
// after the new manifest is in place rolls it back (see undoWrite), so an error always means that
// the archive is exactly as it was.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KEEP } from '../backup/policy.ts';
import type { BackupInfo, SnapshotKind } from '../backup/backup-info.ts';
import { rotateSnapshots, snapshotDir } from '../backup/snapshots.ts';
import { ArchiveError } from '../errors.ts';
import { errorDetail, type WrittenFile } from './durable-json-file.ts';
import { summaryFileOf, type Manifest, type ShardEntry } from './format.ts';
import { highestGenerationEver } from './layout.ts';
import type { HeldLock } from './lock.ts';
import { firstManifest, readManifest, readManifestStamp, writeManifest } from './manifest-file.ts';
import type { ShardChanges } from './shard-changes.ts';
import { slotOf, stampOf, writeNewFile, writeShardFiles, type WrittenShard } from './shard-file.ts';
import { ChangedOnDisk, StaleRead, isAlreadyThere } from './store-errors.ts';
import type { WriteSession } from './write-session.ts';

export interface CommitOptions {
  /** A snapshot of this kind keeps the state before, and is removed again if the write fails. */
  setAside?: SnapshotKind;
  /** A repair replaces files it knows are damaged, and has kept them in a snapshot of its own. */
  repairing?: boolean;
}

/** Commits `changes` (each slot's clippings afterwards) as one write; returns the `setAside` snapshot. */
export async function commit(
  session: WriteSession,
  held: HeldLock,
  changes: ShardChanges,
  { setAside, repairing = false }: CommitOptions = {},
): Promise<BackupInfo | undefined> {
  const { reader, dir } = session;
  const current = reader.manifest!;
  const bySlot = new Map(current.shards.map((e) => [slotOf(e), e]));
  if (!repairing) {
    for (const slot of changes.keys()) {
      const old = bySlot.get(slot);
      if (old) await assertUnchanged(session, old);
    }
    await session.beforeCommit();
  }
  await assertCurrent(session, held);
  const kept = setAside ? await session.snapshot(setAside, false) : undefined;
  const generation = current.generation + 1;
  const created: string[] = [];
  let written: Map<number, WrittenShard>;
  try {
    written = await writeShards(session, changes, generation, created, held);
    const shards = [
      ...current.shards.filter((e) => !changes.has(slotOf(e))),
      ...[...written.values()].map((w) => w.entry),
    ].sort((a, b) => slotOf(a) - slotOf(b));
    const manifest: Manifest = { ...current, generation, shards };
    await assertCurrent(session, held);
    await reader.writeManifest(manifest);
  } catch (error) {
    await undoWrite(session, held, { previous: current, created, generation });
    if (kept) await rm(snapshotDir(dir, kept.name), { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  const replaced = [...changes.keys()].flatMap((slot) => bySlot.get(slot)?.file ?? []);
  reader.dropFiles(replaced);
  for (const file of replaced) {
    for (const name of [file, summaryFileOf(file)]) {
      await rm(join(dir, name), { force: true }).catch(() => (session.mayHaveLeftovers = true));
    }
  }
  reader.keepWritten(written.values());
  if (kept) await rotateSnapshots(dir, KEEP, kept.name).catch(() => undefined);
  return kept;
}

/** The first shards and manifest of a new archive (or a migrated one), above every generation the folder has seen. */
export async function commitFirst(
  session: WriteSession,
  held: HeldLock,
  groups: ShardChanges,
  createdAt: () => string,
): Promise<void> {
  // Above the generations of any snapshots a previous archive in this folder left behind.
  const generation = (await highestGenerationEver(session.dir)) + 1;
  const shards = await writeShards(session, groups, generation, [], held);
  const manifest = firstManifest(
    generation,
    createdAt(),
    [...shards.values()].map((s) => s.entry),
  );
  await held.assertHeld();
  await session.reader.writeManifest(manifest);
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
async function undoWrite(
  session: WriteSession,
  held: HeldLock,
  { previous, created, generation }: { previous: Manifest; created: string[]; generation: number },
): Promise<void> {
  const { reader, dir } = session;
  reader.forget();
  if (!(await held.isHeld())) {
    session.mayHaveLeftovers = true;
    return;
  }
  const onDisk = await readManifest(dir).catch(() => undefined);
  if (onDisk?.generation === generation) {
    try {
      await writeManifest(dir, previous);
    } catch {
      session.mayHaveLeftovers = true;
      return;
    }
  }
  for (const file of created) {
    await rm(join(dir, file), { force: true }).catch(() => (session.mayHaveLeftovers = true));
  }
}

/** The lock is still ours and the manifest on disk the one this write started from. */
async function assertCurrent(session: WriteSession, held: HeldLock): Promise<void> {
  await held.assertHeld();
  if ((await readManifestStamp(session.dir)) !== session.reader.stamp) throw new StaleRead();
}

/**
 * The file a write replaces must still be the one it was computed from: changed on disk since
 * (by hand, or garbled), it is read again: damaged, the write is refused; still valid, the write
 * is computed again from what it holds now. A file the write never read (a restore replaces
 * everything) is read and checked now.
 */
async function assertUnchanged({ reader }: WriteSession, entry: ShardEntry): Promise<void> {
  const stamp = reader.stamp;
  const path = join(reader.dir, entry.file);
  const now = await stat(path).then(stampOf, async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw await reader.missing(entry.file, stamp);
    throw new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } });
  });
  const cached = reader.cache.get(entry.file);
  if (cached?.stamp === now) return;
  reader.cache.delete(entry.file);
  const fresh = await reader.readShardFile(entry);
  if (!cached) {
    reader.cache.set(entry.file, fresh);
    return;
  }
  throw new ChangedOnDisk();
}

/** Writes each group as a new shard file with its summary file beside it; `created` collects their names. */
function writeShards(
  session: WriteSession,
  groups: ShardChanges,
  generation: number,
  created: string[],
  held: HeldLock,
): Promise<Map<number, WrittenShard>> {
  const { dir } = session;
  return writeShardFiles(dir, groups, generation, async (file, data, compact): Promise<WrittenFile> => {
    let written: WrittenFile;
    try {
      written = await writeNewFile(dir, file, data, compact);
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      // Left by a write that never committed, unless another writer is using the name now.
      await assertCurrent(session, held);
      await rm(join(dir, file), { force: true });
      written = await writeNewFile(dir, file, data, compact);
    }
    created.push(file);
    return written;
  });
}
