// The on-disk format (version 3): a small manifest plus bounded shard files, each a JSON document,
// and beside each shard its summary file. Shard files are never changed once written: a
// write puts the new content of a shard in a new file named by the manifest generation that
// introduces it (and its summary beside it), then replaces the manifest (the one commit point), then
// deletes the files it superseded. A crash at any moment leaves either the old or the new manifest,
// each naming complete files. Older formats are read by migrations.ts.
//
// Every byte is checked: the manifest holds the SHA-256 of each shard file and of its summary
// file; the summary holds, for each clipping, the SHA-256 of its canonical bytes (its JSON as
// stored), so a check names the very clipping a changed byte belongs to. The summary also carries
// what the list, the facets and the duplicate check need (everything but the text, and a digest of
// the text), so the app shows the list at launch from the summaries alone and verifies the shards
// afterwards.
import { z } from 'zod';
import { ClippingIdSchema, ClippingSchema, ClippingSummarySchema } from '../clipping.ts';

export const FORMAT_NAME = 'press-archive';
export const FORMAT_VERSION = 3;
export const MANIFEST_FILE = 'manifest.json';
export const SHARDS_DIR = 'shards';
export const BACKUPS_DIR = 'backups';
export const LOCK_NAME = 'archive.lock';
/**
 * Files other parts of the app keep in the archive folder (search/saved-searches.ts): they are part
 * of the archivist's work, so snapshots keep them and a restore puts them back when the snapshot has them.
 */
export const SIDE_FILES = ['saved-searches.json'] as const;

/** A shard takes new clippings until it holds this many or this many bytes; so a write stays small. */
export const SHARD_MAX_CLIPPINGS = 250;
export const SHARD_MAX_BYTES = 2 * 1024 * 1024;

const SHARD_FILE = /^shards\/(\d{6})-g(\d{1,15})\.json$/;
const SUMMARY_FILE = /^shards\/(\d{6})-g(\d{1,15})\.summary\.json$/;
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ShardEntrySchema = z.strictObject({
  file: z.string().regex(SHARD_FILE),
  count: z.number().int().nonnegative(),
  trashed: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The smallest and largest id in the shard: ids are time-ordered, so a lookup reads one shard. */
  firstId: ClippingIdSchema.optional(),
  lastId: ClippingIdSchema.optional(),
  /** SHA-256 of the shard file's bytes. */
  sha256: SHA256,
  /** Size and SHA-256 of its summary file (summaryFileOf). */
  summaryBytes: z.number().int().nonnegative(),
  summarySha256: SHA256,
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  /** Counts the writes; every write names its new shard files after it. */
  generation: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
  shards: z.array(ShardEntrySchema).superRefine((shards, ctx) => {
    const slots = new Set<number>();
    for (const { file } of shards) {
      const slot = parseShardFileName(file)?.slot;
      if (slot !== undefined && slots.has(slot))
        ctx.addIssue({ code: 'custom', message: `shard ${slot} is listed twice` });
      if (slot !== undefined) slots.add(slot);
    }
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const ShardSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  clippings: z.array(ClippingSchema),
});
export type Shard = z.infer<typeof ShardSchema>;

/**
 * What the summary file keeps of a clipping: all but its texts and scan details (the list's
 * summary), a digest of the text, its checksum.
 */
export const SummaryRecordSchema = ClippingSummarySchema.extend({
  /** SHA-256 of the text with its spacing evened out (textDigest): finds duplicates. */
  digest: z.string(),
  /** SHA-256 of the clipping's canonical bytes (recordChecksum). */
  sha256: SHA256,
});
export type SummaryRecord = z.infer<typeof SummaryRecordSchema>;

export const SummaryFileSchema = z.strictObject({
  formatVersion: z.literal(FORMAT_VERSION),
  clippings: z.array(SummaryRecordSchema),
});
export type SummaryFile = z.infer<typeof SummaryFileSchema>;

/** "shards/000003-g41.summary.json" for "shards/000003-g41.json". */
export function summaryFileOf(shardFile: string): string {
  return shardFile.replace(/\.json$/, '.summary.json');
}

/** slot and generation of a summary file name. */
export function parseSummaryFileName(file: string): { slot: number; generation: number } | undefined {
  const m = SUMMARY_FILE.exec(file);
  return m ? { slot: Number(m[1]), generation: Number(m[2]) } : undefined;
}

export function shardFileName(slot: number, generation: number): string {
  return `${SHARDS_DIR}/${String(slot).padStart(6, '0')}-g${generation}.json`;
}

/** slot and generation of a shard file name such as "shards/000003-g41.json". */
export function parseShardFileName(file: string): { slot: number; generation: number } | undefined {
  const m = SHARD_FILE.exec(file);
  return m ? { slot: Number(m[1]), generation: Number(m[2]) } : undefined;
}

/** What the manifest says of a shard's clippings: how many, how many trashed, the id range. */
export function describeClippings(file: string, clippings: readonly z.infer<typeof ClippingSchema>[], bytes: number) {
  let firstId: string | undefined;
  let lastId: string | undefined;
  let trashed = 0;
  for (const { id, deletedAt } of clippings) {
    if (firstId === undefined || id < firstId) firstId = id;
    if (lastId === undefined || id > lastId) lastId = id;
    if (deletedAt !== undefined) trashed += 1;
  }
  const entry: Pick<ShardEntry, 'file' | 'count' | 'trashed' | 'bytes' | 'firstId' | 'lastId'> = {
    file,
    count: clippings.length,
    trashed,
    bytes,
  };
  if (firstId !== undefined) entry.firstId = firstId;
  if (lastId !== undefined) entry.lastId = lastId;
  return entry;
}

/** Could the shard of this entry hold `id`? */
export function mayHold(entry: ShardEntry, id: string): boolean {
  return entry.firstId !== undefined && entry.lastId !== undefined && entry.firstId <= id && id <= entry.lastId;
}

/** Whether any of the sorted ids falls in the shard's id range (a binary search for the first id not below it). */
export function holdsAny(entry: ShardEntry, sortedIds: readonly string[]): boolean {
  if (entry.firstId === undefined || entry.lastId === undefined) return false;
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedIds[middle]! < entry.firstId) low = middle + 1;
    else high = middle;
  }
  return low < sortedIds.length && sortedIds[low]! <= entry.lastId;
}

/** Where zod found a problem, as "clippings[3].date: …" for a person reading a check report. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
  return `${path || '(root)'}: ${issue.message}`;
}

/** The text a document is stored as: indented UTF-8 JSON, readable in any editor. */
export function toFileText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
