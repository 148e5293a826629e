// Full-text search over clippings: our own Hindi analysis (analyze.ts) around FlexSearch, which
// holds the postings (search-index.ts, flex-postings.ts). Runs the same in the renderer's worker and
// in Node (the CLI). FlexSearch answers "which clippings have this word in this field, and how often
// in the text"; what a query means — the variants of each word and their levels, phrases, fields,
// dates, ranking, facets — is ours, since FlexSearch has no equivalent.
//
// Ranking: each query word scores its best match in a clipping (word-matches.ts), a clipping's
// score is the sum over the query's clauses, plus a bonus when the words stand close together
// (ranking.ts). Equal scores: newer first. Phrases and marked titles: phrases.ts; facets and the
// timeline: facets.ts; sets of matches: matches.ts.
import type { SearchDoc } from '../api.ts';
import type { Level, StemOrder } from './analyze.ts';
import { countsOf, type Facets, type Timeline } from './facets.ts';
import type { Segment } from './highlight.ts';
import { compileWord, expand, type CompiledWord } from './matcher.ts';
import { binarySearch, intersect, keepDated, subtract, union, type Found, type Matches } from './matches.ts';
import { keepPhrases, markTitle, type TitleMarks } from './phrases.ts';
import {
  isEmptyQuery,
  parseQuery,
  type ParsedQuery,
  type QueryClause,
  type QuerySyntaxError,
  type QueryWord,
  type SortOrder,
} from './query.ts';
import { Proximity, rankKeys, sortAll, topK } from './ranking.ts';
import { SearchIndex, type BuildProgress } from './search-index.ts';
import { WordMatcher, type PreparedTerm } from './word-matches.ts';

export type { FacetCount, Facets, Timeline } from './facets.ts';

/** Expanded query words kept for the next keystrokes (the cache starts again when full). */
const EXPANSIONS_KEPT = 256;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** The query's own sort: wins over this. Default: relevance, or newest without words. */
  sort?: SortOrder;
  /** Search as you type: the last word is also a prefix, unfinished syntax is waited for. */
  typing?: boolean;
}

export interface SearchHit {
  id: string;
  score: number;
  title: Segment[];
}

export interface SearchAnswer {
  ok: true;
  query: string;
  sort: SortOrder;
  total: number;
  /** The query asked for nothing (no words, no dates): the whole archive. */
  everything: boolean;
  hits: SearchHit[];
  facets: Facets;
  timeline: Timeline;
}

export interface SearchFailure {
  ok: false;
  query: string;
  error: QuerySyntaxError;
}

export type SearchOutcome = SearchAnswer | SearchFailure;

interface PreparedClause {
  terms: PreparedTerm[];
  cost: number;
}

interface Run {
  key: string;
  revision: number;
  matches: Found;
  sort: SortOrder;
  ranked: Uint32Array | undefined;
  facets: Facets;
  timeline: Timeline;
  everything: boolean;
  /** The words to mark in titles (index words of each, and whether they form a phrase). */
  marks: TitleMarks;
}

export interface EngineOptions {
  stemOrder?: StemOrder;
}

export class SearchEngine {
  readonly index: SearchIndex;
  readonly stemOrder: StemOrder;
  private readonly words: WordMatcher;
  private readonly proximity = new Proximity();
  private last: Run | undefined;
  /**
   * Query words already compiled and expanded, by text, prefix and phrase: while typing, each
   * keystroke asks again for the words before the last one, and one query asks for each word up to
   * three times (matching, proximity, titles). The vocabulary only grows, so the cache holds while
   * its size is the same.
   */
  private expanded = new Map<string, { compiled: CompiledWord; expansion: Map<number, Level> }>();
  private expandedFor = -1;

  constructor(options: EngineOptions = {}, index?: SearchIndex) {
    this.stemOrder = options.stemOrder ?? 'stem-first';
    this.index = index ?? new SearchIndex(this.stemOrder);
    this.words = new WordMatcher(this.index);
  }

  /** Clippings in the index (the trash is never indexed). */
  get size(): number {
    return this.index.liveCount;
  }

  has(id: string): boolean {
    return this.index.byId.has(id);
  }

  /** The version (updatedAt) the index holds of a clipping. */
  versionOf(id: string): string | undefined {
    const n = this.index.byId.get(id);
    return n === undefined ? undefined : this.index.versions[n];
  }

  titleOf(id: string): string | undefined {
    const n = this.index.byId.get(id);
    return n === undefined ? undefined : this.index.titles[n];
  }

  ids(): string[] {
    return [...this.index.byId.keys()];
  }

  /** Adds a clipping, or replaces it if it is already indexed. */
  put(doc: SearchDoc & { updatedAt?: string | undefined }): void {
    this.index.put(doc);
  }

  /**
   * Adds many clippings at once and packs the index (the fast way to build it). `onProgress` hears
   * how many are done every thousand (`total` when the caller knows it).
   */
  putAll(
    docs: Iterable<SearchDoc & { updatedAt?: string | undefined }>,
    onProgress?: BuildProgress,
    total?: number,
  ): void {
    let done = 0;
    this.index.beginBulk();
    for (const doc of docs) {
      this.index.put(doc);
      done += 1;
      if (onProgress && done % 1000 === 0) onProgress(done, total);
    }
    this.index.freeze();
    onProgress?.(done, total);
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  search(query: string, options: SearchOptions = {}): SearchOutcome {
    const limit = options.limit ?? 50;
    const offset = options.offset ?? 0;
    const found = this.runOf(query, options);
    if (!found.ok) return found;
    const { run } = found;
    const { everything, sort } = run;
    const page = this.rank(run, offset + limit).slice(offset, offset + limit);
    const hits = [...page].map((doc) => {
      const score = run.matches.scores[binarySearch(run.matches.docs, doc)]!;
      return {
        id: this.index.ids[doc]!,
        score: Math.round(score * 1000) / 1000,
        title: markTitle(this.index, doc, run.marks),
      };
    });
    return {
      ok: true,
      query,
      sort,
      total: run.matches.docs.length,
      everything,
      hits,
      facets: run.facets,
      timeline: run.timeline,
    };
  }

  /**
   * Every match's id in the order search() ranks them (its pages end to end), without the titles
   * marked: what "export the results" needs.
   */
  rankedIds(
    query: string,
    options: Pick<SearchOptions, 'sort' | 'typing'> = {},
  ): { ok: true; ids: string[] } | SearchFailure {
    const found = this.runOf(query, options);
    if (!found.ok) return found;
    const { run } = found;
    const ids = Array.from(this.rank(run, run.matches.docs.length), (doc) => this.index.ids[doc]!);
    return { ok: true, ids };
  }

  /** The query's matches, scored; kept for the next page of the same query (until the index changes). */
  private runOf(query: string, options: SearchOptions): { ok: true; run: Run } | SearchFailure {
    const typing = options.typing ?? false;
    const parsed = parseQuery(query, { typing });
    if (!parsed.ok) return { ok: false, query, error: parsed.error };
    const q = parsed.query;
    const everything = isEmptyQuery(q);
    const sort = q.sort ?? options.sort ?? (everything ? 'newest' : 'relevance');
    const key = `${typing ? 1 : 0}\u0000${sort}\u0000${query}`;
    let run = this.last;
    if (!run || run.key !== key || run.revision !== this.index.revision) {
      const matches = this.match(q);
      if (sort === 'relevance' && !everything) this.proximity.add(this.index, this.proximityWords(q), matches);
      run = {
        key,
        revision: this.index.revision,
        matches,
        sort,
        ranked: undefined,
        ...countsOf(this.index, matches),
        everything,
        marks: this.titleMarks(q),
      };
      this.last = run;
    }
    return { ok: true, run };
  }

  // ---- matching -------------------------------------------------------------------------------

  private match(q: ParsedQuery): Found {
    // The cheapest clause first; a one-word clause after it only checks the documents left.
    const positives = q.clauses
      .filter((c) => !c.negated)
      .map((c) => this.prepare(c))
      .sort((a, b) => a.cost - b.cost);
    let result: Matches | undefined;
    for (const clause of positives) {
      if (result && clause.terms.length === 1 && !clause.terms[0]!.term.phrase) {
        result = this.words.matches(clause.terms[0]!, 0, result);
      } else {
        const matches = this.clauseMatches(clause);
        result = result ? intersect(result, matches) : matches;
      }
      if (result.docs.length === 0) break;
    }
    result ??= this.allLive();
    for (const clause of q.clauses.filter((c) => c.negated)) {
      if (result.docs.length === 0) break;
      result = subtract(result, this.clauseMatches(this.prepare(clause)).docs);
    }
    const undated = result;
    if (q.dates.length > 0) result = keepDated(result, this.index.dates, q.dates);
    return { ...result, undated };
  }

  /** A query word compiled and expanded to the index words it matches (see `expanded`). */
  private expansionOf(word: QueryWord, inPhrase: boolean): { compiled: CompiledWord; expansion: Map<number, Level> } {
    const vocabulary = this.index.vocabulary;
    if (this.expandedFor !== vocabulary.length || this.expanded.size >= EXPANSIONS_KEPT) {
      this.expanded.clear();
      this.expandedFor = vocabulary.length;
    }
    const key = `${word.prefix ? 1 : 0}${inPhrase ? 1 : 0}${word.text}`;
    let found = this.expanded.get(key);
    if (!found) {
      const compiled = compileWord(word, this.stemOrder, inPhrase);
      found = { compiled, expansion: expand(compiled, vocabulary) };
      this.expanded.set(key, found);
    }
    return found;
  }

  private prepare(clause: QueryClause): PreparedClause {
    const ix = this.index;
    const terms = clause.alternatives.map((term) => {
      const words = term.words.map((w) => this.expansionOf(w, term.phrase));
      const compiled = words.map((w) => w.compiled);
      const expansions = words.map((w) => w.expansion);
      // What reading the rarest word costs: its postings (a word in many documents: every document).
      const costs = expansions.map((e) => {
        let cost = 0;
        for (const t of e.keys()) cost += ix.costOf(t);
        return cost;
      });
      return { term, compiled, expansions, cost: Math.min(...costs) };
    });
    return { terms, cost: terms.reduce((n, t) => n + t.cost, 0) };
  }

  private allLive(): Matches {
    const ix = this.index;
    const docs = new Uint32Array(ix.liveCount);
    let i = 0;
    for (let d = 0; d < ix.docCount; d++) if (!ix.deleted[d]) docs[i++] = d;
    return { docs, scores: new Float64Array(docs.length) };
  }

  private clauseMatches(clause: PreparedClause): Matches {
    let result: Matches | undefined;
    for (const term of clause.terms) {
      const matches = this.termMatches(term);
      result = result ? union(result, matches) : matches;
    }
    return result!;
  }

  private termMatches(prepared: PreparedTerm): Matches {
    const { term, compiled, expansions } = prepared;
    if (!term.phrase) return this.words.matches(prepared, 0);
    let result: Matches | undefined;
    for (let i = 0; i < compiled.length; i++) {
      result = this.words.matches(prepared, i, result);
      if (result.docs.length === 0) return result;
    }
    return keepPhrases(this.index, result!, expansions, term.field);
  }

  /** The query words the proximity bonus looks at: single words of the title or any field. */
  private proximityWords(q: ParsedQuery): Map<number, Level>[] {
    return q.clauses
      .filter((c) => !c.negated && c.alternatives.length === 1)
      .map((c) => c.alternatives[0]!)
      .filter((t) => !t.phrase && (t.field === undefined || t.field === 'title'))
      .slice(0, 8)
      .map((t) => this.expansionOf(t.words[0]!, false).expansion);
  }

  // ---- titles -------------------------------------------------------------------------------------

  /** The words a title should show marked: those of the clauses kept, in any field or the title. */
  private titleMarks(q: ParsedQuery): TitleMarks {
    return q.clauses
      .filter((c) => !c.negated)
      .flatMap((c) => c.alternatives)
      .filter((t) => t.field === undefined || t.field === 'title')
      .map((term) => ({
        expansions: term.words.map((w) => this.expansionOf(w, term.phrase).expansion),
        phrase: term.phrase,
      }));
  }

  // ---- ranking --------------------------------------------------------------------------------

  /** The first `count` documents of a run in its order (computed once per query, then kept). */
  private rank(run: Run, count: number): Uint32Array {
    const n = run.matches.docs.length;
    const want = Math.min(count, n);
    if (run.ranked && run.ranked.length >= want) return run.ranked;
    const keys = rankKeys(this.index, run.matches, run.sort);
    const order = want * 4 < n ? topK(n, Math.max(want, 200), keys) : sortAll(n, keys);
    run.ranked = Uint32Array.from(order, (i) => run.matches.docs[i]!);
    return run.ranked;
  }
}
