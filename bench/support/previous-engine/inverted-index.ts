// The data of the search index, compact enough for 100,000 clippings in a worker:
//
// - postings: per word, the documents that have it, as varint deltas of document numbers, each
//   with 3 bits: in the title, and how often in the text (0, 1, 2–3, 4+). Kept as one frozen byte
//   array (after a bulk build or a load) plus slices of a BytePool for what was added since.
// - dense: a word in more than an eighth of the documents keeps one byte of flags per document
//   instead (no decoding, and a query can look up just the documents it still considers).
// - forward: per document, its title's and text's word ids in order (varints), for phrases and
//   proximity without keeping the text itself.
// - per document: id, title, date, when added, version, and its publication, author, place and
//   tags as numbers into small dictionaries (facets and field: queries read these).
//
// A changed clipping gets a new document number and its old one is marked deleted; compact()
// drops deleted documents when they become too many.
import type { SearchDoc } from '../../../archive/api.ts';
import { BytePool, ByteWriter, Streams, VarintReader, grow } from './byte-pool.ts';
import type { StemOrder } from '../../../archive/search/analyze.ts';
import { Vocabulary } from '../../../archive/search/vocabulary.ts';

export const META_FIELDS = ['publication', 'author', 'place', 'tag'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export const IN_TITLE = 4;
/** A word in at least this share (1/n) of the documents, and this many, is kept dense. */
const DENSE_SHARE = 8;
const DENSE_MIN_DOCS = 256;
export const BODY_TF_MASK = 3;
/** Separates the title from the text in the forward index. */
export const SEPARATOR = 0;

function tfBucket(tf: number): number {
  return tf === 0 ? 0 : tf === 1 ? 1 : tf <= 3 ? 2 : 3;
}

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

export class InvertedIndex {
  readonly vocabulary: Vocabulary;
  fields: Record<MetaField, FieldDictionary> = {
    publication: new FieldDictionary(),
    author: new FieldDictionary(),
    place: new FieldDictionary(),
    tag: new FieldDictionary(),
  };

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
  publication = new Uint32Array(1024);
  author = new Uint32Array(1024);
  place = new Uint32Array(1024);
  /** Tag ids of document d: tagIds[tagStart[d] … tagStart[d + 1]). */
  tagStart = new Uint32Array(1025);
  tagIds = new Uint32Array(1024);
  liveCount = 0;
  /** Bumped by every change, so cached answers know they are stale. */
  revision = 0;

  // Postings.
  frozenPostings: Uint8Array = new Uint8Array(0);
  /** term id → start in frozenPostings; [t + 1] is its end (terms past the end have none). */
  frozenOffsets: Uint32Array = new Uint32Array(1);
  pool = new BytePool();
  streams = new Streams();
  lastDoc = new Int32Array(1024).fill(-1);
  docFrequency = new Uint32Array(1024);
  /** term id → flags per document, for the words in many documents (see densify). */
  dense: (Uint8Array | undefined)[] = [];

  // Forward index.
  forward = new ByteWriter(1 << 16);
  forwardOffsets = new Uint32Array(1025);

  // Scratch for one document's words.
  private tf = new Uint16Array(1024);
  private inTitle = new Uint8Array(1024);

  constructor(stemOrder: StemOrder) {
    this.vocabulary = new Vocabulary(stemOrder);
  }

  get docCount(): number {
    return this.ids.length;
  }

  private ensureDocs(count: number): void {
    if (count <= this.dates.length) return;
    const size = Math.max(count, this.dates.length * 2);
    this.dates = grow(this.dates, size);
    this.added = grow(this.added, size);
    this.recency = grow(this.recency, size);
    this.deleted = grow(this.deleted, size);
    this.publication = grow(this.publication, size);
    this.author = grow(this.author, size);
    this.place = grow(this.place, size);
    this.forwardOffsets = grow(this.forwardOffsets, size + 1);
    this.tagStart = grow(this.tagStart, size + 1);
  }

  /** The tag ids of a document. */
  tagsOf(doc: number): Uint32Array {
    return this.tagIds.subarray(this.tagStart[doc]!, this.tagStart[doc + 1]!);
  }

  private ensureTerms(count: number): void {
    const size = (current: number) => {
      let s = Math.max(current, 1024);
      while (s < count) s *= 2;
      return s;
    };
    if (this.tf.length < count) {
      const s = size(this.tf.length);
      this.tf = grow(this.tf, s);
      this.inTitle = grow(this.inTitle, s);
    }
    if (this.lastDoc.length < count) {
      const s = size(this.lastDoc.length);
      const last = new Int32Array(s).fill(-1);
      last.set(this.lastDoc);
      this.lastDoc = last;
      this.docFrequency = grow(this.docFrequency, s);
    }
    this.streams.ensure(count);
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
    this.publication[n] = doc.publication ? this.fields.publication.idOf(doc.publication, v) : 0;
    this.author[n] = doc.author ? this.fields.author.idOf(doc.author, v) : 0;
    this.place[n] = doc.place ? this.fields.place.idOf(doc.place, v) : 0;
    const tagIds = doc.tags.map((t) => this.fields.tag.idOf(t, v));
    const tagsAt = this.tagStart[n]!;
    if (this.tagIds.length < tagsAt + tagIds.length) this.tagIds = grow(this.tagIds, (tagsAt + tagIds.length) * 2);
    this.tagIds.set(tagIds, tagsAt);
    this.tagStart[n + 1] = tagsAt + tagIds.length;

    const titleIds = v.idsOf(doc.title);
    const bodyIds = v.idsOf(doc.body);
    this.ensureTerms(v.length);
    const touched: number[] = [];
    for (const id of titleIds) {
      if (this.tf[id] === 0 && this.inTitle[id] === 0) touched.push(id);
      this.inTitle[id] = 1;
    }
    for (const id of bodyIds) {
      if (this.tf[id] === 0 && this.inTitle[id] === 0) touched.push(id);
      if (this.tf[id]! < 65535) this.tf[id]! += 1;
    }
    for (const id of touched) {
      const flags = (this.inTitle[id] ? IN_TITLE : 0) | tfBucket(this.tf[id]!);
      let dense = this.dense[id];
      if (dense) {
        if (dense.length <= n) dense = this.dense[id] = grow(dense, Math.max(n + 1, this.dates.length));
        dense[n] = flags;
      } else this.pool.writeVarint(this.streams, id, (n - this.lastDoc[id]!) * 8 + flags);
      this.lastDoc[id] = n;
      this.docFrequency[id]! += 1;
      this.tf[id] = 0;
      this.inTitle[id] = 0;
    }
    for (const id of titleIds) this.forward.varint(id);
    this.forward.varint(SEPARATOR);
    for (const id of bodyIds) this.forward.varint(id);
    this.forwardOffsets[n + 1] = this.forward.length;
    this.liveCount += 1;
    this.revision += 1;
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

  /** The postings bytes of a word: the frozen part and what was added since. */
  postings(term: number): [Uint8Array, Uint8Array] {
    const frozen =
      term + 1 < this.frozenOffsets.length
        ? this.frozenPostings.subarray(this.frozenOffsets[term]!, this.frozenOffsets[term + 1]!)
        : EMPTY;
    return [frozen, this.pool.read(this.streams, term)];
  }

  /** The word ids of a document: the title's, SEPARATOR, the text's. */
  forwardOf(doc: number): Uint8Array {
    return this.forward.view(this.forwardOffsets[doc]!, this.forwardOffsets[doc + 1]!);
  }

  /**
   * Moves all postings into the frozen array (after a bulk build; before saving), and gives the
   * words now in many documents their dense flags.
   */
  freeze(): void {
    const terms = this.vocabulary.length;
    const writer = new ByteWriter(Math.max(1024, this.frozenPostings.length + this.pool.bytes / 2));
    const offsets = new Uint32Array(terms + 1);
    const threshold = Math.max(DENSE_MIN_DOCS, this.docCount / DENSE_SHARE);
    for (let t = 0; t < terms; t++) {
      offsets[t] = writer.length;
      if (this.dense[t]) continue;
      const [frozen, fresh] = this.postings(t);
      if (this.docFrequency[t]! >= threshold) {
        this.dense[t] = this.densify(frozen, fresh);
        continue;
      }
      writer.bytes(frozen);
      writer.bytes(fresh);
    }
    offsets[terms] = writer.length;
    this.frozenPostings = writer.finish();
    this.frozenOffsets = offsets;
    this.pool = new BytePool();
    this.streams = new Streams();
    this.streams.ensure(this.tf.length);
    this.forward.trim();
    this.vocabulary.dropCache();
  }

  private densify(...parts: Uint8Array[]): Uint8Array {
    const dense = new Uint8Array(this.docCount); // grows again when a document is added
    let doc = -1;
    for (const bytes of parts) {
      for (const reader = new VarintReader(bytes); !reader.done;) {
        const value = reader.next();
        const flags = value & 7;
        doc += (value - flags) / 8;
        dense[doc] = flags;
      }
    }
    return dense;
  }

  /** Takes over the parts of a loaded index (serialize.ts); the vocabulary is already filled. */
  restore(parts: RestoredParts): void {
    this.frozenPostings = parts.postings.slice();
    this.frozenOffsets = new Uint32Array(parts.postingOffsets); // a copy: the file's buffer can go
    this.lastDoc = new Int32Array(parts.lastDoc);
    this.docFrequency = new Uint32Array(parts.docFrequency);
    this.forward = ByteWriter.from(parts.forward.slice());
    this.forwardOffsets = new Uint32Array(parts.forwardOffsets);
    this.dates = new Uint32Array(parts.dates);
    this.recency = new Uint32Array(parts.recency);
    this.added = new Float64Array(parts.added);
    this.deleted = parts.deleted.slice();
    this.publication = new Uint32Array(parts.publication);
    this.author = new Uint32Array(parts.author);
    this.place = new Uint32Array(parts.place);
    this.ids = parts.ids;
    this.titles = parts.titles;
    this.versions = parts.versions;
    this.tagStart = new Uint32Array(parts.tagStart);
    this.tagIds = new Uint32Array(parts.tagIds);
    this.fields = parts.fields;
    this.dense = parts.dense;
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

  /** Drops deleted documents: every document gets a new number, postings and forward are rewritten. */
  compact(): void {
    this.freeze();
    const docs = this.docCount;
    const renumber = new Int32Array(docs).fill(-1);
    let kept = 0;
    for (let d = 0; d < docs; d++) if (!this.deleted[d]) renumber[d] = kept++;
    const terms = this.vocabulary.length;
    const postings = new ByteWriter(Math.max(1024, this.frozenPostings.length));
    const offsets = new Uint32Array(terms + 1);
    const lastDoc = new Int32Array(Math.max(terms, 1024)).fill(-1);
    const docFrequency = new Uint32Array(lastDoc.length);
    for (let t = 0; t < terms; t++) {
      offsets[t] = postings.length;
      const bytes = this.frozenPostings.subarray(this.frozenOffsets[t]!, this.frozenOffsets[t + 1]!);
      let doc = -1;
      let last = -1;
      for (const reader = new VarintReader(bytes); !reader.done;) {
        const value = reader.next();
        const flags = value & 7;
        doc += (value - flags) / 8;
        const n = renumber[doc]!;
        if (n < 0) continue;
        postings.varint((n - last) * 8 + flags);
        last = n;
        docFrequency[t]! += 1;
      }
      lastDoc[t] = last;
    }
    offsets[terms] = postings.length;
    const dense = this.dense.map((flags) => {
      if (!flags) return undefined;
      const out = new Uint8Array(Math.max(kept, 1));
      for (let d = 0; d < docs; d++) if (renumber[d]! >= 0) out[renumber[d]!] = flags[d] ?? 0;
      return out;
    });
    const forward = new ByteWriter(Math.max(1024, this.forward.length));
    const forwardOffsets = new Uint32Array(kept + 1);
    const keep = <T>(list: T[]) => list.filter((_, d) => renumber[d]! >= 0);
    const keepTyped = <T extends Uint32Array | Float64Array>(array: T): T => {
      const out = new (array.constructor as new (n: number) => T)(Math.max(kept, 1));
      for (let d = 0; d < docs; d++) if (renumber[d]! >= 0) out[renumber[d]!] = array[d]!;
      return out;
    };
    const keepTags = () => {
      const tagStart = new Uint32Array(kept + 1);
      const tagIds: number[] = [];
      for (let d = 0; d < docs; d++) {
        if (renumber[d]! < 0) continue;
        tagIds.push(...this.tagsOf(d));
        tagStart[renumber[d]! + 1] = tagIds.length;
      }
      return { tagStart, tagIds: Uint32Array.from(tagIds) };
    };
    for (let d = 0; d < docs; d++) {
      if (renumber[d]! < 0) continue;
      forward.bytes(this.forwardOf(d));
      forwardOffsets[renumber[d]! + 1] = forward.length;
    }
    this.restore({
      postings: postings.finish(),
      postingOffsets: offsets,
      lastDoc,
      docFrequency,
      forward: forward.finish(),
      forwardOffsets,
      dates: keepTyped(this.dates),
      recency: keepTyped(this.recency),
      added: keepTyped(this.added),
      deleted: new Uint8Array(Math.max(kept, 1)),
      publication: keepTyped(this.publication),
      author: keepTyped(this.author),
      place: keepTyped(this.place),
      ids: keep(this.ids),
      titles: keep(this.titles),
      versions: keep(this.versions),
      ...keepTags(),
      fields: this.fields,
      dense,
    });
  }
}

export interface RestoredParts {
  postings: Uint8Array;
  postingOffsets: Uint32Array;
  lastDoc: Int32Array;
  docFrequency: Uint32Array;
  forward: Uint8Array;
  forwardOffsets: Uint32Array;
  dates: Uint32Array;
  recency: Uint32Array;
  added: Float64Array;
  deleted: Uint8Array;
  publication: Uint32Array;
  author: Uint32Array;
  place: Uint32Array;
  ids: string[];
  titles: string[];
  versions: string[];
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  fields: Record<MetaField, FieldDictionary>;
  dense: (Uint8Array | undefined)[];
}

const EMPTY = new Uint8Array(0);
