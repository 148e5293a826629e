// Repair of a damaged archive (`press-archive check --repair`, and the app's repair button): only
// the damaged clippings are put back, each from the newest snapshot that holds it intact. Every
// clipping of a damaged shard that still matches its checksum stays exactly as it is; a sound shard
// is not touched. What cannot be put back is reported by name, never made up:
//  - a clipping that is in no snapshot (added after the last one);
//  - when the shard and its summary are both damaged and no snapshot holds either, the clippings
//    that still read cannot be checked: they are kept as found and named, so the user can look;
//  - a damaged manifest (then a whole backup has to be restored).
// This module only plans; the store writes the plan under the archive lock, after a snapshot of
// the damaged state, in the same commit as any write (ShardedStore.repair).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RestoredClipping, Unrepaired } from '../backup/repair-report.ts';
import { listSnapshots, snapshotDir } from '../backup/snapshots.ts';
import { ClippingSchema, type Clipping } from '../clipping.ts';
import { recordChecksum } from './checksums.ts';
import { parseShardFileName, summaryFileOf, type Manifest, type ShardEntry, type SummaryRecord } from './format.ts';
import { isDamage, parseShard, parseSummary } from './shard-file.ts';
import { SnapshotRecords, provenRecord, recordsOf } from './snapshot-records.ts';

export interface RepairPlan {
  /** The new content of each shard slot to write. */
  changes: Map<number, Clipping[]>;
  restored: RestoredClipping[];
  /** Summary files written again from their intact shard. */
  rebuilt: string[];
  unrepaired: Unrepaired[];
}

/** What to write to repair the archive in `dir`, whose manifest (sound) is `manifest`. */
export async function planRepair(dir: string, manifest: Manifest): Promise<RepairPlan> {
  const plan: RepairPlan = { changes: new Map(), restored: [], rebuilt: [], unrepaired: [] };
  const snapshots = new SnapshotRecords(dir);
  for (const entry of manifest.shards) await planShard(dir, entry, snapshots, plan);
  return plan;
}

interface Expected {
  id: string;
  sha256: string;
  title?: string;
}

async function planShard(dir: string, entry: ShardEntry, snapshots: SnapshotRecords, plan: RepairPlan): Promise<void> {
  const file = entry.file;
  const slot = parseShardFileName(file)!.slot;
  const summaryFile = summaryFileOf(file);
  const bytes = await readFile(join(dir, file)).catch(() => undefined);
  const summaryBytes = await readFile(join(dir, summaryFile)).catch(() => undefined);
  const sound = bytes && attempt(() => parseShard(file, bytes, entry));
  const summary = summaryBytes && attempt(() => parseSummary(summaryFile, summaryBytes, entry));
  if (sound && summary) return;
  if (sound) {
    // The shard is intact: its summary is written again from it, with the same clippings.
    plan.changes.set(slot, sound);
    plan.rebuilt.push(summaryFile);
    return;
  }
  const expected: Expected[] | undefined =
    summary ?? (await summaryFromSnapshots(dir, entry)) ?? (summaryBytes && hintsOf(summaryBytes));
  const live = new Map<string, unknown>();
  for (const record of bytes ? recordsOf(bytes) : []) {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !live.has(id)) live.set(id, record);
  }
  const result = expected
    ? await fromExpected(file, expected, live, snapshots, plan)
    : await fromLiveOnly(file, live, snapshots, plan);
  // Clippings the manifest counts that no file names any more.
  const named = plan.unrepaired.filter((u) => u.file === file && u.reason === 'notInBackups').length;
  const unnamed = entry.count - result.length - named;
  if (unnamed > 0) plan.unrepaired.push({ file, reason: 'unidentified', count: unnamed });
  plan.changes.set(slot, result);
}

/** The shard's list of clippings is known: keep those that match it, fetch the others. */
async function fromExpected(
  file: string,
  expected: Expected[],
  live: Map<string, unknown>,
  snapshots: SnapshotRecords,
  plan: RepairPlan,
): Promise<Clipping[]> {
  const kept = new Map<string, Clipping>();
  const wanted = new Map<string, string>();
  for (const { id, sha256 } of expected) {
    const clipping = provenRecord(live.get(id), sha256);
    if (clipping) kept.set(id, clipping);
    else wanted.set(id, sha256);
  }
  const found = await snapshots.find(wanted);
  for (const { id, title } of expected) {
    if (kept.has(id)) continue;
    const from = found.get(id);
    if (from) {
      kept.set(id, from.clipping);
      plan.restored.push({ id, title: from.clipping.title, file, snapshot: from.snapshot, exact: from.exact });
    } else {
      plan.unrepaired.push({ file, reason: 'notInBackups', id, ...(title !== undefined ? { title } : {}) });
    }
  }
  return expected.flatMap(({ id }) => kept.get(id) ?? []);
}

/**
 * Nothing says which clippings the shard held or what they were: each record that still reads is
 * kept when a snapshot holds it unchanged; otherwise an earlier version from a snapshot is not put
 * in place of one that still reads (that would change it silently): it is kept as found, and named.
 */
async function fromLiveOnly(
  file: string,
  live: Map<string, unknown>,
  snapshots: SnapshotRecords,
  plan: RepairPlan,
): Promise<Clipping[]> {
  const wanted = new Map<string, string>();
  for (const [id, record] of live) wanted.set(id, recordChecksum(record as Clipping));
  const found = await snapshots.find(wanted);
  const result: Clipping[] = [];
  for (const [id, record] of live) {
    const from = found.get(id);
    const parsed = ClippingSchema.safeParse(record);
    if (from?.exact) result.push(from.clipping);
    else if (parsed.success) {
      result.push(parsed.data);
      plan.unrepaired.push({ file, reason: 'keptUnchecked', id, title: parsed.data.title });
    } else if (from) {
      result.push(from.clipping);
      plan.restored.push({ id, title: from.clipping.title, file, snapshot: from.snapshot, exact: false });
    } else plan.unrepaired.push({ file, reason: 'notInBackups', id: id.slice(0, 40) });
  }
  return result.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The same summary file, intact, in a snapshot (snapshots share files by name). */
async function summaryFromSnapshots(dir: string, entry: ShardEntry): Promise<SummaryRecord[] | undefined> {
  const file = summaryFileOf(entry.file);
  for (const { name } of await listSnapshots(dir, { meta: false })) {
    const bytes = await readFile(join(snapshotDir(dir, name), file)).catch(() => undefined);
    const summary = bytes && attempt(() => parseSummary(file, bytes, entry));
    if (summary) return summary;
  }
  return undefined;
}

/**
 * A damaged summary that still parses: its ids and checksums are used only to recognise records
 * (a record that matches a checksum is intact, whatever else in the file changed).
 */
function hintsOf(bytes: Buffer): Expected[] | undefined {
  const hints: Expected[] = [];
  for (const record of recordsOf(bytes)) {
    const { id, sha256, title } = (record ?? {}) as { id?: unknown; sha256?: unknown; title?: unknown };
    if (typeof id === 'string' && typeof sha256 === 'string') {
      hints.push({ id, sha256, ...(typeof title === 'string' ? { title } : {}) });
    }
  }
  return hints.length > 0 ? hints : undefined;
}

/** A read that finds damage gives undefined; a file of a newer format stops the repair (not ours to rewrite). */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (isDamage(error)) return undefined;
    throw error;
  }
}
