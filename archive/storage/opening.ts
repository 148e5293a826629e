// Before an archive folder is read: a folder without an archive gets a new one (with the first
// clippings), an archive of an older format is migrated after a snapshot of its files, and a newer
// format is refused, untouched. Both run under the lock, after looking again: another process may
// be doing the same.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KEEP } from '../backup/policy.ts';
import { rotateSnapshots, takeSnapshot } from '../backup/snapshots.ts';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { commitFirst } from './commit.ts';
import { MANIFEST_FILE } from './format.ts';
import { detectLayout, listDataFiles } from './layout.ts';
import type { ArchiveLock, HeldLock } from './lock.ts';
import { readLegacyArchive } from './migrations.ts';
import { packedFrom } from './shard-changes.ts';
import type { WriteSession } from './write-session.ts';

/** Creates a new archive or migrates an older one; `held` when the caller holds the lock already. */
export async function prepareArchive(
  session: WriteSession,
  lock: ArchiveLock,
  held: HeldLock | undefined,
  initialClippings: () => Clipping[],
): Promise<void> {
  const { dir } = session;
  const layout = await detectLayout(dir);
  if (layout.kind === 'newer') {
    throw new ArchiveError({ code: 'newerFormat', params: { dir, version: layout.version } });
  }
  if (layout.kind === 'current') return;
  const work = async (lock: HeldLock) => {
    const now = await detectLayout(dir);
    if (now.kind === 'empty') {
      await commitFirst(session, lock, new Map([[1, initialClippings()]]), () => session.now().toISOString());
    } else if (now.kind === 'legacy') await migrate(session, lock, now.version);
  };
  await (held ? work(held) : lock.run(work));
}

/** Rewrites an archive of an older format in the current one, after a backup of its files. */
async function migrate(session: WriteSession, held: HeldLock, version: number): Promise<void> {
  const { dir, now } = session;
  const legacy = await readLegacyArchive(dir, version); // reads and checks everything first
  const backup = await takeSnapshot(dir, {
    kind: 'before-migration',
    files: await listDataFiles(dir),
    formatVersion: version,
    clippings: legacy.clippings.filter((c) => !c.deletedAt).length,
    trashed: legacy.clippings.filter((c) => c.deletedAt).length,
    source: 'live',
    now: now(),
  });
  await rotateSnapshots(dir, KEEP, backup.name);
  await commitFirst(session, held, packedFrom(legacy.clippings), () => legacy.createdAt ?? now().toISOString());
  for (const file of legacy.files) if (file !== MANIFEST_FILE) await rm(join(dir, file), { force: true });
}
