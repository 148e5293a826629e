// Catching an index up with the archive, or building it anew: the early guess made from the archive's
// count alone (rebuildIsCertain) never says "anew" where the list, once read, would say catch up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../archive/search/engine.ts';
import { indexChanges, rebuildIsCertain, worthRebuilding } from '../../../../archive/search/sync.ts';

const SIZES = [0, 1, 700, 3000, 6000];
const engines = new Map(
  SIZES.map((size) => {
    const engine = new SearchEngine();
    engine.putAll(
      Array.from({ length: size }, (_, n) => ({
        id: `c${n}`,
        title: `शीर्षक ${n}`,
        body: `पाठ ${n}`,
        tags: [],
        addedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: 'v1',
      })),
    );
    return [size, engine] as const;
  }),
);

describe('rebuildIsCertain', () => {
  it('says "anew" only where the list, once read, says so too, whatever else changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIZES),
        fc.integer({ min: 0, max: 12_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (size, added, goneShare, changedShare) => {
          const engine = engines.get(size)!;
          const gone = Math.floor(size * goneShare);
          const changed = Math.floor((size - gone) * changedShare);
          // The archive now: the index's clippings less those gone, some of them changed, and new ones.
          const list: [string, string][] = [];
          for (let n = gone; n < size; n++) list.push([`c${n}`, n - gone < changed ? 'v2' : 'v1']);
          for (let n = 0; n < added; n++) list.push([`new${n}`, 'v1']);
          if (rebuildIsCertain(engine.size, list.length)) {
            expect(worthRebuilding(indexChanges(engine, list), engine.size)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says "anew" after a large import into a small archive, not after a few new clippings', () => {
    expect(rebuildIsCertain(1, 15_001)).toBe(true);
    expect(rebuildIsCertain(6000, 6000 + 1801)).toBe(true);
    expect(rebuildIsCertain(6000, 6000 + 1800)).toBe(false);
    expect(rebuildIsCertain(1, 1001)).toBe(false); // catching up with 1,000 costs no more than building
    expect(rebuildIsCertain(3000, 2000)).toBe(false); // fewer clippings: only the list can tell
  });
});
