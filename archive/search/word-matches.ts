// One query word against FlexSearch's postings: the documents with any of the index words it
// expands to, in the field asked for (or any), each with its best score. Scores: level (exact 1,
// folded 0.9, stemmed 0.75, prefix 0.6, sound 0.5) × field (title 2, publication/author/place/tag
// 1.5, text 1, a little more for a word said often); a stopword counts a fifth.
import type { Level } from './analyze.ts';
import { slotFrequency, termKey, type PostingField } from './flex-postings.ts';
import type { CompiledWord } from './matcher.ts';
import type { Matches } from './matches.ts';
import type { QueryTerm } from './query.ts';
import { META_FIELDS, type SearchIndex } from './search-index.ts';

// The ranking's constants. A word's score in a clipping is
//   LEVEL_WEIGHT[level] × field weight × (TF_FACTOR in the text) × (STOPWORD_WEIGHT for a stopword),
// its best match counts, and the clipping's score is the sum over the query's words plus the
// proximity bonus (ranking.ts). Hand-set, and checked by the ranking tests (search-eval), not fitted.

/**
 * How much a match counts by how the word matched (LEVEL in analyze.ts): exact 1, folded spelling
 * (nukta, anusvara…) 0.9, same stem 0.75, prefix 0.6, same sound 0.5. Each looser step counts less, so
 * the exact word always ranks above its variants in the same field.
 */
export const LEVEL_WEIGHT: readonly number[] = [1, 0.9, 0.75, 0.6, 0.5];
/** A match in the title: the title says what the clipping is about. */
const TITLE_WEIGHT = 2;
/** A match in the publication, author, place or a tag: chosen words, above the running text. */
const META_WEIGHT = 1.5;
/** A match in the text. */
const BODY_WEIGHT = 1;
/**
 * The text's weight by how often the word is said there (index: 1 once, 2 two or three times, 3
 * four or more; see slotFrequency). Small steps: repetition may break a tie, never outweigh a
 * better field or level (BM25's k1 saturates the same way, here in three coarse steps).
 */
const TF_FACTOR = [0, 1, 1.04, 1.08];
/** A stopword (है, के, the…) still matches, at a fifth of the weight, so it orders but does not lead. */
const STOPWORD_WEIGHT = 0.2;

/** A query term (a word or a phrase) compiled and expanded: per word, the index words it matches. */
export interface PreparedTerm {
  term: QueryTerm;
  compiled: CompiledWord[];
  expansions: Map<number, Level>[];
  cost: number;
}

/** A metadata field's bit in WordMatcher.metaTerms. */
const META_BIT: Partial<Record<PostingField, number>> = Object.fromEntries(META_FIELDS.map((f, i) => [f, 1 << i]));
if (META_FIELDS.length > 8) throw new Error('WordMatcher.metaTerms has a bit per metadata field: 8 at most');

/** The posting fields a term in `field` reads: title and text and the metadata, or just one. */
function fieldsOf(field: QueryTerm['field']): readonly PostingField[] {
  if (field === undefined) return ['title', 'body', ...META_FIELDS];
  return [field];
}

/** Scores documents for one word at a time, in scratch arrays reused across queries (no garbage). */
export class WordMatcher {
  private accumulator = new Float64Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private touched = new Uint32Array(0);
  /**
   * term id → a bit per metadata field (META_FIELDS order) whose values have the word: most words
   * are in no publication, author, place or tag, and asking FlexSearch for them is most lookups.
   */
  private metaTerms = new Uint8Array(0);
  /** How many values the dictionaries had when metaTerms was made (they only grow). */
  private metaValues = -1;
  private metaFields: SearchIndex['fields'] | undefined;

  constructor(private readonly index: SearchIndex) {}

  private metaMask(): Uint8Array {
    const fields = this.index.fields;
    const values = META_FIELDS.reduce((n, f) => n + fields[f].values.length, 0);
    if (values === this.metaValues && fields === this.metaFields) return this.metaTerms;
    const mask = new Uint8Array(this.index.vocabulary.length + 1);
    META_FIELDS.forEach((f, bit) => {
      for (const words of fields[f].words) for (const term of words) mask[term]! |= 1 << bit;
    });
    this.metaTerms = mask;
    this.metaValues = values;
    this.metaFields = fields;
    return mask;
  }

  /**
   * Documents with word `w` of the term (any of its expansions) in the term's field (or any
   * field). With `within`, only those documents are kept, and their scores are added to.
   */
  matches(prepared: PreparedTerm, w: number, within?: Matches): Matches {
    const ix = this.index;
    const postings = ix.postings;
    const fields = fieldsOf(prepared.term.field);
    const expansion = prepared.expansions[w]!;
    this.prepareScratch();
    const stamp = this.stamp;
    const acc = this.accumulator;
    const stamps = this.stamps;
    const deleted = ix.deleted;
    // The documents noted for this word, in a reused array.
    const touched = this.touched;
    let count = 0;
    const wordWeight = prepared.compiled[w]!.keys.stop ? STOPWORD_WEIGHT : 1;
    const anyDeleted = ix.liveCount !== ix.docCount;
    const meta = this.metaMask();
    for (const [term, level] of expansion) {
      const weight = LEVEL_WEIGHT[level]! * wordWeight;
      const key = termKey(term);
      for (const field of fields) {
        const bit = META_BIT[field];
        if (bit !== undefined && !(meta[term]! & bit)) continue;
        const slots = postings.slotsOfKey(field, key);
        if (!slots) continue;
        for (let slot = 0; slot < slots.length; slot++) {
          const docs: readonly number[] | undefined = slots[slot];
          if (!docs) continue;
          const score =
            field === 'title'
              ? TITLE_WEIGHT * weight
              : field === 'body'
                ? BODY_WEIGHT * TF_FACTOR[slotFrequency(slot)]! * weight
                : LEVEL_WEIGHT[level]! * META_WEIGHT * wordWeight;
          // Each document keeps its best score over the word's expansions and fields.
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            if (anyDeleted && deleted[doc]) continue;
            if (stamps[doc] !== stamp) {
              stamps[doc] = stamp;
              acc[doc] = score;
              touched[count++] = doc;
            } else if (score > acc[doc]!) acc[doc] = score;
          }
        }
      }
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
}
