// Restoring a snapshot (backups/<name>) into the live archive, under the archive lock: the snapshot
// is checked first as thoroughly as a live archive (a damaged one is refused); the current state is
// then set aside in a snapshot of its own, so the restore can itself be undone. Shard files come
// back under new names (a generation above any used before), then the manifest that names them.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArchiveError } from '../errors.ts';
import { listScanFiles } from '../scans/scan-files.ts';
import { checkArchive } from '../storage/check.ts';
import { syncDirectory, syncFile, writeFileDurably } from '../storage/durable-json-file.ts';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  SHARDS_DIR,
  SIDE_FILES,
  shardFileName,
  summaryFileOf,
  type Manifest,
  type ShardEntry,
} from '../storage/format.ts';
import {
  detectLayout,
  highestGenerationEver,
  listDataFiles,
  listSideFiles,
  removeLeftovers,
} from '../storage/layout.ts';
import type { HeldLock } from '../storage/lock.ts';
import { writeManifest } from '../storage/manifest-file.ts';
import { readLegacyArchive } from '../storage/migrations.ts';
import { damaged, isDamage, slotOf } from '../storage/shard-file.ts';
import type { RestoreResult } from './backup-info.ts';
import { KEEP } from './policy.ts';
import { listSnapshots, rotateSnapshots, snapshotDir, takeSnapshot } from './snapshots.ts';

/** What the store knows of the live archive when the restore starts. */
export interface LiveArchive {
  /** The generation of its manifest (0 when there is none). */
  generation: number;
  /** Clippings and trashed ones, for the description of the set-aside snapshot, when known. */
  counts: () => { clippings?: number; trashed?: number };
  now: () => Date;
}

/**
 * Puts the archive in `dir` back as it was in snapshot `name`, the current state set aside first.
 * The caller holds the lock, and reads the archive afresh afterwards.
 */
export async function restoreSnapshot(
  dir: string,
  name: string,
  held: HeldLock,
  live: LiveArchive,
): Promise<RestoreResult> {
  const at = (file: string) => join(dir, file);
  const snapshot = (await listSnapshots(dir)).find((s) => s.name === name);
  if (!snapshot) throw new ArchiveError({ code: 'noSuchBackup', params: { name } });
  const from = snapshotDir(dir, name);
  const source = await inspectSnapshot(from, name);
  const current = await listDataFiles(dir);
  const layout = await detectLayout(dir);
  const setAside =
    current.length > 0
      ? await takeSnapshot(dir, {
          kind: 'before-restore',
          files: current,
          formatVersion: layout.kind === 'legacy' ? layout.version : FORMAT_VERSION,
          ...live.counts(),
          source: 'live',
          now: live.now(),
        })
      : undefined;
  const installed = new Set<string>();
  // Side files (saved searches) come back when the snapshot has them; else the current ones stay.
  for (const file of await listSideFiles(from)) {
    await writeFileDurably(at(file), await readFile(join(from, file)));
    installed.add(file);
  }
  const keep = new Set<string>(SIDE_FILES);
  // Scan files are named by their content: one already here is the same file.
  for (const file of await listScanFiles(from)) {
    if (!current.includes(file)) {
      await mkdir(dirname(at(file)), { recursive: true });
      await copyFileDurably(join(from, file), at(file));
    }
    installed.add(file);
  }
  if (source.kind === 'current') {
    const generation = Math.max(source.manifest.generation, live.generation, await highestGenerationEver(dir)) + 1;
    await mkdir(join(dir, SHARDS_DIR), { recursive: true });
    const shards: ShardEntry[] = [];
    for (const entry of source.manifest.shards) {
      const file = shardFileName(slotOf(entry), generation);
      for (const [source, target] of [
        [entry.file, file],
        [summaryFileOf(entry.file), summaryFileOf(file)],
      ] as const) {
        await rm(at(target), { force: true });
        await copyFileDurably(join(from, source), at(target));
        installed.add(target);
      }
      shards.push({ ...entry, file });
    }
    await syncDirectory(join(dir, SHARDS_DIR));
    await held.assertHeld();
    await writeManifest(dir, { ...source.manifest, generation, shards });
    installed.add(MANIFEST_FILE);
  } else {
    // An older format: put its files back as they were; opening then migrates them again.
    for (const file of source.files.filter((f) => f !== MANIFEST_FILE)) {
      await mkdir(dirname(at(file)), { recursive: true });
      await writeFileDurably(at(file), await readFile(join(from, file)));
      installed.add(file);
    }
    await held.assertHeld();
    if (source.files.includes(MANIFEST_FILE)) {
      await writeFileDurably(at(MANIFEST_FILE), await readFile(join(from, MANIFEST_FILE)));
      installed.add(MANIFEST_FILE);
    } else {
      await rm(at(MANIFEST_FILE), { force: true });
      await syncDirectory(dir);
    }
  }
  // The state before is kept in the set-aside snapshot; what is not part of the restored one goes.
  for (const file of current) if (!installed.has(file) && !keep.has(file)) await rm(at(file), { force: true });
  await removeLeftovers(dir, installed);
  if (setAside) await rotateSnapshots(dir, KEEP, setAside.name);
  return setAside ? { restored: name, setAside: setAside.name } : { restored: name };
}

type SnapshotSource = { kind: 'current'; manifest: Manifest } | { kind: 'legacy'; files: string[] };

/** What a snapshot holds, checked as thoroughly as a live archive; a damaged one is refused. */
async function inspectSnapshot(from: string, name: string): Promise<SnapshotSource> {
  const inBackup = (error: ArchiveError) =>
    damaged(`backups/${name}/${String(error.info.params?.file ?? '')}`, String(error.info.params?.detail ?? ''));
  const layout = await detectLayout(from);
  if (layout.kind === 'newer') {
    throw new ArchiveError({ code: 'newerFormat', params: { dir: from, version: layout.version } });
  }
  if (layout.kind === 'empty') throw damaged(`backups/${name}`, 'holds no archive files');
  if (layout.kind === 'legacy') {
    try {
      const legacy = await readLegacyArchive(from, layout.version);
      return { kind: 'legacy', files: legacy.files };
    } catch (error) {
      throw isDamage(error) ? inBackup(error) : error;
    }
  }
  const report = await checkArchive(from);
  const problem = report.problems[0];
  if (problem) throw inBackup(damaged(problem.file, problem.detail));
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(from, MANIFEST_FILE), 'utf8')));
  return { kind: 'current', manifest };
}

async function copyFileDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await syncFile(to);
}
