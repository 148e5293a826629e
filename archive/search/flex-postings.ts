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

export const POSTING_FIELDS = ['title', 'body', 'publication', 'author', 'place', 'tag'] as const;
export type PostingField = (typeof POSTING_FIELDS)[number];

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
export interface PostingsEntry {
  title: readonly number[];
  body: readonly number[];
  /** How often the text says each word of `body`. */
  bodyCounts: readonly number[];
  publication: readonly number[];
  author: readonly number[];
  place: readonly number[];
  tag: readonly number[];
}

/** The fields of an entry whose words all weigh the same. */
const FLAT_FIELDS = ['title', 'publication', 'author', 'place', 'tag'] as const;

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
    this.document.add({
      id: doc,
      title: keys(entry.title),
      body: body.join(' '),
      publication: keys(entry.publication),
      author: keys(entry.author),
      place: keys(entry.place),
      tag: keys(entry.tag),
    });
  }

  private bulk: BulkPostings | undefined;

  /**
   * Many clippings into an empty index: their postings are gathered in plain arrays and handed to
   * FlexSearch at once by endBulk(), through its import — the same data its add() would make, in a
   * quarter of the time, with no spare room in the arrays. Nothing can be looked up until then.
   */
  beginBulk(): void {
    if (this.registered > 0) throw new Error('bulk adding needs an empty index');
    this.bulk ??= new BulkPostings();
  }

  endBulk(): void {
    const bulk = this.bulk;
    if (!bulk) return;
    this.bulk = undefined;
    for (const field of POSTING_FIELDS) this.document.import(`${field}.1.map`, bulk.entries(field) as never);
    this.document.import('1.reg', bulk.docs as never);
  }

  /** The clippings with word `term` in `field`, by slot (undefined: none). */
  slots(field: PostingField, term: number): Slots | undefined {
    return this.fields[field].map.get(termKey(term));
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
}

/** Postings gathered for FlexSearch's import: per field, key → slots → clipping numbers. */
class BulkPostings {
  readonly docs: number[] = [];
  private readonly maps = Object.fromEntries(POSTING_FIELDS.map((f) => [f, new Map<string, number[][]>()])) as Record<
    PostingField,
    Map<string, number[][]>
  >;
  /** Every key string once, shared by all fields (FlexSearch keeps the string it is given). */
  private readonly keys: string[] = [];

  private keyOf(term: number): string {
    return (this.keys[term] ??= termKey(term));
  }

  private push(field: PostingField, term: number, slot: number, doc: number): void {
    const map = this.maps[field];
    const key = this.keyOf(term);
    let slots = map.get(key);
    if (!slots) map.set(key, (slots = []));
    const list = slots[slot];
    if (list) list.push(doc);
    else slots[slot] = [doc];
  }

  add(doc: number, entry: PostingsEntry): void {
    this.docs.push(doc);
    for (const field of FLAT_FIELDS) for (const term of entry[field]) this.push(field, term, 0, doc);
    const { body, bodyCounts } = entry;
    for (let i = 0; i < body.length; i++) this.push('body', body[i]!, bodySlot(bodyCounts[i]!), doc);
  }

  /** A field's postings as FlexSearch exports them: [key, slots] pairs, each list without spare room. */
  entries(field: PostingField): [string, number[][]][] {
    const map = this.maps[field];
    const entries: [string, number[][]][] = [];
    for (const [key, slots] of map) {
      for (let s = 0; s < slots.length; s++) if (slots[s] && slots[s]!.length > 1) slots[s] = slots[s]!.slice();
      entries.push([key, slots]);
    }
    map.clear();
    return entries;
  }
}
