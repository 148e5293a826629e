// When the archive takes a snapshot by itself, and how many of each kind it keeps.
//  - daily: before the first write of each day (UTC), so a week of days can be gone back to;
//  - session: before the first write of each session (an app run, one CLI command), unless a
//    snapshot is less than SESSION_GAP_MS old, so a script of a thousand `add`s takes one, not a thousand.
// A restore sets the current state aside first (before-restore) and a migration keeps the old
// files (before-migration), a repair the damaged state (before-repair); `press-archive backup` takes
// a manual one.
import type { SnapshotKind } from './backup-info.ts';

export const KEEP: Record<SnapshotKind, number> = {
  daily: 7,
  session: 10,
  // Taken by the user on purpose: only the user removes them.
  manual: Number.POSITIVE_INFINITY,
  'before-restore': 10,
  'before-migration': 5,
  'before-repair': 10,
};

export const SESSION_GAP_MS = 10 * 60 * 1000;

export interface PolicyInput {
  now: Date;
  /** Kind and creation time of the existing snapshots, newest first. */
  existing: readonly { kind: SnapshotKind; createdAt: string }[];
  firstWriteOfSession: boolean;
}

/** The snapshot to take before this write, if any. */
export function snapshotDue({ now, existing, firstWriteOfSession }: PolicyInput): SnapshotKind | undefined {
  const today = now.toISOString().slice(0, 10);
  if (!existing.some((s) => s.kind === 'daily' && s.createdAt.slice(0, 10) === today)) return 'daily';
  if (!firstWriteOfSession) return undefined;
  const newest = existing[0];
  if (!newest || now.getTime() - Date.parse(newest.createdAt) >= SESSION_GAP_MS) return 'session';
  return undefined;
}
