// One shard file and its summary: reading them (checksum, JSON, the schema, and agreement with what
// the manifest says) and writing them as new files. Parsing is
// shared by the store (which reads lazily) and the integrity check (which reads everything, and then
// names the clippings a damaged shard holds, see check.ts).
import type { Stats } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { sha256, summaryOf } from './checksums.ts';
import { errorDetail, syncDirectory, writeNewJSONFile, type WrittenFile } from './durable-json-file.ts';
import {
  FORMAT_VERSION,
  SHARDS_DIR,
  ShardSchema,
  SummaryFileSchema,
  describeClippings,
  describeIssue,
  parseShardFileName,
  shardFileName,
  summaryFileOf,
  type Shard,
  type ShardEntry,
  type SummaryFile,
  type SummaryRecord,
} from './format.ts';
import type { CachedShard } from './shard-cache.ts';

/** The clippings of a shard file's bytes; throws 'damaged' naming the file and what is wrong. */
export function parseShard(file: string, bytes: Buffer | string, entry?: ShardEntry): Clipping[] {
  const raw = parseJson(file, bytes);
  assertNotNewer(file, raw);
  const parsed = ShardSchema.safeParse(raw);
  if (!parsed.success) throw damaged(file, describeIssue(parsed.error));
  const clippings = parsed.data.clippings;
  const ids = new Set<string>();
  for (const { id } of clippings) {
    if (ids.has(id)) throw damaged(file, `duplicate id ${id}`);
    ids.add(id);
  }
  if (entry) {
    const actual = describeClippings(file, clippings, entry.bytes);
    if (actual.count !== entry.count) {
      throw damaged(file, `manifest says ${entry.count} clippings, the file has ${actual.count}`);
    }
    if (actual.trashed !== entry.trashed) {
      throw damaged(file, `manifest says ${entry.trashed} in the trash, the file has ${actual.trashed}`);
    }
    if (actual.firstId !== entry.firstId || actual.lastId !== entry.lastId) {
      throw damaged(file, 'its ids are not the ones the manifest lists for it');
    }
    // Last: a sound-looking file whose bytes changed all the same (a digit, a letter, a space).
    if (sha256(bytes) !== entry.sha256) throw damaged(file, 'its bytes do not match their checksum');
  }
  return clippings;
}

/**
 * The records of a summary file, checked against its checksum in the manifest. They are not
 * validated one by one: the checksum proves they are the ones written, after validation.
 */
export function parseSummary(file: string, bytes: Buffer | string, entry: ShardEntry): SummaryRecord[] {
  if (sha256(bytes) !== entry.summarySha256) throw damaged(file, 'its bytes do not match their checksum');
  const raw = parseJson(file, bytes);
  assertNotNewer(file, raw);
  const records = (raw as { clippings?: unknown }).clippings;
  if ((raw as { formatVersion?: unknown }).formatVersion !== FORMAT_VERSION || !Array.isArray(records)) {
    const parsed = SummaryFileSchema.safeParse(raw);
    throw damaged(file, parsed.success ? 'not a summary file' : describeIssue(parsed.error));
  }
  if (records.length !== entry.count) {
    throw damaged(file, `manifest says ${entry.count} clippings, the summary has ${records.length}`);
  }
  return records as SummaryRecord[];
}

function parseJson(file: string, bytes: Buffer | string): unknown {
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (error) {
    throw damaged(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A file of a newer format is not damage: it is said so, with its version. */
function assertNotNewer(file: string, raw: unknown): void {
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new ArchiveError({ code: 'newerFormat', params: { dir: file, version } });
  }
}

export function damaged(file: string, detail: string): ArchiveError {
  return new ArchiveError({ code: 'damaged', params: { file, detail } });
}

export function isDamage(error: unknown): error is ArchiveError {
  return error instanceof ArchiveError && error.info.code === 'damaged';
}

/** A file the manifest names is not there (the caller tells damage from another writer's commit). */
export class MissingFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is missing`);
  }
}

function readError(dir: string, file: string, error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new MissingFile(file);
  return new ArchiveError({ code: 'io', params: { path: join(dir, file), detail: errorDetail(error) } });
}

/** Reads and checks a shard file; throws MissingFile when it is not there. */
export async function readShardFile(dir: string, entry: ShardEntry): Promise<CachedShard> {
  let bytes: Buffer;
  let fileStamp: string;
  try {
    const handle = await open(join(dir, entry.file), 'r');
    try {
      fileStamp = stampOf(await handle.stat());
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readError(dir, entry.file, error);
  }
  return { clippings: parseShard(entry.file, bytes, entry), stamp: fileStamp, bytes: bytes.length };
}

/** Reads and checks the summary file of a shard; throws MissingFile when it is not there. */
export async function readSummaryFile(dir: string, entry: ShardEntry): Promise<SummaryRecord[]> {
  const file = summaryFileOf(entry.file);
  const bytes = await readFile(join(dir, file)).catch((error: unknown) => {
    throw readError(dir, file, error);
  });
  return parseSummary(file, bytes, entry);
}

/** The size of each shard file the manifest names (undefined: not there), asked side by side. */
export function shardSizes(dir: string, entries: readonly ShardEntry[]): Promise<(number | undefined)[]> {
  return Promise.all(
    entries.map((entry) =>
      stat(join(dir, entry.file)).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw new ArchiveError({ code: 'io', params: { path: join(dir, entry.file), detail: errorDetail(error) } });
        },
      ),
    ),
  );
}

export interface WrittenShard {
  entry: ShardEntry;
  cached: CachedShard;
  summary: SummaryRecord[];
}

/** Writes a file that must be new (the store's own also clears a leftover of that name away). */
export type WriteNew = (file: string, data: Shard | SummaryFile, compact?: boolean) => Promise<WrittenFile>;

/** Writes each group as a new shard file with its summary file beside it, then syncs the folder. */
export async function writeShardFiles(
  dir: string,
  groups: Map<number, Clipping[]>,
  generation: number,
  writeNew: WriteNew,
): Promise<Map<number, WrittenShard>> {
  await mkdir(join(dir, SHARDS_DIR), { recursive: true });
  const result = new Map<number, WrittenShard>();
  for (const [slot, clippings] of groups) {
    const file = shardFileName(slot, generation);
    const shard = await writeNew(file, { formatVersion: FORMAT_VERSION, clippings });
    const summary = clippings.map(summaryOf);
    const written = await writeNew(summaryFileOf(file), { formatVersion: FORMAT_VERSION, clippings: summary }, true);
    result.set(slot, {
      entry: {
        ...describeClippings(file, clippings, shard.bytes),
        sha256: shard.sha256,
        summaryBytes: written.bytes,
        summarySha256: written.sha256,
      },
      cached: { clippings, stamp: stampOf(await stat(join(dir, file))), bytes: shard.bytes },
      summary,
    });
  }
  await syncDirectory(join(dir, SHARDS_DIR));
  return result;
}

/**
 * Writes a shard or summary file under a name that must be new (fails with EEXIST if it is there):
 * not through lowdb's `Low`, since it is never read back and changed (durable-json-file.ts).
 */
export function writeNewFile(
  dir: string,
  file: string,
  data: Shard | SummaryFile,
  compact = false,
): Promise<WrittenFile> {
  return writeNewJSONFile(join(dir, file), data, compact);
}

export function stampOf(s: Stats): string {
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

export function slotOf(entry: ShardEntry): number {
  return parseShardFileName(entry.file)!.slot;
}
