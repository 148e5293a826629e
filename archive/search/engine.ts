// Full-text search over clippings with FlexSearch, fed by our own analysis (FlexSearch's default
// encoder cuts Devanagari words at every vowel sign). Runs the same in the renderer's worker and
// in Node (the CLI).
import { Index } from 'flexsearch';
import type { SearchDoc } from '../api.ts';
import { analyze } from './analyze.ts';
import { snippet, highlight, type Segment } from './highlight.ts';

export interface SearchHit {
  id: string;
  score: number;
  title: Segment[];
  snippet: Segment[];
}

export interface SearchResult {
  query: string;
  terms: string[];
  total: number;
  hits: SearchHit[];
}

const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1;
const NO_LIMIT = 1_000_000;

export class SearchEngine {
  private readonly titleIndex = newIndex();
  private readonly bodyIndex = newIndex();
  private readonly docs = new Map<string, SearchDoc>();

  get size(): number {
    return this.docs.size;
  }

  /** The indexed text of one clipping (the list shows its opening lines without a query). */
  doc(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /** Adds a clipping, or replaces it if it is already indexed. */
  put(doc: SearchDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id);
    this.docs.set(doc.id, doc);
    this.titleIndex.add(doc.id, doc.title);
    this.bodyIndex.add(doc.id, doc.body);
  }

  remove(id: string): void {
    if (!this.docs.delete(id)) return;
    this.titleIndex.remove(id);
    this.bodyIndex.remove(id);
  }

  /** Every word must match (the words as typed, each also as a prefix); title hits rank higher. */
  search(query: string, limit = 50): SearchResult {
    const terms = analyze(query);
    if (terms.length === 0) return { query, terms, total: 0, hits: [] };
    let scores: Map<string, number> | undefined;
    for (const term of terms) {
      const termScores = new Map<string, number>();
      this.collect(this.titleIndex, term, TITLE_WEIGHT, termScores);
      this.collect(this.bodyIndex, term, BODY_WEIGHT, termScores);
      scores = scores ? intersect(scores, termScores) : termScores;
    }
    const ranked = [...(scores ?? new Map<string, number>())].sort(
      ([a, sa], [b, sb]) => sb - sa || (this.docs.get(b)!.addedAt > this.docs.get(a)!.addedAt ? 1 : -1),
    );
    const hits = ranked.slice(0, limit).map(([id, score]) => {
      const doc = this.docs.get(id)!;
      return {
        id,
        score: Math.round(score * 1000) / 1000,
        title: highlight(doc.title, terms),
        snippet: snippet(doc.body, terms),
      };
    });
    return { query, terms, total: ranked.length, hits };
  }

  private collect(index: Index, term: string, weight: number, into: Map<string, number>): void {
    const ids = index.search(term, { limit: NO_LIMIT }) as string[];
    // FlexSearch lists better matches first; keep a little of that order in the score.
    ids.forEach((id, rank) => {
      into.set(id, (into.get(id) ?? 0) + weight * (1 + 1 / (rank + 2)));
    });
  }
}

function newIndex(): Index {
  return new Index({ tokenize: 'forward', encode: analyze });
}

function intersect(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, score] of a) {
    const other = b.get(id);
    if (other !== undefined) result.set(id, score + other);
  }
  return result;
}
