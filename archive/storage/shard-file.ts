// Reading one shard file: JSON, the schema, and agreement with what the manifest says about it.
// Shared by the store (which reads lazily) and the integrity check (which reads everything).
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { ShardSchema, describeIssue, describeShard, type ShardEntry } from './format.ts';

/** The clippings of a shard file's bytes; throws 'damaged' naming the file and what is wrong. */
export function parseShard(file: string, bytes: Buffer | string, entry?: ShardEntry): Clipping[] {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (error) {
    throw damaged(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = ShardSchema.safeParse(raw);
  if (!parsed.success) throw damaged(file, describeIssue(parsed.error));
  const clippings = parsed.data.clippings;
  const ids = new Set<string>();
  for (const { id } of clippings) {
    if (ids.has(id)) throw damaged(file, `duplicate id ${id}`);
    ids.add(id);
  }
  if (entry) {
    const actual = describeShard(file, clippings, entry.bytes);
    if (actual.count !== entry.count) {
      throw damaged(file, `manifest says ${entry.count} clippings, the file has ${actual.count}`);
    }
    if (actual.trashed !== entry.trashed) {
      throw damaged(file, `manifest says ${entry.trashed} in the trash, the file has ${actual.trashed}`);
    }
    if (actual.firstId !== entry.firstId || actual.lastId !== entry.lastId) {
      throw damaged(file, 'its ids are not the ones the manifest lists for it');
    }
  }
  return clippings;
}

export function damaged(file: string, detail: string): ArchiveError {
  return new ArchiveError({ code: 'damaged', params: { file, detail } });
}

export function isDamage(error: unknown): error is ArchiveError {
  return error instanceof ArchiveError && error.info.code === 'damaged';
}
