// What is in an archive folder: which format it is in, which files hold its data (as opposed to
// backups, the lock and temp files), and leftovers of interrupted writes.
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BACKUPS_DIR,
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  SHARDS_DIR,
  SIDE_FILES,
  parseShardFileName,
  parseSummaryFileName,
} from './format.ts';
import { listScanFiles } from '../scans/scan-files.ts';

/** The single file of format version 0 (see migrations.ts). */
export const LEGACY_DB_FILE = 'db.json';

export type Layout =
  | { kind: 'empty' }
  /** manifest.json of this version (or unreadable: then the current reader reports the damage) */
  | { kind: 'current' }
  | { kind: 'legacy'; version: number }
  | { kind: 'newer'; version: number };

export async function detectLayout(dir: string): Promise<Layout> {
  const manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (manifestText !== undefined) {
    const version = formatVersionOf(manifestText);
    if (version === undefined || version === FORMAT_VERSION) return { kind: 'current' };
    return version > FORMAT_VERSION ? { kind: 'newer', version } : { kind: 'legacy', version };
  }
  if (await exists(join(dir, LEGACY_DB_FILE))) return { kind: 'legacy', version: 0 };
  // Shard files without a manifest: damaged (the reader says so); never start a new archive over them.
  if ((await listShardFiles(dir)).length > 0) return { kind: 'current' };
  return { kind: 'empty' };
}

function formatVersionOf(text: string): number | undefined {
  try {
    const value = JSON.parse(text) as { format?: unknown; formatVersion?: unknown };
    if (
      value.format === FORMAT_NAME &&
      typeof value.formatVersion === 'number' &&
      Number.isInteger(value.formatVersion)
    )
      return value.formatVersion;
  } catch {
    // not JSON: the reader reports it
  }
  return undefined;
}

/** "shards/…" names of the .json files in the shards folder, summary files left out. */
export async function listShardFiles(dir: string): Promise<string[]> {
  return (await listShardFolder(dir)).filter((file) => parseSummaryFileName(file) === undefined);
}

/** "shards/…" names of the summary files in the shards folder. */
export async function listSummaryFiles(dir: string): Promise<string[]> {
  return (await listShardFolder(dir)).filter((file) => parseSummaryFileName(file) !== undefined);
}

async function listShardFolder(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, SHARDS_DIR)).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => `${SHARDS_DIR}/${name}`);
}

/** Every file that holds archive data in any format, relative to `dir`: what a restore sets aside. */
export async function listDataFiles(dir: string): Promise<string[]> {
  const files = [];
  for (const name of [MANIFEST_FILE, LEGACY_DB_FILE]) if (await exists(join(dir, name))) files.push(name);
  return [...files, ...(await listShardFolder(dir)), ...(await listSideFiles(dir)), ...(await listScanFiles(dir))];
}

/** The side files (SIDE_FILES) the folder has. */
export async function listSideFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of SIDE_FILES) if (await exists(join(dir, name))) files.push(name);
  return files;
}

/** The highest generation any shard file in the folder is named after (0 if none). */
export async function highestGeneration(dir: string): Promise<number> {
  let highest = 0;
  for (const file of await listShardFiles(dir)) highest = Math.max(highest, parseShardFileName(file)?.generation ?? 0);
  return highest;
}

/**
 * The highest generation in the archive and in all its snapshots. A restore or a migration starts
 * counting above it, so a shard file name never comes back with other contents (snapshots share
 * files by name).
 */
export async function highestGenerationEver(dir: string): Promise<number> {
  let highest = await highestGeneration(dir);
  for (const name of await readdir(join(dir, BACKUPS_DIR)).catch(() => [] as string[])) {
    highest = Math.max(highest, await highestGeneration(join(dir, BACKUPS_DIR, name)));
  }
  return highest;
}

/**
 * Removes what interrupted writes leave behind: shard files no manifest names, temp files and
 * abandoned lock folders. Only ever called by the lock holder with a sound manifest in hand.
 */
export async function removeLeftovers(dir: string, listed: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  const shardNames = await readdir(join(dir, SHARDS_DIR)).catch(() => [] as string[]);
  for (const name of shardNames) {
    const file = `${SHARDS_DIR}/${name}`;
    // A summary file goes with its shard file.
    const shard = parseSummaryFileName(file) ? file.replace(/\.summary\.json$/, '.json') : file;
    const leftover = isTempFile(name) || (parseShardFileName(shard) !== undefined && !listed.has(shard));
    if (!leftover) continue;
    await rm(join(dir, file), { force: true });
    removed += 1;
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    // A lock folder being built aside (…new-) by a process about to take the lock is not a leftover
    // until it is old: every step it is in lasts milliseconds.
    const lockLeftover =
      /^archive\.lock\.(abandoned|released|new)-/.test(name) && (await ageMs(join(dir, name))) > 60_000;
    if (isTempFile(name) || lockLeftover) {
      await rm(join(dir, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

async function ageMs(path: string): Promise<number> {
  const s = await stat(path).catch(() => undefined);
  return s ? Date.now() - s.mtimeMs : 0;
}

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** Changes whenever any data file is replaced, added or removed: tells a damaged archive was repaired. */
export async function fingerprint(dir: string): Promise<string> {
  const parts = [];
  for (const file of [...(await listDataFiles(dir))].sort()) {
    const s = await stat(join(dir, file)).catch(() => undefined);
    parts.push(`${file}:${s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '-'}`);
  }
  return parts.join('|');
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
