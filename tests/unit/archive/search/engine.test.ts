// The engine: ranking order, query features, updates in place, the packed forms (frozen, dense,
// saved and loaded, compacted) answering exactly like the plain one. The vocabulary expansion is
// tested against the highlighter's rule in matcher.test.ts.
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../../archive/api.ts';
import { SearchEngine, type SearchAnswer } from '../../../../archive/search/engine.ts';
import { indexFromBytes, indexToBytes } from '../../../../archive/search/serialize.ts';
import { indexChanges } from '../../../../archive/search/sync.ts';
import { syntheticClipping, syntheticQueries } from '../../../../bench/support/hindi-corpus.ts';
import { EVAL_DOCS } from '../../../search-eval/clippings.ts';

let day = 0;
const doc = (id: string, title: string, body: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({
  id,
  title,
  body,
  tags: [],
  addedAt: new Date(Date.UTC(2025, 0, 1 + day++)).toISOString(),
  ...extra,
});

function answer(engine: SearchEngine, query: string, options = {}): SearchAnswer {
  const result = engine.search(query, { limit: 1000, ...options });
  if (!result.ok) throw new Error(`${query}: ${result.error.code}`);
  return result;
}
const ids = (engine: SearchEngine, query: string, options = {}) => answer(engine, query, options).hits.map((h) => h.id);

describe('ranking', () => {
  const engine = new SearchEngine();
  engine.put(doc('exact', 'सामान्य खबर', 'संसद में पत्रकार मौजूद थे।'));
  engine.put(doc('folded', 'सामान्य खबर', 'संसद में पत्रकार॰ और सम्पादक मौजूद थे।'));
  engine.put(doc('stemmed', 'सामान्य खबर', 'संसद में पत्रकारों की भीड़ थी।'));
  engine.put(doc('sound', 'सामान्य खबर', 'The patrakar was there.'));
  engine.put(doc('title', 'पत्रकारों का धरना', 'बहुत लोग आए।'));

  it('exact above folded above stemmed above transliterated, title above text', () => {
    const order = ids(engine, 'पत्रकार');
    expect(order[0]).toBe('title'); // stemmed in the title (0.75 × 2) beats exact in the text
    expect(order.indexOf('exact')).toBeLessThan(order.indexOf('stemmed'));
    expect(order.indexOf('stemmed')).toBeLessThan(order.indexOf('sound'));
    expect(ids(engine, 'सम्पादक')).toEqual(['folded']);
    expect(ids(engine, 'संपादक')).toEqual(['folded']);
    const folded = new SearchEngine();
    folded.put(doc('a', 'x', 'संपादक ने कहा'));
    folded.put(doc('b', 'x', 'सम्पादक ने कहा'));
    expect(ids(folded, 'सम्पादक')).toEqual(['b', 'a']);
    expect(ids(folded, 'संपादक')).toEqual(['a', 'b']);
  });

  it('words close together rank higher; equal scores go newest first', () => {
    const e = new SearchEngine();
    e.put(doc('far', 'x', 'कानपुर में कल बहुत सारे लोग मिले और फिर बाद में पुलिस आई'));
    e.put(doc('near', 'x', 'कानपुर पुलिस ने कहा'));
    e.put(doc('near2', 'x', 'कानपुर पुलिस ने फिर कहा'));
    expect(ids(e, 'कानपुर पुलिस')).toEqual(['near2', 'near', 'far']);
  });

  it('sorts by newest or oldest date on request (the query or the option)', () => {
    const e = new SearchEngine();
    e.put(doc('2019', 'बाढ़', 'x', { date: '2019-07-01' }));
    e.put(doc('2024', 'बाढ़', 'x', { date: '2024-07-01' }));
    e.put(doc('2021', 'बाढ़', 'x', { date: '2021' }));
    expect(ids(e, 'बाढ़ sort:newest')).toEqual(['2024', '2021', '2019']);
    expect(ids(e, 'बाढ़', { sort: 'oldest' })).toEqual(['2019', '2021', '2024']);
  });
});

describe('query features', () => {
  const engine = new SearchEngine();
  engine.putAll(EVAL_DOCS);

  it('phrase: the words one after another', () => {
    expect(ids(engine, '"मिशन शक्ति"').sort()).toEqual(['h21', 'seed']);
    expect(ids(engine, '"शक्ति मिशन"')).toEqual([]);
  });

  it('fields, dates, OR, leaving out, prefixes', () => {
    expect(ids(engine, 'title:पुलिस')).toEqual(['h39']);
    expect(ids(engine, 'author:शर्मा')).toEqual(['h01']);
    expect(ids(engine, 'date:2022').sort()).toEqual(['h19', 'h48']);
    expect(ids(engine, 'date:2024-08..2024-08 बाढ़').sort()).toEqual(['h27', 'h43']);
    expect(ids(engine, 'बाढ़ -date:2024-08')).toEqual([]);
    expect(ids(engine, 'NDA OR GST').sort()).toEqual(['h16', 'h29']);
    expect(ids(engine, 'पुलिस -कानपुर').sort()).toEqual(['h17', 'h42', 'h44']);
    expect(ids(engine, 'पत्रकारि*').sort()).toEqual(['h01', 'h10', 'h11']);
  });

  it('a query of only exclusions or dates starts from the whole archive', () => {
    expect(answer(engine, '-कानपुर').total).toBe(EVAL_DOCS.length - 7);
    expect(answer(engine, 'sort:newest').everything).toBe(true);
  });

  it('while typing, the last word is also a prefix', () => {
    expect(ids(engine, 'कमिश्न')).toEqual([]);
    expect(ids(engine, 'कमिश्न', { typing: true })).toEqual(['seed']);
    expect(ids(engine, 'kanp', { typing: true })).toContain('h18');
  });

  it('a syntax error is an answer, not an exception', () => {
    const result = engine.search('titel:x');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknownField' } });
  });

  it('counts facets and the timeline over all matches', () => {
    const a = answer(engine, 'कानपुर', { limit: 2 });
    expect(a.hits).toHaveLength(2);
    expect(a.total).toBe(7);
    expect(a.facets.publication.reduce((n, f) => n + f.count, 0)).toBe(6); // the seed has none
    expect(a.facets.publication[0]).toEqual({ value: 'अमर उजाला', count: 2 });
    expect(a.facets.tag.find((t) => t.value === 'पुलिस')?.count).toBe(2);
    expect(a.facets.year.map((y) => y.value)).toEqual(['2024', '2023']);
    expect(a.timeline).toMatchObject({ unit: 'month', undated: 1 });
    expect(a.timeline.buckets.reduce((n, b) => n + b.count, 0)).toBe(6);
    const spread = new SearchEngine();
    for (const year of [2001, 2001, 2010, 2024]) spread.put(doc(`y${year}-${day}`, 'बाढ़', 'x', { date: `${year}-06` }));
    expect(answer(spread, 'बाढ़').timeline).toEqual({
      unit: 'year',
      buckets: Array.from({ length: 24 }, (_, i) => ({
        value: String(2001 + i),
        count: [2, 0, 0, 0, 0, 0, 0, 0, 0, 1, ...Array<number>(13).fill(0), 1][i],
      })),
      undated: 0,
    });
  });

  it('pages through a long list in the same order', () => {
    const all = ids(engine, '-कानपुर');
    const pages = [0, 10, 20, 30, 40].flatMap((offset) =>
      answer(engine, '-कानपुर', { offset, limit: 10 }).hits.map((h) => h.id),
    );
    expect(pages).toEqual(all);
  });

  it('marks the matched title words, however they matched', () => {
    const title = answer(engine, 'kanpur').hits.find((h) => h.id === 'h02')!;
    expect(title.title.filter((s) => s.match)).toEqual([]); // its title has no Kanpur
    const seed = answer(engine, 'kanpur dgp').hits[0]!;
    expect(seed.title.filter((s) => s.match).map((s) => s.text)).toEqual(['कानपुर', 'डीजीपी', 'कानपुर']);
  });
});

describe('rankedIds: every match, in the order of the pages', () => {
  // Enough clippings that the first pages come from a partial ranking and later ones from a full sort.
  const docs = Array.from({ length: 1200 }, (_, n) => syntheticClipping(n));
  const build = () => {
    const engine = new SearchEngine();
    engine.putAll(docs);
    return engine;
  };
  const paged = build();
  const fresh = build();
  const pagesOf = (query: string, options: { sort?: 'relevance' | 'newest'; typing?: boolean }) => {
    const first = answer(paged, query, { ...options, offset: 0, limit: 100 });
    const all = [...first.hits.map((h) => h.id)];
    for (let offset = 100; offset < first.total; offset += 100) {
      all.push(...answer(paged, query, { ...options, offset, limit: 100 }).hits.map((h) => h.id));
    }
    return all;
  };

  for (const sort of ['relevance', 'newest'] as const) {
    it(`equals search()'s pages end to end (${sort})`, () => {
      const queries = [...syntheticQueries(6), '-कानपुर'];
      let long = 0;
      for (const query of queries) {
        const expected = pagesOf(query, { sort, typing: true });
        if (expected.length > 300) long += 1;
        expect(new Set(expected).size, query).toBe(expected.length);
        for (const engine of [fresh, paged]) {
          const ranked = engine.rankedIds(query, { sort, typing: true });
          expect(ranked, query).toEqual({ ok: true, ids: expected });
        }
      }
      expect(long).toBeGreaterThan(0); // some answer spans several pages of both kinds
    });
  }

  it('says a syntax error as search() does', () => {
    expect(fresh.rankedIds('"पटना')).toEqual(fresh.search('"पटना'));
    expect(fresh.rankedIds('"पटना')).toMatchObject({ ok: false });
  });
});

describe('updates in place', () => {
  it('adds, replaces and removes without a rebuild', () => {
    const engine = new SearchEngine();
    engine.putAll(EVAL_DOCS);
    engine.put(doc('new', 'नई खबर', 'मेरठ में पतंग उत्सव'));
    expect(ids(engine, 'पतंग')).toEqual(['new']);
    engine.put(doc('new', 'नई खबर', 'मेरठ में गुब्बारा उत्सव'));
    expect(ids(engine, 'पतंग')).toEqual([]);
    expect(ids(engine, 'गुब्बारा')).toEqual(['new']);
    engine.remove('h27');
    expect(ids(engine, 'गंगा')).toEqual(['h14']);
    expect(engine.size).toBe(EVAL_DOCS.length);
  });

  it('a word added after a search is found by the words asked for before (expansions are not kept stale)', () => {
    const engine = new SearchEngine();
    engine.put(doc('first', 'पतंग उत्सव', 'मेरठ में पतंग उत्सव'));
    expect(ids(engine, 'पतं', { typing: true })).toEqual(['first']);
    expect(ids(engine, 'पतंगों')).toEqual(['first']);
    engine.put(doc('second', 'पतंगबाज़ी', 'पतंगबाज़ों और पतंगों का मेला'));
    expect(new Set(ids(engine, 'पतं', { typing: true }))).toEqual(new Set(['first', 'second']));
    expect(new Set(ids(engine, 'पतंगों'))).toEqual(new Set(['first', 'second']));
    // Typed in Latin: the sound keys of words added after the first such search are found too.
    expect(ids(engine, 'kanp', { typing: true })).toEqual([]);
    engine.put(doc('kanpur', 'कानपुर', 'कानपुर में पतंग'));
    expect(ids(engine, 'kanp', { typing: true })).toEqual(['kanpur']);
    // A word already known, now the value of a metadata field as well.
    expect(ids(engine, 'publication:उत्सव')).toEqual([]);
    engine.put(doc('third', 'मेला', 'शहर में मेला', { publication: 'उत्सव' }));
    expect(ids(engine, 'publication:उत्सव')).toEqual(['third']);
    expect(ids(engine, 'उत्सव')).toContain('third');
  });

  it('knows which clippings changed (sync)', () => {
    const engine = new SearchEngine();
    engine.put({ ...doc('a', 'x', 'y'), updatedAt: 'v1' });
    engine.put({ ...doc('b', 'x', 'y'), updatedAt: 'v1' });
    expect(
      indexChanges(engine, [
        ['a', 'v1'],
        ['b', 'v2'],
        ['c', 'v1'],
      ]),
    ).toEqual({ stale: ['b', 'c'], gone: [] });
    expect(indexChanges(engine, [['a', 'v1']])).toEqual({ stale: [], gone: ['b'] });
  });
});

describe('packed forms answer exactly like the plain index', () => {
  // Enough clippings for the common words to become dense (an eighth of 800, at least 256).
  const corpus = Array.from({ length: 2400 }, (_, n) => syntheticClipping(n));
  const queries = [
    ...syntheticQueries(60),
    'कानपुर OR लखनऊ',
    '"सरकार ने"',
    'date:2010..2012 पुलिस',
    'tag:अपराध',
    'पुलि*',
    'delhi',
  ];
  const run = (engine: SearchEngine) => queries.map((q) => answer(engine, q, { limit: 30 }));

  const plain = new SearchEngine();
  for (const d of corpus) plain.put(d); // never frozen: every posting in the pool
  const expected = run(plain);

  it('frozen with dense words', () => {
    const packed = new SearchEngine();
    packed.putAll(corpus);
    expect(run(packed)).toEqual(expected);
  });

  it('saved and loaded, then added to', () => {
    const built = new SearchEngine();
    built.putAll(corpus.slice(0, 2000));
    const loaded = indexFromBytes(indexToBytes(built.index, 'test-fingerprint'))!;
    expect(loaded.fingerprint).toBe('test-fingerprint');
    const engine = new SearchEngine({}, loaded.index);
    for (const d of corpus.slice(2000)) engine.put(d);
    expect(run(engine)).toEqual(expected);
  });

  it('compacted after many changes', () => {
    const engine = new SearchEngine();
    engine.putAll(corpus);
    // Every one replaced: 1,200 deleted numbers, a third (FlexSearch's postings are made anew).
    for (const d of corpus.slice(0, 1200)) engine.put({ ...d });
    expect(engine.index.docCount).toBe(3600);
    const reloaded = new SearchEngine({}, indexFromBytes(indexToBytes(engine.index, 'x'))!.index);
    expect(reloaded.index.docCount).toBe(2400); // compacted on save
    const order = (e: SearchEngine) => run(e).map((a) => ({ total: a.total, ids: a.hits.map((h) => h.id).sort() }));
    expect(order(reloaded)).toEqual(order(plain));
  });

  it('refuses bytes that are not an index', () => {
    expect(indexFromBytes(new Uint8Array([1, 2, 3]))).toBeUndefined();
    const bytes = indexToBytes(plain.index, 'x');
    expect(indexFromBytes(bytes.slice(0, bytes.length / 2))).toBeUndefined();
  });
});
