// The search index: FlexSearch holds the postings (flex-postings.ts); around it, what FlexSearch
// has no place for:
//
// - the vocabulary (vocabulary.ts): every distinct word with its keys per match level, through which
//   a query word is expanded to the words it matches; FlexSearch's keys are these words' ids.
// - forward: per document, its title's and text's word ids in order (varints), for phrases,
//   proximity and marking titles without keeping the text itself.
// - per document: id, title, date, when added, version, and its metadata (the fields the declaration
//   marks `metadata`: publication, author, place, tags) as numbers into small dictionaries (facets,
//   the timeline, dates and sorting read these).
// - per word, in how many documents' title or text it is (which clause of a query to read first).
//
// A changed clipping gets a new document number and its old one is marked deleted; compact()
// drops deleted documents when they become too many (FlexSearch's postings are then rebuilt from
// the forward index and the dictionaries, without analysing any text again).
import type { SearchDoc } from '../api.ts';
import { METADATA_FIELDS, type MetadataKey } from '../clipping-fields.ts';
import { ByteWriter, VarintReader, grow } from './byte-pool.ts';
import type { StemOrder } from './analyze.ts';
import { FlexPostings, type PostingsEntry } from './flex-postings.ts';
import { Vocabulary } from './vocabulary.ts';

export type MetaField = MetadataKey;
/** The metadata fields, in the declared order (clipping-fields.ts). */
export const META_FIELDS: readonly MetaField[] = METADATA_FIELDS.map((m) => m.key);
/**
 * The one metadata field with several values per clipping. Its ids sit in one array with an offset
 * per clipping (tagStart, tagIds), which the rest of the engine reads directly; a second list field
 * would need the same pair, so the declaration may hold only this one.
 */
export const LIST_FIELD = 'tag' satisfies MetaField;
export type ValueField = Exclude<MetaField, typeof LIST_FIELD>;
/** The metadata fields of one value per clipping, with the SearchDoc field each is read from. */
const VALUE_METADATA = METADATA_FIELDS.filter((m) => !m.list) as readonly {
  key: ValueField;
  field: keyof SearchDoc;
}[];
export const VALUE_FIELDS: readonly ValueField[] = VALUE_METADATA.map((m) => m.key);
const listMetadata = METADATA_FIELDS.filter((m) => m.list);
if (listMetadata.length !== 1 || listMetadata[0]!.key !== LIST_FIELD || listMetadata[0]!.field !== 'tags') {
  throw new Error(`The search index keeps one list field, ${LIST_FIELD} (from tags)`);
}

/** A fresh table per metadata field, keyed by its name. */
export function perField<F extends string, T>(fields: readonly F[], make: (field: F) => T): Record<F, T> {
  return Object.fromEntries(fields.map((f) => [f, make(f)])) as Record<F, T>;
}

/** Separates the title from the text in the forward index. */
export const SEPARATOR = 0;
/** A word in at least this share (1/n) of the documents, and this many, is read as if in all of them. */
const COMMON_SHARE = 8;
const COMMON_MIN_DOCS = 256;

/** Called while many clippings are added: how many are done, of how many. */
export type BuildProgress = (done: number, total: number | undefined) => void;

/** Distinct values of one metadata field, each with its words. Value 0 means "none". */
export class FieldDictionary {
  readonly values: string[] = [''];
  readonly words: number[][] = [[]];
  private readonly byValue = new Map<string, number>();

  idOf(value: string, vocabulary: Vocabulary): number {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const id = this.values.length;
    this.values.push(value);
    this.words.push(vocabulary.idsOf(value));
    this.byValue.set(value, id);
    return id;
  }

  /** Restores a dictionary (load): values and their word ids in order. */
  static from(values: string[], valueWords: number[][]): FieldDictionary {
    const dictionary = new FieldDictionary();
    values.forEach((value, i) => {
      if (i === 0) return;
      dictionary.values.push(value);
      dictionary.words.push(valueWords[i]!);
      dictionary.byValue.set(value, i);
    });
    return dictionary;
  }
}

/** Date as a number YYYYMMDD (missing month or day as 00), 0 if none or malformed. */
export function dateNumber(date: string | undefined): number {
  if (date === undefined) return 0;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return 0;
  return Number(m[1]) * 10000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

export class SearchIndex {
  readonly vocabulary: Vocabulary;
  fields: Record<MetaField, FieldDictionary> = perField(META_FIELDS, () => new FieldDictionary());

  // Documents, by number.
  ids: string[] = [];
  titles: string[] = [];
  versions: string[] = [];
  byId = new Map<string, number>();
  dates = new Uint32Array(1024);
  added = new Float64Array(1024);
  /** The clipping's date, else the day it was added (YYYYMMDD): "newer" for sorting. */
  recency = new Uint32Array(1024);
  deleted = new Uint8Array(1024);
  /** Per one-value metadata field, document → value id in its dictionary (0: none). */
  values: Record<ValueField, Uint32Array> = perField(VALUE_FIELDS, () => new Uint32Array(1024));
  /** Tag ids of document d: tagIds[tagStart[d] … tagStart[d + 1]). */
  tagStart = new Uint32Array(1025);
  tagIds = new Uint32Array(1024);
  liveCount = 0;
  /** Bumped by every change, so cached answers know they are stale. */
  revision = 0;

  /** Every posting: FlexSearch's Document. */
  postings = new FlexPostings();
  /** term id → documents with it in the title or the text (deleted ones included). */
  docFrequency = new Uint32Array(1024);

  // Forward index.
  forward = new ByteWriter(1 << 16);
  forwardOffsets = new Uint32Array(1025);

  // Scratch for one document's words.
  private tf = new Uint16Array(1024);
  private seen = new Uint8Array(1024);

  constructor(stemOrder: StemOrder) {
    this.vocabulary = new Vocabulary(stemOrder);
  }

  get docCount(): number {
    return this.ids.length;
  }

  /** What reading a word's documents costs: a word in many documents counts as in all of them. */
  costOf(term: number): number {
    const df = this.docFrequency[term] ?? 0;
    return df >= Math.max(COMMON_MIN_DOCS, this.docCount / COMMON_SHARE) ? this.docCount : df;
  }

  private ensureDocs(count: number): void {
    if (count <= this.dates.length) return;
    const size = Math.max(count, this.dates.length * 2);
    this.dates = grow(this.dates, size);
    this.added = grow(this.added, size);
    this.recency = grow(this.recency, size);
    this.deleted = grow(this.deleted, size);
    for (const f of VALUE_FIELDS) this.values[f] = grow(this.values[f], size);
    this.forwardOffsets = grow(this.forwardOffsets, size + 1);
    this.tagStart = grow(this.tagStart, size + 1);
  }

  /** The tag ids of a document. */
  tagsOf(doc: number): Uint32Array {
    return this.tagIds.subarray(this.tagStart[doc]!, this.tagStart[doc + 1]!);
  }

  private ensureTerms(count: number): void {
    if (this.tf.length < count) {
      let size = Math.max(this.tf.length, 1024);
      while (size < count) size *= 2;
      this.tf = grow(this.tf, size);
      this.seen = grow(this.seen, size);
    }
    if (this.docFrequency.length < count) {
      let size = Math.max(this.docFrequency.length, 1024);
      while (size < count) size *= 2;
      this.docFrequency = grow(this.docFrequency, size);
    }
  }

  /** Adds a document (replacing the one with the same id). */
  put(doc: SearchDoc & { updatedAt?: string | undefined }): void {
    this.remove(doc.id);
    const n = this.ids.length;
    this.ensureDocs(n + 1);
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.versions.push(doc.updatedAt ?? doc.addedAt);
    this.byId.set(doc.id, n);
    this.dates[n] = dateNumber(doc.date);
    this.added[n] = Date.parse(doc.addedAt) || 0;
    this.recency[n] = this.dates[n] || dateNumber(doc.addedAt);
    this.deleted[n] = 0;
    const v = this.vocabulary;
    for (const { key, field } of VALUE_METADATA) {
      const value = doc[field] as string | undefined;
      this.values[key][n] = value ? this.fields[key].idOf(value, v) : 0;
    }
    const tagIds = doc.tags.map((t) => this.fields.tag.idOf(t, v));
    const tagsAt = this.tagStart[n]!;
    if (this.tagIds.length < tagsAt + tagIds.length) this.tagIds = grow(this.tagIds, (tagsAt + tagIds.length) * 2);
    this.tagIds.set(tagIds, tagsAt);
    this.tagStart[n + 1] = tagsAt + tagIds.length;

    const titleIds = v.idsOf(doc.title);
    const bodyIds = v.idsOf(doc.body);
    for (const id of titleIds) this.forward.varint(id);
    this.forward.varint(SEPARATOR);
    for (const id of bodyIds) this.forward.varint(id);
    this.forwardOffsets[n + 1] = this.forward.length;
    this.addPostings(n, titleIds, bodyIds);
    this.liveCount += 1;
    this.revision += 1;
  }

  /** Puts document n's words into FlexSearch (from its analysed title and text, and its fields). */
  private addPostings(n: number, titleIds: readonly number[], bodyIds: readonly number[]): void {
    this.ensureTerms(this.vocabulary.length);
    const tf = this.tf;
    const seen = this.seen;
    const body: number[] = [];
    const bodyCounts: number[] = [];
    for (const id of bodyIds) {
      if (tf[id] === 0) body.push(id);
      if (tf[id]! < 65535) tf[id]! += 1;
    }
    for (const id of body) {
      bodyCounts.push(tf[id]!);
      tf[id] = 0;
    }
    // Distinct words of a field, marked in `seen` (cleared again before returning).
    const distinct = (lists: readonly (readonly number[])[]): number[] => {
      const out: number[] = [];
      for (const list of lists) {
        for (const id of list) {
          if (seen[id]) continue;
          seen[id] = 1;
          out.push(id);
        }
      }
      for (const id of out) seen[id] = 0;
      return out;
    };
    const title = distinct([titleIds]);
    for (const id of title) seen[id] = 1;
    for (const id of title) this.docFrequency[id]! += 1;
    for (const id of body) if (!seen[id]) this.docFrequency[id]! += 1;
    for (const id of title) seen[id] = 0;
    const entry: Record<string, readonly number[]> = { title, body, bodyCounts };
    for (const f of VALUE_FIELDS) entry[f] = distinct([this.fields[f].words[this.values[f][n]!]!]);
    entry[LIST_FIELD] = distinct(Array.from(this.tagsOf(n), (t) => this.fields[LIST_FIELD].words[t]!));
    this.postings.add(n, entry as PostingsEntry);
  }

  remove(id: string): boolean {
    const n = this.byId.get(id);
    if (n === undefined) return false;
    this.byId.delete(id);
    this.deleted[n] = 1;
    this.liveCount -= 1;
    this.revision += 1;
    return true;
  }

  /** The word ids of a document: the title's, SEPARATOR, the text's. */
  forwardOf(doc: number): Uint8Array {
    return this.forward.view(this.forwardOffsets[doc]!, this.forwardOffsets[doc + 1]!);
  }

  /** Adds what follows in one go, until freeze() (see FlexPostings.beginBulk): no search in between. */
  beginBulk(): void {
    this.postings.beginBulk();
  }

  /** After a bulk build or before saving: hands a bulk build to FlexSearch, gives back spare memory. */
  freeze(): void {
    this.postings.endBulk();
    this.forward.trim();
    this.vocabulary.dropCache();
  }

  /** Takes over the parts of a loaded index (serialize.ts); the vocabulary is already filled. */
  restore(parts: RestoredParts): void {
    this.postings = parts.postings;
    this.docFrequency = new Uint32Array(parts.docFrequency);
    this.forward = ByteWriter.from(parts.forward.slice());
    this.forwardOffsets = new Uint32Array(parts.forwardOffsets);
    this.dates = new Uint32Array(parts.dates);
    this.recency = new Uint32Array(parts.recency);
    this.added = new Float64Array(parts.added);
    this.deleted = parts.deleted.slice();
    this.values = perField(VALUE_FIELDS, (f) => new Uint32Array(parts.values[f]));
    this.ids = parts.ids;
    this.titles = parts.titles;
    this.versions = parts.versions;
    this.tagStart = new Uint32Array(parts.tagStart);
    this.tagIds = new Uint32Array(parts.tagIds);
    this.fields = parts.fields;
    this.byId = new Map();
    this.liveCount = 0;
    this.ids.forEach((id, n) => {
      if (this.deleted[n]) return;
      this.byId.set(id, n);
      this.liveCount += 1;
    });
    this.ensureTerms(this.vocabulary.length);
    this.revision += 1;
  }

  /**
   * Drops deleted documents: every document gets a new number, and FlexSearch's postings are made
   * anew from the forward index and the field dictionaries (no text is analysed again).
   */
  compact(onProgress?: BuildProgress): void {
    const docs = this.docCount;
    const renumber = new Int32Array(docs).fill(-1);
    let kept = 0;
    for (let d = 0; d < docs; d++) if (!this.deleted[d]) renumber[d] = kept++;
    const keep = <T>(list: T[]) => list.filter((_, d) => renumber[d]! >= 0);
    const keepTyped = <T extends Uint32Array | Float64Array>(array: T): T => {
      const out = new (array.constructor as new (n: number) => T)(Math.max(kept, 1));
      for (let d = 0; d < docs; d++) if (renumber[d]! >= 0) out[renumber[d]!] = array[d]!;
      return out;
    };
    const tagStart = new Uint32Array(kept + 1);
    const tagIds: number[] = [];
    const forward = new ByteWriter(Math.max(1024, this.forward.length));
    const forwardOffsets = new Uint32Array(kept + 1);
    for (let d = 0; d < docs; d++) {
      if (renumber[d]! < 0) continue;
      tagIds.push(...this.tagsOf(d));
      tagStart[renumber[d]! + 1] = tagIds.length;
      forward.bytes(this.forwardOf(d));
      forwardOffsets[renumber[d]! + 1] = forward.length;
    }
    this.restore({
      postings: new FlexPostings(),
      docFrequency: new Uint32Array(this.docFrequency.length),
      forward: forward.finish(),
      forwardOffsets,
      dates: keepTyped(this.dates),
      recency: keepTyped(this.recency),
      added: keepTyped(this.added),
      deleted: new Uint8Array(Math.max(kept, 1)),
      values: perField(VALUE_FIELDS, (f) => keepTyped(this.values[f])),
      ids: keep(this.ids),
      titles: keep(this.titles),
      versions: keep(this.versions),
      tagStart,
      tagIds: Uint32Array.from(tagIds),
      fields: this.fields,
    });
    this.postings.beginBulk();
    for (let n = 0; n < kept; n++) {
      const ids = decodeVarints(this.forwardOf(n));
      const split = ids.indexOf(SEPARATOR);
      this.addPostings(n, ids.slice(0, split), ids.slice(split + 1));
      if (onProgress && n % 1000 === 999) onProgress(n + 1, kept);
    }
    this.postings.endBulk();
  }
}

/** Reads the word ids of a forward entry. */
export function decodeVarints(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  for (const reader = new VarintReader(bytes); !reader.done;) ids.push(reader.next());
  return ids;
}

export interface RestoredParts {
  postings: FlexPostings;
  docFrequency: Uint32Array;
  forward: Uint8Array;
  forwardOffsets: Uint32Array;
  dates: Uint32Array;
  recency: Uint32Array;
  added: Float64Array;
  deleted: Uint8Array;
  values: Record<ValueField, Uint32Array>;
  ids: string[];
  titles: string[];
  versions: string[];
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  fields: Record<MetaField, FieldDictionary>;
}
