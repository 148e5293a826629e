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

/** What one clipping puts into the postings: the ids of its distinct words per field. */
export interface PostingsEntry {
  title: Iterable<number>;
  /** Word id → how often the text says it. */
  body: ReadonlyMap<number, number>;
  publication: Iterable<number>;
  author: Iterable<number>;
  place: Iterable<number>;
  tag: Iterable<number>;
}

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
    this.slotOfKey.clear();
    const body: string[] = [];
    for (const [term, count] of entry.body) {
      const key = termKey(term);
      body.push(key);
      this.slotOfKey.set(key, bodySlot(count));
    }
    const keys = (terms: Iterable<number>) => [...new Set(terms)].map(termKey).join(' ');
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
