// What the store's writes share across one session (an app run, one CLI command): before its first
// change, leftovers of interrupted writes are cleared away and a snapshot is taken when
// backup/policy.ts says one is due (and again on the first write of each new day).
import { KEEP, snapshotDue } from '../backup/policy.ts';
import { infoFromName, type BackupInfo, type SnapshotKind } from '../backup/backup-info.ts';
import { listSnapshots, rotateSnapshots, takeSnapshot } from '../backup/snapshots.ts';
import { listScanFiles } from '../scans/scan-files.ts';
import type { ArchiveReader } from './archive-reader.ts';
import { FORMAT_VERSION, MANIFEST_FILE, summaryFileOf } from './format.ts';
import { listSideFiles, removeLeftovers } from './layout.ts';

export class WriteSession {
  /** Something was written (or restored) in this session. */
  wrote = false;
  /** A write failed and could not remove all it had written: the next one clears it away. */
  mayHaveLeftovers = false;
  private snapshotsCheckedOn: string | undefined;

  constructor(
    readonly reader: ArchiveReader,
    readonly now: () => Date,
  ) {}

  get dir(): string {
    return this.reader.dir;
  }

  /** Before the first change of a session: leftovers of interrupted writes go, and a snapshot is taken if due. */
  async beforeCommit(): Promise<void> {
    const now = this.now();
    const firstWrite = !this.wrote;
    if (firstWrite || this.mayHaveLeftovers) {
      await removeLeftovers(this.dir, new Set(this.reader.shards.map((e) => e.file)));
      this.mayHaveLeftovers = false;
    }
    const today = now.toISOString().slice(0, 10);
    if (firstWrite || this.snapshotsCheckedOn !== today) {
      const existing = (await listSnapshots(this.dir, { meta: false })).map((s) => infoFromName(s.name));
      const due = snapshotDue({ now, existing, firstWriteOfSession: firstWrite });
      if (due) await this.snapshot(due);
      this.snapshotsCheckedOn = today;
    }
    this.wrote = true;
  }

  /** A snapshot of the archive as the manifest names it, with the side and scan files. */
  async snapshot(kind: SnapshotKind, rotate = true): Promise<BackupInfo> {
    const info = await takeSnapshot(this.dir, {
      kind,
      files: [
        MANIFEST_FILE,
        ...this.reader.shards.flatMap((e) => [e.file, summaryFileOf(e.file)]),
        ...(await listSideFiles(this.dir)),
        ...(await listScanFiles(this.dir)),
      ],
      formatVersion: FORMAT_VERSION,
      ...this.snapshotCounts(),
      source: 'copy',
      now: this.now(),
    });
    if (rotate) await rotateSnapshots(this.dir, KEEP, info.name);
    return info;
  }

  /** What a snapshot's description says: clippings outside the trash, and in it. */
  snapshotCounts(): { clippings: number; trashed: number } {
    const { clippings, trashed } = this.reader.counts();
    return { clippings: clippings - trashed, trashed };
  }
}
