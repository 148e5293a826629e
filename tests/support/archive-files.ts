// Reading and damaging an archive's files directly, the way a test (or a failing disk) would.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ManifestOnDisk {
  format: string;
  formatVersion: number;
  generation: number;
  shards: { file: string; count: number; trashed: number; bytes: number; firstId?: string; lastId?: string }[];
}

export async function readManifest(dir: string): Promise<ManifestOnDisk> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ManifestOnDisk;
}

/** The file name the manifest lists for shard `slot` (1-based), e.g. "shards/000001-g7.json". */
export async function shardFile(dir: string, slot = 1): Promise<string> {
  const entry = (await readManifest(dir)).shards.find((s) =>
    s.file.startsWith(`shards/${String(slot).padStart(6, '0')}-`),
  );
  if (!entry) throw new Error(`no shard ${slot} in ${dir}`);
  return entry.file;
}

export async function readJsonFile<T = unknown>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
}

/** Ways a file gets damaged: cut short, bytes changed in the middle, or overwritten with rubbish. */
export async function truncateFile(path: string, keep = 0.5): Promise<void> {
  const bytes = await readFile(path);
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * keep)));
}

export async function garbleFile(path: string): Promise<void> {
  const bytes = await readFile(path);
  const middle = Math.floor(bytes.length / 2);
  // Zeroed bytes in the middle, as a failing disk leaves them: same size; never valid JSON, not even inside a string.
  bytes.fill(0, middle, Math.min(bytes.length, middle + 16));
  await writeFile(path, bytes);
}

/**
 * Snapshots share shard files by name, so a name must never stand for two contents: every shard
 * file of the same name, live or in any snapshot, has the same bytes.
 */
export async function shardNamesWithTwoContents(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const { createHash } = await import('node:crypto');
  const folders = [dir, ...(await readdir(join(dir, 'backups')).catch(() => [])).map((b) => join(dir, 'backups', b))];
  const seen = new Map<string, string>();
  const clashes = new Set<string>();
  for (const folder of folders) {
    for (const name of await readdir(join(folder, 'shards')).catch(() => [] as string[])) {
      if (!/^\d{6}-g\d+\.json$/.test(name)) continue;
      const hash = createHash('sha256')
        .update(await readFile(join(folder, 'shards', name)))
        .digest('hex');
      if (seen.has(name) && seen.get(name) !== hash) clashes.add(name);
      seen.set(name, hash);
    }
  }
  return [...clashes];
}
