// The searches a worker warms up with: made of the archive's own title words, covering what a typed
// query uses (a beginning, a whole word, several words), each with matches; and running them
// changes no later answer.
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../../archive/api.ts';
import { SearchEngine } from '../../../../archive/search/engine.ts';
import { warmUpSearches } from '../../../../archive/search/warm-up.ts';
import { syntheticClipping, syntheticQueries } from '../../../../bench/support/hindi-corpus.ts';

const doc = (id: string, title: string, n: number): SearchDoc => ({
  id,
  title,
  body: 'कुछ शब्द',
  tags: [],
  addedAt: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(),
});

describe('warmUpSearches', () => {
  it('searches words of the first live titles, skipping function words, digits and deleted clippings', () => {
    const engine = new SearchEngine();
    engine.put(doc('gone', 'हटाई गई खबर', 0));
    engine.put(doc('a', 'की 2024 में पुलिस ने चोर पकड़े', 1));
    engine.remove('gone');
    const searches = warmUpSearches(engine.index);
    expect(searches.map((s) => [s.query, s.options.typing ?? false])).toEqual([
      ['पु', true],
      ['पुलिस', false],
      ['पुलिस चो', true],
      ['चोर पुलिस', false],
      ['पुलिस चोर पकड़', true],
    ]);
  });

  it('every search has matches, and one has several words typed', () => {
    const engine = new SearchEngine();
    engine.putAll(Array.from({ length: 200 }, (_, n) => syntheticClipping(n)));
    const searches = warmUpSearches(engine.index);
    expect(searches.some((s) => s.options.typing && s.query.split(' ').length >= 3)).toBe(true);
    for (const { query, options } of searches) {
      const outcome = engine.search(query, options);
      expect(outcome.ok && outcome.total > 0, query).toBe(true);
    }
  });

  it('an empty index has none', () => {
    expect(warmUpSearches(new SearchEngine().index)).toEqual([]);
  });

  it('answers after warming up are the same as without', () => {
    const docs = Array.from({ length: 300 }, (_, n) => syntheticClipping(n));
    const cold = new SearchEngine();
    cold.putAll(docs);
    const warmed = new SearchEngine();
    warmed.putAll(docs);
    for (const { query, options } of warmUpSearches(warmed.index)) warmed.search(query, options);
    for (const query of syntheticQueries(30)) {
      for (const typing of [false, true]) {
        const q = typing ? query.slice(0, -1) : query;
        expect(warmed.search(q, { typing, limit: 100 }), q).toEqual(cold.search(q, { typing, limit: 100 }));
      }
    }
  });
});
