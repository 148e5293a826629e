// Reading one shard file and its summary: checksum, JSON, the schema, and agreement with what the
// manifest says about it. Shared by the store (which reads lazily) and the integrity check (which
// reads everything, and then names the clippings a damaged shard holds, see check.ts).
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { sha256 } from './checksums.ts';
import {
  FORMAT_VERSION,
  ShardSchema,
  SummaryFileSchema,
  describeClippings,
  describeIssue,
  type ShardEntry,
  type SummaryRecord,
} from './format.ts';

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
