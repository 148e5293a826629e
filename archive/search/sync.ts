// Bringing a saved (or long-lived) index up to date with the archive without rebuilding it: the
// archive's list says which clippings exist and their version (updatedAt); the index knows what it
// holds. Only the difference is fetched and indexed, however it came about (this app, the CLI, a
// restored backup, another computer syncing the folder).
import type { SearchEngine } from './engine.ts';

export interface IndexChanges {
  /** New or changed since the index saw them: fetch and put. */
  stale: string[];
  /** No longer in the archive (or in the trash): remove. */
  gone: string[];
}

/** `current`: every clipping not in the trash, with its version. */
export function indexChanges(engine: SearchEngine, current: Iterable<readonly [string, string]>): IndexChanges {
  const stale: string[] = [];
  const seen = new Set<string>();
  for (const [id, version] of current) {
    seen.add(id);
    if (engine.versionOf(id) !== version) stale.push(id);
  }
  const gone = engine.ids().filter((id) => !seen.has(id));
  return { stale, gone };
}

/** Above this share of changed clippings, building anew is faster than catching up. */
export const REBUILD_SHARE = 0.3;

export function worthRebuilding(changes: IndexChanges, size: number): boolean {
  return changes.stale.length + changes.gone.length >= fewestForRebuild(size);
}

/**
 * Whether an index of `size` clippings will be built anew for an archive of `clippings` (not in the
 * trash), known before the list is read: the clippings it lacks alone are too many to catch up with.
 */
export function rebuildIsCertain(size: number, clippings: number): boolean {
  return clippings - size >= fewestForRebuild(size);
}

/** The fewest changes to an index of `size` clippings that make building it anew worth it. */
export function fewestForRebuild(size: number): number {
  return Math.floor(Math.max(1000, size * REBUILD_SHARE)) + 1;
}
