// Snapshots of the archive's files in backups/ inside the archive folder, one folder each, named
// after the moment and the reason: backups/2026-11-29T20-46-00-123Z-daily/. They live inside the
// archive so that copying or moving the archive folder takes its history with it, and so that no
// second location has to be found, created or kept writable; a copy on another disk is still the
// user's job (README). A snapshot appears whole or not at all (built in a .partial- folder, then
// renamed). Shard files never change once written, so a shard the previous snapshot already holds
// is hard-linked from there instead of copied: a snapshot of 100,000 clippings costs the manifest
// and the shards written since. Links are only ever made between snapshots, never to the live
// archive (except to set the current state aside, where an exact copy of what is there is the point).
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncDirectory, syncFile, writeFileDurably } from '../storage/durable-json-file.ts';
import { BACKUPS_DIR, parseShardFileName, toFileText } from '../storage/format.ts';
import { isScanFile } from '../scans/scan-files.ts';
import { BackupInfoSchema, SNAPSHOT_NAME, infoFromName, type BackupInfo, type SnapshotKind } from './backup-info.ts';

export type { BackupInfo, SnapshotKind };

const META_FILE = 'backup.json';
const PARTIAL_PREFIX = '.partial-';

export interface SnapshotRequest {
  kind: SnapshotKind;
  /** Data files to keep, relative to the archive folder. */
  files: readonly string[];
  formatVersion: number;
  clippings?: number;
  trashed?: number;
  /** 'live': hard-link the archive's own files (setting the current state aside). */
  source: 'copy' | 'live';
  now: Date;
}

export function backupsDir(archiveDir: string): string {
  return join(archiveDir, BACKUPS_DIR);
}

export function snapshotDir(archiveDir: string, name: string): string {
  return join(backupsDir(archiveDir), name);
}

/** The snapshots, newest first; without `meta` only what their names tell (no file reads). */
export async function listSnapshots(archiveDir: string, { meta: withMeta = true } = {}): Promise<BackupInfo[]> {
  const names = await readdir(backupsDir(archiveDir)).catch(() => [] as string[]);
  const result: BackupInfo[] = [];
  for (const name of names) {
    if (!SNAPSHOT_NAME.test(name)) continue;
    if (!withMeta) {
      result.push({ ...infoFromName(name), formatVersion: 0 });
      continue;
    }
    const meta = await readFile(join(backupsDir(archiveDir), name, META_FILE), 'utf8').then(
      (text) => BackupInfoSchema.safeParse({ ...JSON.parse(text), name }),
      () => undefined,
    );
    result.push(meta?.success ? meta.data : { ...infoFromName(name), formatVersion: 0 });
  }
  return result.sort((a, b) => (a.name < b.name ? 1 : -1));
}

export async function takeSnapshot(archiveDir: string, request: SnapshotRequest): Promise<BackupInfo> {
  const root = backupsDir(archiveDir);
  await mkdir(root, { recursive: true });
  await removePartials(root);
  const previous = request.source === 'copy' ? (await listSnapshots(archiveDir, { meta: false }))[0] : undefined;
  let at = request.now.getTime();
  let name = snapshotName(new Date(at), request.kind);
  while (
    await stat(join(root, name)).then(
      () => true,
      () => false,
    )
  )
    name = snapshotName(new Date(++at), request.kind);
  const partial = join(root, `${PARTIAL_PREFIX}${name}.${randomBytes(4).toString('hex')}`);
  try {
    const folders = new Set<string>([partial]);
    for (const file of request.files) {
      const target = join(partial, file);
      await mkdir(dirname(target), { recursive: true });
      folders.add(dirname(target));
      const from = join(archiveDir, file);
      if (request.source === 'live') await linkOrCopy(from, target);
      // Shard and scan files never change once written: one the previous snapshot has is linked.
      else if (
        previous &&
        (parseShardFileName(file) || isScanFile(file)) &&
        (await sameSize(join(root, previous.name, file), from))
      )
        await linkOrCopy(join(root, previous.name, file), target);
      else await copyDurably(from, target);
    }
    const info: BackupInfo = {
      name,
      kind: request.kind,
      createdAt: new Date(at).toISOString(),
      formatVersion: request.formatVersion,
      ...(request.clippings !== undefined ? { clippings: request.clippings } : {}),
      ...(request.trashed !== undefined ? { trashed: request.trashed } : {}),
    };
    await writeFileDurably(join(partial, META_FILE), toFileText(info));
    for (const folder of folders) await syncDirectory(folder);
    await rename(partial, join(root, name));
    await syncDirectory(root);
    return info;
  } catch (error) {
    // A snapshot that could not be finished (a full disk) leaves nothing behind.
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** Keeps the newest `keep[kind]` snapshots of each kind; never the one just taken. */
export async function rotateSnapshots(
  archiveDir: string,
  keep: Record<SnapshotKind, number>,
  spare?: string,
): Promise<string[]> {
  const removed: string[] = [];
  const seen = new Map<SnapshotKind, number>();
  for (const snapshot of await listSnapshots(archiveDir)) {
    const count = (seen.get(snapshot.kind) ?? 0) + 1;
    seen.set(snapshot.kind, count);
    if (count > keep[snapshot.kind] && snapshot.name !== spare) {
      await rm(snapshotDir(archiveDir, snapshot.name), { recursive: true, force: true });
      removed.push(snapshot.name);
    }
  }
  return removed;
}

function snapshotName(at: Date, kind: SnapshotKind): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${kind}`;
}

async function removePartials(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (name.startsWith(PARTIAL_PREFIX)) await rm(join(root, name), { recursive: true, force: true });
  }
}

async function sameSize(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.size === sb.size;
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyDurably(from, to); // a file system without hard links (FAT, some network shares)
  }
}

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  await syncFile(to);
}
