// Clippings as the snapshots in backups/ hold them, for a repair (repair.ts): the newest snapshot
// that holds a clipping intact, proven by a checksum. A record of a format-3 snapshot is intact when
// its shard file matches the checksum the snapshot's manifest keeps for it, or, in a damaged shard,
// when the record matches the checksum its summary keeps. An older-format snapshot counts only when
// it reads without any error (its reader checks everything). Nothing here writes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listSnapshots, snapshotDir } from '../backup/snapshots.ts';
import { ClippingSchema, type Clipping } from '../clipping.ts';
import { recordChecksum } from './checksums.ts';
import { MANIFEST_FILE, ManifestSchema, mayHold, summaryFileOf, type Manifest, type ShardEntry } from './format.ts';
import { detectLayout } from './layout.ts';
import { readLegacyArchive } from './migrations.ts';
import { parseShard, parseSummary } from './shard-file.ts';

export interface FoundRecord {
  clipping: Clipping;
  /** The snapshot it comes from (a folder name in backups/). */
  snapshot: string;
  /** Its checksum is the one asked for: the very version that was lost. */
  exact: boolean;
}

type SnapshotContent =
  | { kind: 'current'; manifest: Manifest; shards: Map<string, Map<string, Clipping>> }
  | { kind: 'legacy'; clippings: Map<string, Clipping> }
  | { kind: 'none' };

export class SnapshotRecords {
  private names: string[] | undefined;
  private readonly contents = new Map<string, SnapshotContent>();

  constructor(private readonly archiveDir: string) {}

  /**
   * For each wanted id (with the checksum of the version that was lost, when known): the newest
   * snapshot holding exactly that version; failing that, the newest intact version of any snapshot.
   */
  async find(wanted: ReadonlyMap<string, string | undefined>): Promise<Map<string, FoundRecord>> {
    const found = new Map<string, FoundRecord>();
    for (const name of await this.snapshotNames()) {
      const pending = [...wanted].filter(([id]) => !found.get(id)?.exact);
      if (pending.length === 0) break;
      for (const [id, checksum] of pending) {
        const clipping = await this.recordIn(name, id);
        if (!clipping) continue;
        const exact = checksum !== undefined && recordChecksum(clipping) === checksum;
        if (exact || !found.has(id)) found.set(id, { clipping, snapshot: name, exact });
      }
    }
    return found;
  }

  private async snapshotNames(): Promise<string[]> {
    this.names ??= (await listSnapshots(this.archiveDir, { meta: false })).map((s) => s.name);
    return this.names;
  }

  private async recordIn(name: string, id: string): Promise<Clipping | undefined> {
    const content = await this.content(name);
    if (content.kind === 'legacy') return content.clippings.get(id);
    if (content.kind === 'none') return undefined;
    for (const entry of content.manifest.shards) {
      if (!mayHold(entry, id)) continue;
      let records = content.shards.get(entry.file);
      if (!records) {
        records = await intactRecords(snapshotDir(this.archiveDir, name), entry);
        content.shards.set(entry.file, records);
      }
      const clipping = records.get(id);
      if (clipping) return clipping;
    }
    return undefined;
  }

  private async content(name: string): Promise<SnapshotContent> {
    let content = this.contents.get(name);
    if (!content) {
      content = await readContent(snapshotDir(this.archiveDir, name));
      this.contents.set(name, content);
    }
    return content;
  }
}

async function readContent(dir: string): Promise<SnapshotContent> {
  try {
    const layout = await detectLayout(dir);
    if (layout.kind === 'legacy') {
      const { clippings } = await readLegacyArchive(dir, layout.version);
      return { kind: 'legacy', clippings: new Map(clippings.map((c) => [c.id, c])) };
    }
    if (layout.kind !== 'current') return { kind: 'none' };
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
    return { kind: 'current', manifest, shards: new Map() };
  } catch {
    return { kind: 'none' }; // a snapshot that cannot be read is no source
  }
}

/** The records of one snapshot shard that its checksums prove intact, by id. */
async function intactRecords(dir: string, entry: ShardEntry): Promise<Map<string, Clipping>> {
  const result = new Map<string, Clipping>();
  const bytes = await readFile(join(dir, entry.file)).catch(() => undefined);
  if (!bytes) return result;
  try {
    for (const clipping of parseShard(entry.file, bytes, entry)) result.set(clipping.id, clipping);
    return result;
  } catch {
    // Damaged here too: each record that still parses counts if it matches its summary's checksum.
  }
  const summaryFile = summaryFileOf(entry.file);
  const summaryBytes = await readFile(join(dir, summaryFile)).catch(() => undefined);
  let sums: Map<string, string>;
  try {
    sums = new Map(parseSummary(summaryFile, summaryBytes ?? '', entry).map((r) => [r.id, r.sha256]));
  } catch {
    return result;
  }
  for (const record of recordsOf(bytes)) {
    const id = (record as { id?: unknown } | null)?.id;
    const clipping = typeof id === 'string' ? provenRecord(record, sums.get(id)) : undefined;
    if (clipping) result.set(clipping.id, clipping);
  }
  return result;
}

/**
 * The record as a clipping when its canonical bytes have this checksum (as read, and again after
 * validation, so what is kept is byte for byte what was written); else undefined.
 */
export function provenRecord(record: unknown, checksum: string | undefined): Clipping | undefined {
  if (checksum === undefined || record === null || typeof record !== 'object') return undefined;
  if (recordChecksum(record as Clipping) !== checksum) return undefined;
  const parsed = ClippingSchema.safeParse(record);
  return parsed.success && recordChecksum(parsed.data) === checksum ? parsed.data : undefined;
}

/** The records of a shard file's bytes, however damaged the rest of it is ([] when it is not JSON). */
export function recordsOf(bytes: Buffer): unknown[] {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { clippings?: unknown } | null;
    return Array.isArray(value?.clippings) ? value.clippings : [];
  } catch {
    return [];
  }
}
