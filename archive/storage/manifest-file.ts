// manifest.json: the one document of the archive that is read, changed and written back whole, in
// place, which is lowdb's model: so it goes through `Low` and the durable adapter
// (durable-json-file.ts). Read, it is checked against its schema; its stamp tells whether another
// process has replaced it since.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ArchiveError } from '../errors.ts';
import { DurableJSONFile, errorDetail } from './durable-json-file.ts';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  describeIssue,
  type Manifest,
  type ShardEntry,
} from './format.ts';
import { damaged } from './shard-file.ts';

/** Reads and checks the manifest; a newer format is refused with its version, not called damage. */
export async function readManifest(dir: string): Promise<Manifest> {
  const db = new Low<unknown>(new DurableJSONFile<unknown>(join(dir, MANIFEST_FILE)), null);
  await db.read();
  const raw = db.data;
  if (raw === null) throw damaged(MANIFEST_FILE, 'missing');
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new ArchiveError({ code: 'newerFormat', params: { dir, version } });
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw damaged(MANIFEST_FILE, describeIssue(parsed.error));
  return parsed.data;
}

/** Replaces the manifest durably (temp file, fsync, rename, fsync of the folder): the commit point. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await new Low<Manifest>(new DurableJSONFile<Manifest>(join(dir, MANIFEST_FILE)), manifest).write();
}

/** Changes whenever the manifest is replaced (every write renames a new file over it); '' when there is none. */
export async function readManifestStamp(dir: string): Promise<string> {
  const path = join(dir, MANIFEST_FILE);
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } });
  }
}

/** The manifest of a new archive (or a migrated one), naming its first shards. */
export function firstManifest(generation: number, createdAt: string, shards: ShardEntry[]): Manifest {
  return { format: FORMAT_NAME, formatVersion: FORMAT_VERSION, generation, createdAt, shards };
}
