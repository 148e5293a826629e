// The postings of the search index, held by a FlexSearch Document: for every field, which clippings
// (by number) have which word. FlexSearch stores and returns them; our analysis chain makes its keys —
// a word's id in our vocabulary (base 36), so FlexSearch never tokenizes or folds Hindi itself — and
// a score function puts each posting in a slot: in the text, by how often the word is said (the
// ranking needs that), elsewhere just "has it".
//
// Options, as measured by the benchmark (bench/support/flex-options.ts; README):
// - fastupdate off: +40% memory, and a fastupdate Document cannot import what it exported.
// - no store, no context (context costs ~9× the memory), no cache (every query asks for different words).
// - numeric ids: the clipping's number in our table, never a string.
// - resolution per field: 3 slots in the text, 1 elsewhere.
// FlexSearch's update and remove are never called: a changed clipping gets a new number (its old
// one is marked deleted in our table and skipped), which also keeps clear of its update bugs.
import { Document, type DocumentData } from 'flexsearch';
import { METADATA_FIELDS, type MetadataKey } from '../clipping-fields.ts';
import { ByteWriter, VarintReader, grow } from './byte-pool.ts';

export type PostingField = 'title' | 'body' | MetadataKey;
/** The title, the text, and the metadata fields of the declaration (clipping-fields.ts). */
export const POSTING_FIELDS: readonly PostingField[] = ['title', 'body', ...METADATA_FIELDS.map((m) => m.key)];

/** Slots of the text field: slot 0 holds words said 4 times or more, 1 twice or three times, 2 once. */
export const BODY_SLOTS = 3;

/** How often a word is said (1–65535) → the text field's slot. */
export function bodySlot(count: number): number {
  return count === 1 ? 2 : count <= 3 ? 1 : 0;
}

/** What a slot of the text field says about how often: 3 (4+), 2 (2–3), 1 (once). */
export function slotFrequency(slot: number): number {
  return BODY_SLOTS - slot;
}

export function termKey(term: number): string {
  return term.toString(36);
}

/** One field's postings of a word: per slot, the clipping numbers (in the order added). */
export type Slots = readonly (readonly number[] | undefined)[];

/** What one clipping puts into the postings: the ids of its distinct words per field (no repeats). */
export type PostingsEntry = Record<Exclude<PostingField, 'body'>, readonly number[]> & {
  body: readonly number[];
  /** How often the text says each word of `body`. */
  bodyCounts: readonly number[];
};

/** The fields of an entry whose words all weigh the same. */
const FLAT_FIELDS = POSTING_FIELDS.filter((f): f is Exclude<PostingField, 'body'> => f !== 'body');

/** The field index inside the Document: its term → slots map (FlexSearch's own postings). */
interface FieldIndex {
  map: Map<string, (number[] | undefined)[]>;
}

// Keys come pre-analysed, one per distinct word: splitting on spaces is all the encoding there is.
const PRE_ANALYSED = { encode: (text: string): string[] => (text === '' ? [] : text.split(' ')) };

export class FlexPostings {
  readonly document: Document<DocumentData>;
  private readonly fields: Record<PostingField, FieldIndex>;
  /** The text field's slot of each key of the clipping being added (read by the score function). */
  private readonly slotOfKey = new Map<string, number>();

  constructor() {
    const common = {
      tokenize: 'strict' as const,
      encoder: PRE_ANALYSED as never,
      fastupdate: false,
      cache: false,
      context: false,
    };
    this.document = new Document<DocumentData>({
      ...common,
      document: {
        id: 'id',
        store: false,
        index: POSTING_FIELDS.map((field) =>
          field === 'body'
            ? {
                field,
                ...common,
                resolution: BODY_SLOTS,
                score: (_content: string[], term: string) => this.slotOfKey.get(term) ?? BODY_SLOTS - 1,
              }
            : { field, ...common, resolution: 1, score: () => 0 },
        ),
      },
    } as never);
    const indexes = (this.document as unknown as { index: Map<string, FieldIndex> }).index;
    this.fields = Object.fromEntries(POSTING_FIELDS.map((f) => [f, indexes.get(f)!])) as Record<
      PostingField,
      FieldIndex
    >;
  }

  /** Adds clipping number `doc` (a number never added before). */
  add(doc: number, entry: PostingsEntry): void {
    if (this.bulk) {
      this.bulk.add(doc, entry);
      return;
    }
    this.slotOfKey.clear();
    const body = entry.body.map((term, i) => {
      const key = termKey(term);
      this.slotOfKey.set(key, bodySlot(entry.bodyCounts[i]!));
      return key;
    });
    const keys = (terms: readonly number[]) => terms.map(termKey).join(' ');
    const added: Record<string, string | number> = { id: doc, body: body.join(' ') };
    for (const field of FLAT_FIELDS) added[field] = keys(entry[field]);
    this.document.add(added);
  }

  private bulk: BulkPostings | undefined;

  /**
   * Many clippings at once: their postings are gathered in typed arrays and handed to FlexSearch by
   * endBulk(), through its import — the same data its add() would make (lists in the order added,
   * keys in the order first seen), in a fraction of the time and with no spare room in the lists.
   * Nothing added since beginBulk() can be looked up until then.
   */
  beginBulk(): void {
    this.bulk ??= new BulkPostings();
  }

  endBulk(): void {
    const bulk = this.bulk;
    if (!bulk) return;
    this.bulk = undefined;
    const entries = bulk.entries((field) => this.fields[field].map);
    for (const field of POSTING_FIELDS) {
      if (entries[field].length > 0) this.document.import(`${field}.1.map`, entries[field] as never);
    }
    if (bulk.docs.length > 0) this.document.import('1.reg', bulk.docs as never);
  }

  /** The clippings with word `term` in `field`, by slot (undefined: none). */
  slots(field: PostingField, term: number): Slots | undefined {
    return this.fields[field].map.get(termKey(term));
  }

  /** The same by the word's key (termKey), for reading one word in several fields. */
  slotsOfKey(field: PostingField, key: string): Slots | undefined {
    return this.fields[field].map.get(key);
  }

  /** How many clippings FlexSearch has registered (deleted ones included: they are never removed). */
  get registered(): number {
    return (this.document as unknown as { reg: Set<number> }).reg.size;
  }

  /** FlexSearch's export, as (key, JSON text) pairs in order. */
  exportChunks(): [string, string][] {
    const chunks: [string, string][] = [];
    void this.document.export((key: string, data: string) => {
      if (data !== undefined && data !== null) chunks.push([key, data]);
    });
    return chunks;
  }

  /** Takes back what exportChunks() gave, into a Document made with the same options. */
  importChunk(key: string, data: string): void {
    this.document.import(key, data);
  }

  /**
   * What FlexSearch's export holds — per field its [key, slots] pairs in order, then the register —
   * as varints instead of JSON text: a key as its word id, a list as differences between clipping
   * numbers. A third of the bytes, and reading it back makes no strings and parses no JSON, which at
   * 100,000 clippings was most of the time to reopen an index.
   */
  exportBytes(): Uint8Array {
    const out = new ByteWriter(1 << 20);
    for (const field of POSTING_FIELDS) {
      const map = this.fields[field].map;
      out.varint(map.size);
      for (const [key, slots] of map) {
        out.varint(parseInt(key, 36));
        out.varint(slots.length);
        for (const list of slots) writeList(out, list ?? []);
      }
    }
    writeList(out, [...(this.document as unknown as { reg: Set<number> }).reg]);
    return out.finish();
  }

  /** Takes back what exportBytes() gave, through FlexSearch's import, into an empty Document. */
  importBytes(bytes: Uint8Array): void {
    const reader = new VarintReader(bytes);
    for (const field of POSTING_FIELDS) {
      const entries: [string, number[][]][] = new Array(counted(reader));
      for (let e = 0; e < entries.length; e++) {
        const key = termKey(reader.next());
        const count = reader.next();
        // At its final length: an array grown by assigning slot 2 keeps room for ~20.
        const slots = new Array<number[]>(count);
        for (let s = 0; s < count; s++) {
          const list = readList(reader);
          if (list.length > 0) slots[s] = list;
        }
        entries[e] = [key, slots];
      }
      if (entries.length > 0) this.document.import(`${field}.1.map`, entries as never);
    }
    const reg = readList(reader);
    if (reg.length > 0) this.document.import('1.reg', reg as never);
    if (reader.remaining !== 0) throw new Error('postings: not the length they should be');
  }
}

/** A list of clipping numbers: its length, then each as the zigzag difference from the one before. */
function writeList(out: ByteWriter, list: readonly number[]): void {
  out.varint(list.length);
  let before = 0;
  for (const doc of list) {
    const delta = doc - before;
    out.varint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    before = doc;
  }
}

/** A count read from the bytes, no larger than the bytes left could hold (damaged bytes fail here). */
function counted(reader: VarintReader): number {
  const count = reader.next();
  if (count > reader.remaining) throw new Error('postings: damaged');
  return count;
}

function readList(reader: VarintReader): number[] {
  const list = new Array<number>(counted(reader));
  let doc = 0;
  for (let k = 0; k < list.length; k++) {
    const zigzag = reader.next();
    doc += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    list[k] = doc;
  }
  return list;
}

/** The fields in the order of their codes below: the flat fields first, then the text's slots. */
const CODE_FIELDS: readonly PostingField[] = [...FLAT_FIELDS, 'body'];
const BODY_CODE = FLAT_FIELDS.length;
const CODES = BODY_CODE + BODY_SLOTS;
/** Bits of a posting that hold its code: 3 for today's 8 codes, more if the declaration gains fields. */
const CODE_BITS = Math.ceil(Math.log2(CODES));
const CODE_MASK = (1 << CODE_BITS) - 1;

/** A field's postings as FlexSearch exports them: [key, slots] pairs. */
type FieldEntries = [string, number[][]][];

/**
 * Postings gathered for FlexSearch's import. Every posting is one number (word id << CODE_BITS | field code)
 * in a typed array, clipping after clipping; entries() counts them per word and code, makes each list
 * at its final length and fills it in clipping order. (Millions of small arrays growing one push at
 * a time made the garbage collector's work grow faster than the archive: a build of 100,000 took 4×
 * the engine before. Typed arrays are not traced at all.)
 */
class BulkPostings {
  readonly docs: number[] = [];
  /** Where each clipping's postings end in `postings`. */
  private ends = new Uint32Array(1024);
  private postings = new Uint32Array(1 << 16);
  private length = 0;
  private maxTerm = 0;

  add(doc: number, entry: PostingsEntry): void {
    const need = this.length + entry.body.length + FLAT_FIELDS.reduce((n, f) => n + entry[f].length, 0);
    if (need > this.postings.length) this.postings = grow(this.postings, Math.max(need, this.postings.length * 2));
    const postings = this.postings;
    let at = this.length;
    let maxTerm = this.maxTerm;
    FLAT_FIELDS.forEach((field, code) => {
      for (const term of entry[field]) {
        postings[at++] = (term << CODE_BITS) | code;
        if (term > maxTerm) maxTerm = term;
      }
    });
    const { body, bodyCounts } = entry;
    for (let i = 0; i < body.length; i++) {
      const term = body[i]!;
      postings[at++] = (term << CODE_BITS) | (BODY_CODE + bodySlot(bodyCounts[i]!));
      if (term > maxTerm) maxTerm = term;
    }
    this.length = at;
    this.maxTerm = maxTerm;
    const n = this.docs.length;
    if (n >= this.ends.length) this.ends = grow(this.ends, this.ends.length * 2);
    this.ends[n] = at;
    this.docs.push(doc);
  }

  /**
   * Every field's postings, keys in the order first seen, each list at its final length. A word
   * FlexSearch already has (`existing`) gets its old lists with the new clippings after them, as
   * add() would have made them.
   */
  entries(existing: (field: PostingField) => ReadonlyMap<string, Slots>): Record<PostingField, FieldEntries> {
    const { postings, length, docs, ends } = this;
    const size = (this.maxTerm + 1) * CODES;
    // Per word and code (term * CODES + code): how many postings, then how many are placed.
    const counts = new Uint32Array(size);
    for (let i = 0; i < length; i++) {
      const p = postings[i]!;
      counts[(p >>> CODE_BITS) * CODES + (p & CODE_MASK)]! += 1;
    }
    const filled = new Uint32Array(size);
    const keys: string[] = [];
    const out = Object.fromEntries(POSTING_FIELDS.map((f) => [f, []])) as unknown as Record<PostingField, FieldEntries>;
    // Per field (by its first code), per word: its slot lists as they fill.
    const lists: (number[][] | undefined)[][] = CODE_FIELDS.map(() => []);
    let doc = 0;
    for (let i = 0; i < length; i++) {
      while (i >= ends[doc]!) doc += 1;
      const p = postings[i]!;
      const code = p & CODE_MASK;
      const term = p >>> CODE_BITS;
      const first = code < BODY_CODE ? code : BODY_CODE;
      let slots = lists[first]![term];
      if (!slots) {
        const field = CODE_FIELDS[first]!;
        const key = (keys[term] ??= termKey(term));
        const old = existing(field).get(key);
        const last = first === BODY_CODE ? CODES - 1 : first;
        let size = 0;
        for (let c = first; c <= last; c++) if (counts[term * CODES + c]! > 0 || old?.[c - first]) size = c - first + 1;
        // At its final length: an array grown by assigning slot 2 keeps room for ~20.
        slots = new Array<number[]>(size);
        for (let c = first; c <= last; c++) {
          const before = old?.[c - first];
          const count = counts[term * CODES + c]!;
          if (count === 0) {
            if (before) slots[c - first] = before as number[];
            continue;
          }
          const list = new Array<number>((before?.length ?? 0) + count);
          if (before) for (let k = 0; k < before.length; k++) list[k] = before[k]!;
          slots[c - first] = list;
        }
        lists[first]![term] = slots;
        out[field].push([key, slots]);
      }
      const at = term * CODES + code;
      const list = slots[code - first]!;
      list[list.length - counts[at]! + filled[at]!] = docs[doc]!;
      filled[at]! += 1;
    }
    return out;
  }
}
