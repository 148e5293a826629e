// Ranking: one sort key per match (score, then newness), the best k of them without sorting all,
// and the bonus for query words that stand close together in a clipping (read off the forward index).
import type { Level } from './analyze.ts';
import { VarintReader } from './byte-pool.ts';
import type { Matches } from './matches.ts';
import type { SortOrder } from './query.ts';
import { SEPARATOR, type SearchIndex } from './search-index.ts';

/**
 * The bonus for query words that stand close together: PROXIMITY_WEIGHT × (words − 1) / (span − 1),
 * where span is the smallest window of the text holding them all; adjacent words get the whole bonus.
 */
const PROXIMITY_WEIGHT = 0.5;
/** How many of the best-ranked clippings have their word positions read for the proximity bonus. */
const PROXIMITY_CANDIDATES = 60;

/**
 * One number per match that orders them: score (to 1/1000) then newness for relevance; newness
 * alone for newest/oldest. Exact ties fall back to when added, then document number (tieBreak).
 */
export function rankKeys(ix: SearchIndex, matches: Matches, sort: SortOrder): RankKeys {
  const n = matches.docs.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const doc = matches.docs[i]!;
    const recency = ix.recency[doc]!;
    keys[i] =
      sort === 'relevance'
        ? Math.round(matches.scores[i]! * 1000) * 1e8 + recency
        : sort === 'newest'
          ? recency
          : -recency;
  }
  const sign = sort === 'oldest' ? -1 : 1;
  return {
    keys,
    tieBreak: (a, b) =>
      sign * (ix.added[matches.docs[b]!]! - ix.added[matches.docs[a]!]!) ||
      sign * (matches.docs[b]! - matches.docs[a]!),
  };
}

/** The proximity bonus, with a scratch array (term id → bit per query word) kept between queries. */
export class Proximity {
  private termMask = new Uint8Array(0);

  /** Words close together in a clipping rank higher (the best PROXIMITY_CANDIDATES are checked). */
  add(ix: SearchIndex, words: readonly Map<number, Level>[], matches: Matches): void {
    if (words.length < 2 || matches.docs.length === 0) return;
    // term id → bit per query word it matches (a scratch array, cleared again below).
    const size = ix.vocabulary.length;
    if (this.termMask.length < size) this.termMask = new Uint8Array(Math.max(size, this.termMask.length * 2));
    const mask = this.termMask;
    words.forEach((expansion, w) => {
      for (const term of expansion.keys()) mask[term]! |= 1 << w;
    });
    for (const i of topK(matches.docs.length, PROXIMITY_CANDIDATES, rankKeys(ix, matches, 'relevance'))) {
      const span = smallestSpan(ix.forwardOf(matches.docs[i]!), mask, words.length);
      if (span !== undefined) matches.scores[i]! += (PROXIMITY_WEIGHT * (words.length - 1)) / (span - 1);
    }
    for (const expansion of words) for (const term of expansion.keys()) mask[term] = 0;
  }
}

/**
 * The fewest consecutive words (in the title or in the text) that hold every query word once;
 * `mask[term]` has bit w set when the term matches query word w.
 */
function smallestSpan(bytes: Uint8Array, mask: Uint8Array, words: number): number | undefined {
  const last = new Int32Array(words).fill(-1);
  let best: number | undefined;
  let sectionStart = 0;
  let p = 0;
  for (const reader = new VarintReader(bytes); !reader.done;) {
    const id = reader.next();
    if (id === SEPARATOR) {
      last.fill(-1);
      sectionStart = p + 1;
    } else {
      const bits = mask[id]!;
      if (bits !== 0) {
        let first = p;
        let complete = true;
        for (let w = 0; w < words; w++) {
          if (bits & (1 << w)) last[w] = p;
          if (last[w]! < sectionStart) complete = false;
          else if (last[w]! < first) first = last[w]!;
        }
        if (complete) {
          const span = Math.max(p - first + 1, words);
          if (best === undefined || span < best) best = span;
        }
      }
    }
    p += 1;
  }
  return best;
}

export interface RankKeys {
  keys: Float64Array;
  tieBreak(a: number, b: number): number;
}

/** Negative when position a goes before b. */
function compareRanked({ keys, tieBreak }: RankKeys, a: number, b: number): number {
  return keys[b]! - keys[a]! || tieBreak(a, b);
}

/** The best k of n positions, best first. */
export function topK(n: number, k: number, rank: RankKeys): number[] {
  if (k >= n) return sortAll(n, rank);
  // A heap of the k best so far, worst on top.
  const heap: number[] = [];
  const worse = (a: number, b: number) => compareRanked(rank, a, b) > 0;
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const keys = rank.keys;
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (keys[i]! > keys[heap[0]!]! || (keys[i] === keys[heap[0]!] && compareRanked(rank, i, heap[0]!) < 0)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => compareRanked(rank, a, b));
}

export function sortAll(n: number, rank: RankKeys): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => compareRanked(rank, a, b));
}
