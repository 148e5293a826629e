// Keeps a NearDuplicateIndex in step with the archive: only clippings added, edited or removed
// since the last question are (re)hashed, so asking again is cheap.
import type { Clipping } from './clipping.ts';
import { NearDuplicateIndex } from './similarity.ts';

export class NearDuplicateCache {
  private readonly index = new NearDuplicateIndex();
  private readonly versions = new Map<string, string>();

  current(clippings: readonly Clipping[]): NearDuplicateIndex {
    const seen = new Set<string>();
    for (const clipping of clippings) {
      seen.add(clipping.id);
      if (this.versions.get(clipping.id) === clipping.updatedAt) continue;
      this.index.put(clipping.id, clipping.body);
      this.versions.set(clipping.id, clipping.updatedAt);
    }
    for (const id of [...this.versions.keys()]) {
      if (seen.has(id)) continue;
      this.index.remove(id);
      this.versions.delete(id);
    }
    return this.index;
  }
}
