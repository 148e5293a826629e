// What a write changes: for each shard slot it touches, the clippings that slot holds afterwards.
// The store commits such a map in one go (commit.ts); here it is computed from the manifest's
// entries and the shards a change has to read (`load`), without writing anything.
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { SHARD_MAX_BYTES, SHARD_MAX_CLIPPINGS, mayHold, type ShardEntry } from './format.ts';
import { slotOf } from './shard-file.ts';
import { assertStorable } from './store-errors.ts';

/** Each changed slot and the clippings it holds afterwards (an empty list leaves the shard empty). */
export type ShardChanges = Map<number, Clipping[]>;

/** Reads (or takes from memory) the clippings of a shard. */
export type LoadShard = (entry: ShardEntry) => Promise<Clipping[]>;

/** Roughly what a clipping adds to its shard file (indented JSON). */
function estimatedBytes(clipping: Clipping): number {
  return Buffer.byteLength(JSON.stringify(clipping)) + 40;
}

/**
 * Clippings in shard-sized groups, in order. With `first`, the first group continues that shard
 * (its clippings and their size in bytes) while it has room.
 */
export function packShards(
  clippings: readonly Clipping[],
  first: { clippings: Clipping[]; bytes: number } = { clippings: [], bytes: 0 },
): Clipping[][] {
  const groups: Clipping[][] = [first.clippings];
  let bytes = first.bytes;
  for (const clipping of clippings) {
    let group = groups.at(-1)!;
    if (group.length >= SHARD_MAX_CLIPPINGS || bytes >= SHARD_MAX_BYTES) {
      group = [];
      groups.push(group);
      bytes = 0;
    }
    group.push(clipping);
    bytes += estimatedBytes(clipping);
  }
  return groups;
}

/** Clippings packed into shards from slot `start` on (the first continuing `first`, see packShards). */
export function packedFrom(
  clippings: readonly Clipping[],
  start = 1,
  first?: { clippings: Clipping[]; bytes: number },
): ShardChanges {
  return new Map(packShards(clippings, first).map((group, i) => [start + i, group]));
}

/** New clippings: the last shard takes them while it has room; then new shards follow it. */
export async function appended(
  entries: readonly ShardEntry[],
  clippings: readonly Clipping[],
  load: LoadShard,
): Promise<ShardChanges> {
  const last = entries.at(-1);
  const open = last && last.count < SHARD_MAX_CLIPPINGS && last.bytes < SHARD_MAX_BYTES;
  const first = open ? { clippings: [...(await load(last))], bytes: last.bytes } : undefined;
  const start = last ? slotOf(last) + (open ? 0 : 1) : 1;
  return packedFrom(clippings, start, first);
}

/** Every stored clipping replaced by these: the shards beyond them are left empty. */
export function replacedBy(entries: readonly ShardEntry[], clippings: readonly Clipping[]): ShardChanges {
  const seen = new Set<string>();
  for (const clipping of clippings) {
    assertStorable(clipping);
    if (seen.has(clipping.id)) {
      throw new ArchiveError({ code: 'internal', params: { detail: `duplicate id ${clipping.id}` } });
    }
    seen.add(clipping.id);
  }
  const changes: ShardChanges = new Map(entries.map((e) => [slotOf(e), []]));
  for (const [slot, group] of packedFrom(clippings)) changes.set(slot, group);
  return changes;
}

/** A stored clipping's next version: valid, and with the same id. */
export function checkedUpdate(current: Clipping, next: Clipping): Clipping {
  assertStorable(next);
  if (next.id !== current.id) {
    throw new ArchiveError({ code: 'internal', params: { detail: 'an update changed the id' } });
  }
  return next;
}

/**
 * The shards `change` changes (it gives a clipping's new version, or undefined to leave it), and
 * the changed clippings. With `ids`, only the shards that may hold one of them are read.
 */
export async function updated(
  entries: readonly ShardEntry[],
  load: LoadShard,
  change: (current: Clipping) => Clipping | undefined,
  ids?: ReadonlySet<string>,
): Promise<{ changes: ShardChanges; changed: Clipping[] }> {
  const changes: ShardChanges = new Map();
  const changed: Clipping[] = [];
  const wanted = ids && [...ids];
  for (const entry of entries) {
    if (wanted && !wanted.some((id) => mayHold(entry, id))) continue;
    const clippings = await load(entry);
    let list: Clipping[] | undefined;
    clippings.forEach((current, i) => {
      if (ids && !ids.has(current.id)) return;
      const next = change(current);
      if (next === undefined) return;
      (list ??= clippings.slice())[i] = checkedUpdate(current, next);
      changed.push(next);
    });
    if (list) changes.set(slotOf(entry), list);
  }
  return { changes, changed };
}

/** The shards the manifest says hold trashed clippings, without them, and the clippings removed. */
export async function withoutTrashed(
  entries: readonly ShardEntry[],
  load: LoadShard,
): Promise<{ changes: ShardChanges; removed: Clipping[] }> {
  const changes: ShardChanges = new Map();
  const removed: Clipping[] = [];
  for (const entry of entries) {
    if (entry.trashed === 0) continue;
    const clippings = await load(entry);
    const kept = clippings.filter((c) => c.deletedAt === undefined);
    removed.push(...clippings.filter((c) => c.deletedAt !== undefined));
    if (kept.length !== clippings.length) changes.set(slotOf(entry), kept);
  }
  return { changes, removed };
}
