// The question behind this engine's own postings: could FlexSearch store them instead? Builds this
// engine, then puts the same postings (every word of a clipping with its flags: in the title, how
// often in the text) into a FlexSearch Index — our word ids as its terms, the flags as its score
// slot — and compares memory and the cost of reading a word's documents. Only the words in fewer than
// an eighth of the clippings: the common ones this engine keeps as a byte per clipping, either way.
import { Encoder, Index } from 'flexsearch';
import { VarintReader } from '../../archive/search/byte-pool.ts';
import { SearchEngine, decodeForward } from '../../archive/search/engine.ts';
import { IN_TITLE, SEPARATOR } from '../../archive/search/inverted-index.ts';
import { syntheticCorpus } from './hindi-corpus.ts';

export interface PostingsFigures {
  postings: number;
  oursBytes: number;
  flexBytes: number;
  flexBuildMs: number;
  oursLookupUs: number;
  flexLookupUs: number;
}

const LOOKUPS = 2000;

export function measurePostings(size: number, heap: () => number): PostingsFigures {
  const engine = new SearchEngine();
  engine.putAll(syntheticCorpus(size));
  const ix = engine.index;

  const flagsOf = new Map<number, number>();
  const flex = new Index({
    tokenize: 'strict',
    resolution: 8,
    encoder: new Encoder({ normalize: false, numeric: false, dedupe: false, split: ' ', cache: false }),
    // Slot 0 is FlexSearch's best: the more a word weighs in the clipping, the lower its slot.
    score: (_content: string[], term: string) => 7 - flagsOf.get(parseInt(term, 36))!,
  });
  const before = heap();
  const started = performance.now();
  let postings = 0;
  for (let doc = 0; doc < ix.docCount; doc++) {
    flagsOf.clear();
    let inTitle = true;
    for (const id of decodeForward(ix.forwardOf(doc))) {
      if (id === SEPARATOR) inTitle = false;
      else if (!ix.dense[id]) {
        const f = flagsOf.get(id) ?? 0;
        flagsOf.set(id, inTitle ? f | IN_TITLE : (f & IN_TITLE) | Math.min(3, (f & 3) + 1));
      }
    }
    postings += flagsOf.size;
    if (flagsOf.size > 0) flex.add(doc, [...flagsOf.keys()].map((id) => id.toString(36)).join(' '));
  }
  const flexBuildMs = performance.now() - started;
  const flexBytes = heap() - before;

  // The same words looked up in both: every document of each (flags included).
  const sparse: number[] = [];
  for (let t = 1; t < ix.vocabulary.length && sparse.length < LOOKUPS; t += 97) if (!ix.dense[t]) sparse.push(t);
  let read = 0;
  let t0 = performance.now();
  for (const term of sparse) {
    for (const bytes of ix.postings(term)) {
      for (const reader = new VarintReader(bytes); !reader.done; reader.next()) read += 1;
    }
  }
  const oursLookupUs = ((performance.now() - t0) * 1000) / sparse.length;
  let readFlex = 0;
  t0 = performance.now();
  for (const term of sparse) {
    const slots = (flex.search(term.toString(36), { resolve: false }) as unknown as { result: number[][] }).result;
    for (const slot of slots) readFlex += slot?.length ?? 0;
  }
  const flexLookupUs = ((performance.now() - t0) * 1000) / sparse.length;
  if (read !== readFlex) throw new Error(`postings differ: ours ${read}, FlexSearch ${readFlex}`);
  return {
    postings,
    oursBytes: ix.frozenPostings.byteLength,
    flexBytes,
    flexBuildMs,
    oursLookupUs,
    flexLookupUs,
  };
}
