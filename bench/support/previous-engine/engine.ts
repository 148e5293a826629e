// The engine as it was with its own postings store (a bench-only copy, with inverted-index.ts,
// byte-pool.ts and serialize.ts beside it): kept so `npm run bench` measures the FlexSearch-backed
// engine against it in the same run, and so tests/unit/archive/search/engine.reference.test.ts can regenerate its
// frozen answers from it. Not used by the app.
//
// Full-text search over clippings: our own Hindi analysis (analyze.ts) over a compact inverted
// index (inverted-index.ts). Runs the same in the renderer's worker and in Node (the CLI).
//
// Ranking: each query word scores its best match in a clipping — level (exact 1, folded 0.9,
// stemmed 0.75, prefix 0.6, sound 0.5) × field (title 2, publication/author/place/tag 1.5, text 1,
// a little more for a word said often) — and a clipping's score is the sum over the query's
// clauses, plus a bonus when the words stand close together. Equal scores: newer first.
import type { SearchDoc } from '../../../archive/api.ts';
import type { Level, StemOrder } from '../../../archive/search/analyze.ts';
import { VarintReader } from './byte-pool.ts';
import { segmentsOf, type Segment } from '../../../archive/search/highlight.ts';
import { BODY_TF_MASK, IN_TITLE, InvertedIndex, META_FIELDS, SEPARATOR, type MetaField } from './inverted-index.ts';
import { compileWord, expand, type CompiledWord } from '../../../archive/search/matcher.ts';
import { tokenize } from '../../../archive/search/tokenize.ts';
import {
  isEmptyQuery,
  parseQuery,
  type DateRange,
  type ParsedQuery,
  type QueryClause,
  type QuerySyntaxError,
  type QueryTerm,
  type SortOrder,
} from '../../../archive/search/query.ts';

export const LEVEL_WEIGHT: readonly number[] = [1, 0.9, 0.75, 0.6, 0.5];
const TITLE_WEIGHT = 2;
const META_WEIGHT = 1.5;
const BODY_WEIGHT = 1;
const TF_FACTOR = [0, 1, 1.04, 1.08];
const STOPWORD_WEIGHT = 0.2;
const PROXIMITY_WEIGHT = 0.5;
const PROXIMITY_CANDIDATES = 60;
const FACET_VALUES = 12;
/** A timeline of more years than this shows only the years with matches. */
const MAX_TIMELINE_YEARS = 200;

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

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  publication: FacetCount[];
  tag: FacetCount[];
  year: FacetCount[];
}

export interface Timeline {
  unit: 'year' | 'month';
  /** Ascending periods (YYYY or YYYY-MM), from the first match to the last, empty ones included. */
  buckets: FacetCount[];
  undated: number;
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

/** Documents (sorted numbers) with their scores. */
interface Matches {
  docs: Uint32Array;
  scores: Float64Array;
}

/** The answer's documents, and those it had before its date: clauses (for the timeline). */
interface Found extends Matches {
  undated: Matches;
}

interface PreparedTerm {
  term: QueryTerm;
  compiled: CompiledWord[];
  expansions: Map<number, Level>[];
  cost: number;
}

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
  marks: { expansions: Map<number, Level>[]; phrase: boolean }[];
}

export interface EngineOptions {
  stemOrder?: StemOrder;
}

export class SearchEngine {
  readonly index: InvertedIndex;
  readonly stemOrder: StemOrder;
  private accumulator = new Float64Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private termMask = new Uint8Array(0);
  private touched = new Uint32Array(0);
  private last: Run | undefined;

  constructor(options: EngineOptions = {}, index?: InvertedIndex) {
    this.stemOrder = options.stemOrder ?? 'stem-first';
    this.index = index ?? new InvertedIndex(this.stemOrder);
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

  /** Adds many clippings at once and packs the index (the fast way to build it). */
  putAll(docs: Iterable<SearchDoc & { updatedAt?: string | undefined }>): void {
    for (const doc of docs) this.index.put(doc);
    this.index.freeze();
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
        title: this.markTitle(doc, run.marks),
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
      if (sort === 'relevance' && !everything) this.addProximity(q, matches);
      run = {
        key,
        revision: this.index.revision,
        matches,
        sort,
        ranked: undefined,
        ...this.countsOf(matches),
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
        result = this.wordMatches(clause.terms[0]!, 0, result);
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
    if (q.dates.length > 0) result = this.filterDates(result, q.dates);
    return { ...result, undated };
  }

  private prepare(clause: QueryClause): PreparedClause {
    const ix = this.index;
    const terms = clause.alternatives.map((term) => {
      const compiled = term.words.map((w) => compileWord(w, this.stemOrder, term.phrase));
      const expansions = compiled.map((c) => expand(c, ix.vocabulary));
      // What reading the rarest word costs: its postings (a dense word: every document).
      const costs = expansions.map((e) => {
        let cost = 0;
        for (const t of e.keys()) cost += ix.dense[t] ? ix.docCount : ix.docFrequency[t]!;
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
    if (!term.phrase) return this.wordMatches(prepared, 0);
    let result: Matches | undefined;
    for (let i = 0; i < compiled.length; i++) {
      result = this.wordMatches(prepared, i, result);
      if (result.docs.length === 0) return result;
    }
    return this.keepPhrases(result!, expansions, term.field);
  }

  /**
   * Documents with word `w` of the term (any of its expansions) in the term's field (or any
   * field). With `within`, only those documents are looked at, and their scores are added to.
   */
  private wordMatches(prepared: PreparedTerm, w: number, within?: Matches): Matches {
    const ix = this.index;
    const field = knownField(prepared.term.field);
    const expansion = prepared.expansions[w]!;
    this.prepareScratch();
    const stamp = this.stamp;
    const acc = this.accumulator;
    const stamps = this.stamps;
    // The documents noted for this word, in a reused array (no garbage per query).
    const touched = this.touched;
    let count = 0;
    const wordWeight = prepared.compiled[w]!.keys.stop ? STOPWORD_WEIGHT : 1;
    const anyDeleted = ix.liveCount !== ix.docCount;
    const note = (doc: number, score: number) => {
      if (stamps[doc] !== stamp) {
        stamps[doc] = stamp;
        acc[doc] = score;
        touched[count++] = doc;
      } else if (score > acc[doc]!) acc[doc] = score;
    };
    if (field === undefined || field === 'title') {
      const table = new Float64Array(8); // flags → score, for one level
      for (const [term, level] of expansion) {
        const weight = LEVEL_WEIGHT[level]! * wordWeight;
        for (let flags = 0; flags < 8; flags++) {
          let fieldScore = flags & IN_TITLE ? TITLE_WEIGHT : 0;
          if (field === undefined) fieldScore = Math.max(fieldScore, BODY_WEIGHT * TF_FACTOR[flags & BODY_TF_MASK]!);
          table[flags] = fieldScore * weight;
        }
        const dense = ix.dense[term];
        if (dense && within) {
          // Only the documents still in the running: a lookup each.
          for (const doc of within.docs) {
            const score = table[dense[doc] ?? 0]!;
            if (score === 0) continue;
            if (stamps[doc] !== stamp) {
              stamps[doc] = stamp;
              acc[doc] = score;
              touched[count++] = doc;
            } else if (score > acc[doc]!) acc[doc] = score;
          }
          continue;
        }
        if (dense) {
          const n = Math.min(ix.docCount, dense.length);
          for (let doc = 0; doc < n; doc++) {
            const flags = dense[doc]!;
            if (flags === 0) continue;
            const score = table[flags]!;
            if (score === 0 || (anyDeleted && ix.deleted[doc])) continue;
            if (stamps[doc] !== stamp) {
              stamps[doc] = stamp;
              acc[doc] = score;
              touched[count++] = doc;
            } else if (score > acc[doc]!) acc[doc] = score;
          }
          continue;
        }
        let doc = -1; // deltas run on from the frozen part into the fresh part
        for (const bytes of ix.postings(term)) {
          let i = 0;
          const end = bytes.length;
          while (i < end) {
            // A varint of at most 4 bytes (document deltas stay far below 2^25), read inline rather
            // than through VarintReader: every query word runs this over all its documents.
            let b = bytes[i++]!;
            let value = b & 0x7f;
            for (let shift = 7; b & 0x80; shift += 7) {
              b = bytes[i++]!;
              value |= (b & 0x7f) << shift;
            }
            doc += value >>> 3;
            const score = table[value & 7]!;
            if (score === 0 || (anyDeleted && ix.deleted[doc])) continue;
            if (stamps[doc] !== stamp) {
              stamps[doc] = stamp;
              acc[doc] = score;
              touched[count++] = doc;
            } else if (score > acc[doc]!) acc[doc] = score;
          }
        }
      }
    }
    for (const meta of field === undefined ? META_FIELDS : field === 'title' ? [] : [field]) {
      const valueScores = this.valueScores(meta, expansion, wordWeight);
      if (valueScores) this.scanField(meta, valueScores, note, within);
    }
    if (!within) return this.collect(touched.subarray(0, count));
    // Keep the documents of `within` the word matched, adding its score.
    const docs = new Uint32Array(within.docs.length);
    const scores = new Float64Array(within.docs.length);
    let n = 0;
    for (let i = 0; i < within.docs.length; i++) {
      const doc = within.docs[i]!;
      if (stamps[doc] !== stamp) continue;
      docs[n] = doc;
      scores[n++] = within.scores[i]! + acc[doc]!;
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
  }

  /** Scores of a metadata field's values that contain the word (undefined if none does). */
  private valueScores(field: MetaField, expansion: Map<number, Level>, wordWeight: number): Float64Array | undefined {
    const dictionary = this.index.fields[field];
    let scores: Float64Array | undefined;
    dictionary.words.forEach((valueWords, value) => {
      for (const w of valueWords) {
        const level = expansion.get(w);
        if (level === undefined) continue;
        scores ??= new Float64Array(dictionary.values.length);
        scores[value] = Math.max(scores[value]!, LEVEL_WEIGHT[level]! * META_WEIGHT * wordWeight);
      }
    });
    return scores;
  }

  /** Notes the documents (all, or those `within`) whose field value scored. */
  private scanField(
    field: MetaField,
    valueScores: Float64Array,
    note: (doc: number, score: number) => void,
    within: Matches | undefined,
  ): void {
    const ix = this.index;
    const check = (doc: number) => {
      if (field === 'tag') {
        for (let i = ix.tagStart[doc]!; i < ix.tagStart[doc + 1]!; i++) {
          const score = valueScores[ix.tagIds[i]!]!;
          if (score > 0) note(doc, score);
        }
        return;
      }
      const v = ix[field][doc]!;
      if (v !== 0 && valueScores[v]! > 0) note(doc, valueScores[v]!);
    };
    if (within) for (const doc of within.docs) check(doc);
    else for (let doc = 0; doc < ix.docCount; doc++) if (!ix.deleted[doc]) check(doc);
  }

  private prepareScratch(): void {
    const n = this.index.docCount;
    if (this.stamps.length < n) {
      const size = Math.max(n, this.stamps.length * 2, 1024);
      this.stamps = new Uint32Array(size);
      this.accumulator = new Float64Array(size);
      this.touched = new Uint32Array(size);
      this.stamp = 0;
    }
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** The accumulated documents in order: sorted when few, else read off the stamps (no sort). */
  private collect(touched: Uint32Array): Matches {
    const n = this.index.docCount;
    let docs: Uint32Array;
    if (touched.length * 16 < n) docs = touched.slice().sort();
    else {
      docs = new Uint32Array(touched.length);
      let j = 0;
      for (let d = 0; d < n; d++) if (this.stamps[d] === this.stamp) docs[j++] = d;
    }
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) scores[i] = this.accumulator[docs[i]!]!;
    return { docs, scores };
  }

  /** Keeps the documents where the phrase's words follow each other (in the title, text, or a field). */
  private keepPhrases(matches: Matches, expansions: Map<number, Level>[], queryField: QueryTerm['field']): Matches {
    const ix = this.index;
    const field = knownField(queryField);
    const keep: number[] = [];
    const metaFields = field === undefined ? META_FIELDS : field === 'title' ? [] : [field];
    const metaValues = metaFields.map((f) => ({
      field: f,
      ok: ix.fields[f].words.map((ws) => containsRun(ws, expansions)),
    }));
    for (let i = 0; i < matches.docs.length; i++) {
      const doc = matches.docs[i]!;
      let found = false;
      if (field === undefined || field === 'title') {
        found = forwardHasRun(ix.forwardOf(doc), expansions, field === 'title');
      }
      for (const { field: f, ok } of metaValues) {
        if (found) break;
        if (f === 'tag') found = ix.tagsOf(doc).some((t) => ok[t] === true);
        else found = ok[ix[f][doc]!] === true;
      }
      if (found) keep.push(i);
    }
    const docs = new Uint32Array(keep.length);
    const scores = new Float64Array(keep.length);
    keep.forEach((i, j) => {
      docs[j] = matches.docs[i]!;
      scores[j] = matches.scores[i]!;
    });
    return { docs, scores };
  }

  private filterDates(matches: Matches, ranges: DateRange[]): Matches {
    const ix = this.index;
    const keep: number[] = [];
    for (let i = 0; i < matches.docs.length; i++) {
      const date = ix.dates[matches.docs[i]!]!;
      if (ranges.every((r) => inRange(date, r) !== r.negated)) keep.push(i);
    }
    return pick(matches, keep);
  }

  /** Words close together in a clipping rank higher (the best hundred candidates are checked). */
  private addProximity(q: ParsedQuery, matches: Matches): void {
    const words = q.clauses
      .filter((c) => !c.negated && c.alternatives.length === 1)
      .map((c) => c.alternatives[0]!)
      .filter((t) => !t.phrase && (t.field === undefined || t.field === 'title'))
      .slice(0, 8)
      .map((t) => expand(compileWord(t.words[0]!, this.stemOrder), this.index.vocabulary));
    if (words.length < 2 || matches.docs.length === 0) return;
    // term id → bit per query word it matches (a scratch array, cleared again below).
    const size = this.index.vocabulary.length;
    if (this.termMask.length < size) this.termMask = new Uint8Array(Math.max(size, this.termMask.length * 2));
    const mask = this.termMask;
    words.forEach((expansion, w) => {
      for (const term of expansion.keys()) mask[term]! |= 1 << w;
    });
    for (const i of topK(matches.docs.length, PROXIMITY_CANDIDATES, this.rankKeys(matches, 'relevance'))) {
      const span = smallestSpan(this.index.forwardOf(matches.docs[i]!), mask, words.length);
      if (span !== undefined) matches.scores[i]! += (PROXIMITY_WEIGHT * (words.length - 1)) / (span - 1);
    }
    for (const expansion of words) for (const term of expansion.keys()) mask[term] = 0;
  }

  // ---- titles -------------------------------------------------------------------------------------

  /** The words a title should show marked: those of the clauses kept, in any field or the title. */
  private titleMarks(q: ParsedQuery): Run['marks'] {
    return q.clauses
      .filter((c) => !c.negated)
      .flatMap((c) => c.alternatives)
      .filter((t) => t.field === undefined || t.field === 'title')
      .map((term) => ({
        expansions: term.words.map((w) => expand(compileWord(w, this.stemOrder, term.phrase), this.index.vocabulary)),
        phrase: term.phrase,
      }));
  }

  /**
   * A hit's title with its matches marked, read off the forward index (the title's words are
   * already analyzed there), so marking costs no analysis: the same words highlight.ts would mark.
   */
  private markTitle(doc: number, marks: Run['marks']): Segment[] {
    const title = this.index.titles[doc]!;
    const tokens = tokenize(title);
    const forward = decodeForward(this.index.forwardOf(doc));
    const ids = forward.slice(0, forward.indexOf(SEPARATOR));
    const marked = new Uint8Array(tokens.length);
    if (ids.length === tokens.length) {
      for (const { expansions } of marks) {
        for (let i = 0; i + expansions.length <= ids.length; i++) {
          if (expansions.every((e, j) => e.has(ids[i + j]!))) marked.fill(1, i, i + expansions.length);
        }
      }
    }
    return segmentsOf(title, tokens, marked);
  }

  // ---- ranking --------------------------------------------------------------------------------

  /**
   * One number per match that orders them: score (to 1/1000) then newness for relevance; newness
   * alone for newest/oldest. Exact ties fall back to when added, then document number (tieBreak).
   */
  private rankKeys(matches: Matches, sort: SortOrder): RankKeys {
    const ix = this.index;
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

  /** The first `count` documents of a run in its order (computed once per query, then kept). */
  private rank(run: Run, count: number): Uint32Array {
    const n = run.matches.docs.length;
    const want = Math.min(count, n);
    if (run.ranked && run.ranked.length >= want) return run.ranked;
    const keys = this.rankKeys(run.matches, run.sort);
    const order = want * 4 < n ? topK(n, Math.max(want, 200), keys) : sortAll(n, keys);
    run.ranked = Uint32Array.from(order, (i) => run.matches.docs[i]!);
    return run.ranked;
  }

  // ---- facets ---------------------------------------------------------------------------------

  /**
   * Facets of the matches; the timeline of the matches of every date, so a span kept by brushing
   * still shows where it lies and can be widened again.
   */
  private countsOf(matches: Found): { facets: Facets; timeline: Timeline } {
    const counted = this.facetsOf(matches.docs);
    if (matches.undated.docs === matches.docs) return counted;
    return { facets: counted.facets, timeline: this.facetsOf(matches.undated.docs).timeline };
  }

  private facetsOf(docs: Uint32Array): { facets: Facets; timeline: Timeline } {
    const ix = this.index;
    const pubCounts = new Uint32Array(ix.fields.publication.values.length);
    const tagCounts = new Uint32Array(ix.fields.tag.values.length);
    // Years 0–9999 counted in a flat array (a Map per match is slower); months only when needed.
    const years = new Uint32Array(10000);
    let undated = 0;
    let monthless = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      pubCounts[ix.publication[doc]!]! += 1;
      for (let t = ix.tagStart[doc]!; t < ix.tagStart[doc + 1]!; t++) tagCounts[ix.tagIds[t]!]! += 1;
      const date = ix.dates[doc]!;
      if (date === 0) {
        undated += 1;
        continue;
      }
      years[Math.floor(date / 10000)]! += 1;
      if (Math.floor(date / 100) % 100 === 0) monthless += 1;
    }
    const top = (counts: Uint32Array, values: string[]) => {
      const list: FacetCount[] = [];
      for (let i = 1; i < counts.length; i++) if (counts[i]! > 0) list.push({ value: values[i]!, count: counts[i]! });
      return list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES);
    };
    const yearList: [number, number][] = [];
    for (let y = 0; y < years.length; y++) if (years[y]! > 0) yearList.push([y, years[y]!]);
    const span = yearList.length > 0 ? yearList.at(-1)![0] - yearList[0]![0] : 0;
    const byMonth = yearList.length > 0 && span <= 2 && monthless === 0;
    // Every period from the first match to the last, empty ones too: a time axis without gaps.
    const buckets: FacetCount[] = [];
    if (byMonth) {
      const first = yearList[0]![0];
      const months = new Uint32Array(12 * 3);
      for (let i = 0; i < docs.length; i++) {
        const date = ix.dates[docs[i]!]!;
        if (date !== 0) months[(Math.floor(date / 10000) - first) * 12 + (Math.floor(date / 100) % 100) - 1]! += 1;
      }
      const from = months.findIndex((c) => c > 0);
      const to = months.findLastIndex((c) => c > 0);
      for (let i = from; i <= to; i++) {
        buckets.push({
          value: `${first + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
          count: months[i]!,
        });
      }
    } else if (yearList.length > 0 && span < MAX_TIMELINE_YEARS) {
      for (let y = yearList[0]![0]; y <= yearList.at(-1)![0]; y++) buckets.push({ value: String(y), count: years[y]! });
    } else for (const [y, count] of yearList) buckets.push({ value: String(y), count });
    return {
      facets: {
        publication: top(pubCounts, ix.fields.publication.values),
        tag: top(tagCounts, ix.fields.tag.values),
        year: [...yearList].reverse().map(([y, count]) => ({ value: String(y), count })),
      },
      timeline: { unit: byMonth ? 'month' : 'year', buckets, undated },
    };
  }
}

// ---- helpers ------------------------------------------------------------------------------------

/**
 * Does a date number (YYYYMMDD, 0 = none) fall in the range? Compared at each end's precision; a
 * clipping dated only "2024" is not known to be in 2024-03, so it is left out of that.
 */
export function inRange(date: number, range: DateRange): boolean {
  if (date === 0) return false;
  const digits = String(date).padStart(8, '0');
  const text = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const known = text.endsWith('-00-00') ? 4 : text.endsWith('-00') ? 7 : 10;
  const compare = (bound: string) => {
    const p = Math.min(bound.length, known);
    const a = text.slice(0, p);
    const b = bound.slice(0, p);
    return a < b ? -1 : a > b ? 1 : known < bound.length ? NaN : 0;
  };
  if (range.from !== undefined) {
    const c = compare(range.from);
    if (!(c >= 0)) return false;
  }
  if (range.to !== undefined) {
    const c = compare(range.to);
    if (!(c <= 0)) return false;
  }
  return true;
}

function binarySearch(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid]!;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function pick(matches: Matches, keep: number[]): Matches {
  const docs = new Uint32Array(keep.length);
  const scores = new Float64Array(keep.length);
  keep.forEach((i, j) => {
    docs[j] = matches.docs[i]!;
    scores[j] = matches.scores[i]!;
  });
  return { docs, scores };
}

function intersect(a: Matches, b: Matches): Matches {
  const size = Math.min(a.docs.length, b.docs.length);
  const docs = new Uint32Array(size);
  const scores = new Float64Array(size);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

function union(a: Matches, b: Matches): Matches {
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const scores = new Float64Array(docs.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = i < a.docs.length ? a.docs[i]! : Infinity;
    const y = j < b.docs.length ? b.docs[j]! : Infinity;
    if (x === y) {
      docs[n] = x;
      scores[n++] = Math.max(a.scores[i++]!, b.scores[j++]!);
    } else if (x < y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]!;
    } else {
      docs[n] = y;
      scores[n++] = b.scores[j++]!;
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

function subtract(a: Matches, remove: Uint32Array): Matches {
  const keep: number[] = [];
  let j = 0;
  for (let i = 0; i < a.docs.length; i++) {
    const x = a.docs[i]!;
    while (j < remove.length && remove[j]! < x) j += 1;
    if (j >= remove.length || remove[j] !== x) keep.push(i);
  }
  return pick(a, keep);
}

/** Reads the word ids of a forward entry. */
export function decodeForward(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  for (const reader = new VarintReader(bytes); !reader.done;) ids.push(reader.next());
  return ids;
}

/** Is there a run of consecutive words matching the phrase's words, in the title (or the text)? */
function forwardHasRun(bytes: Uint8Array, expansions: Map<number, Level>[], titleOnly: boolean): boolean {
  const ids = decodeForward(bytes);
  const end = titleOnly ? ids.indexOf(SEPARATOR) : ids.length;
  return containsRun(ids.slice(0, end), expansions);
}

function containsRun(ids: readonly number[], expansions: Map<number, Level>[]): boolean {
  outer: for (let i = 0; i + expansions.length <= ids.length; i++) {
    for (let j = 0; j < expansions.length; j++) if (!expansions[j]!.has(ids[i + j]!)) continue outer;
    return true;
  }
  return false;
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

interface RankKeys {
  keys: Float64Array;
  tieBreak(a: number, b: number): number;
}

/** Negative when position a goes before b. */
function compareRanked({ keys, tieBreak }: RankKeys, a: number, b: number): number {
  return keys[b]! - keys[a]! || tieBreak(a, b);
}

/** The best k of n positions, best first. */
function topK(n: number, k: number, rank: RankKeys): number[] {
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

function sortAll(n: number, rank: RankKeys): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => compareRanked(rank, a, b));
}

/**
 * The fields this engine was written for. The parser it shares follows the field declaration, which
 * may have grown since; a field this engine never had is kept as asked, and matches nothing here.
 */
function knownField(field: QueryTerm['field']): MetaField | 'title' | undefined {
  return field as MetaField | 'title' | undefined;
}
