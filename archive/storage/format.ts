// The on-disk format: a small manifest plus bounded shard files, each a lowdb JSON document.
import { z } from 'zod';
import { ClippingSchema } from '../clipping.ts';

export const FORMAT_NAME = 'press-archive';
export const FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SHARDS_DIR = 'shards';

/** A shard takes new clippings until it holds this many or this many bytes; so a write stays small. */
export const SHARD_MAX_CLIPPINGS = 250;
export const SHARD_MAX_BYTES = 2 * 1024 * 1024;

export const ShardEntrySchema = z.strictObject({
  file: z.string().regex(/^shards\/\d{6}\.json$/),
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  rev: z.number().int().nonnegative(),
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

export const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  generation: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
  shards: z.array(ShardEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const ShardSchema = z.strictObject({
  formatVersion: z.number().int().positive(),
  rev: z.number().int().nonnegative(),
  clippings: z.array(ClippingSchema),
});
export type Shard = z.infer<typeof ShardSchema>;

export function shardFileName(index: number): string {
  return `${SHARDS_DIR}/${String(index).padStart(6, '0')}.json`;
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
