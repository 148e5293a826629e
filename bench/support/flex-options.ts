// What FlexSearch's options cost in memory for this engine's postings: the same postings (those of
// the synthetic corpus, as the engine analysed them) put into a FlexSearch Document configured one
// way or another, through its add(), each in turn in one process with the heap settled in between.
// The engine's own configuration is the first row; every other row changes one thing.
import { Document, type DocumentData } from 'flexsearch';
import { SearchEngine } from '../../archive/search/engine.ts';
import { FlexPostings, bodySlot, termKey } from '../../archive/search/flex-postings.ts';
import { SEPARATOR, decodeVarints, type SearchIndex } from '../../archive/search/search-index.ts';
import { syntheticCorpus } from './hindi-corpus.ts';

interface Variant {
  name: string;
  stringIds?: boolean;
  /** FlexSearch's own scoring (by position) with its default resolution, instead of our slots. */
  defaultScoring?: boolean;
  /** publication, author and place as one field (keys marked by field). */
  metaField?: boolean;
  compress?: boolean;
  fastupdate?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'as the engine has it: numeric ids, 6 fields, 3 slots in the text and 1 elsewhere, no compress' },
  { name: 'string ids (the clipping ids) instead of numbers', stringIds: true },
  { name: "FlexSearch's own resolution (9) and scoring by position, instead of slots per field", defaultScoring: true },
  { name: 'publication, author and place as one "meta" field', metaField: true },
  { name: 'compress: true', compress: true },
  { name: 'fastupdate: true', fastupdate: true },
];

const PRE_ANALYSED = { encode: (text: string): string[] => (text === '' ? [] : text.split(' ')) };

interface Entry {
  title: string;
  body: string;
  slots: Map<string, number>;
  publication: string;
  author: string;
  place: string;
  tag: string;
}

function entryOf(ix: SearchIndex, n: number): Entry {
  const ids = decodeVarints(ix.forwardOf(n));
  const split = ids.indexOf(SEPARATOR);
  const counts = new Map<number, number>();
  for (const id of ids.slice(split + 1)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const slots = new Map<string, number>();
  for (const [id, count] of counts) slots.set(termKey(id), bodySlot(count));
  const keys = (list: readonly number[]) => [...new Set(list)].map(termKey).join(' ');
  const tags: number[] = [];
  for (const t of ix.tagsOf(n)) tags.push(...ix.fields.tag.words[t]!);
  return {
    title: keys(ids.slice(0, split)),
    body: [...slots.keys()].join(' '),
    slots,
    publication: keys(ix.fields.publication.words[ix.values.publication[n]!]!),
    author: keys(ix.fields.author.words[ix.values.author[n]!]!),
    place: keys(ix.fields.place.words[ix.values.place[n]!]!),
    tag: keys(tags),
  };
}

function build(ix: SearchIndex, v: Variant): Document<DocumentData> {
  let current: Entry | undefined;
  const common = {
    tokenize: 'strict' as const,
    encoder: PRE_ANALYSED as never,
    fastupdate: v.fastupdate ?? false,
    cache: false,
    ...(v.compress ? { compress: true } : {}),
  };
  const meta = v.metaField ? ['meta'] : ['publication', 'author', 'place'];
  const fields = ['title', 'body', ...meta, 'tag'].map((field) =>
    v.defaultScoring
      ? { field, ...common }
      : field === 'body'
        ? { field, ...common, resolution: 3, score: (_c: string[], term: string) => current!.slots.get(term) ?? 2 }
        : { field, ...common, resolution: 1, score: () => 0 },
  );
  const document = new Document<DocumentData>({
    ...common,
    document: { id: 'id', store: false, index: fields },
  } as never);
  const mark = (prefix: string, keys: string) => (keys === '' ? '' : keys.replace(/(^| )/g, `$1${prefix}`));
  for (let n = 0; n < ix.docCount; n++) {
    current = entryOf(ix, n);
    const { title, body, publication, author, place, tag } = current;
    document.add({
      id: v.stringIds ? ix.ids[n]! : n,
      title,
      body,
      tag,
      ...(v.metaField
        ? { meta: [mark('p', publication), mark('a', author), mark('l', place)].filter(Boolean).join(' ') }
        : { publication, author, place }),
    });
  }
  return document;
}

export interface OptionFigures {
  rows: { name: string; bytes: number; ms: number }[];
  /** The engine's own FlexSearch Document, built in bulk through its import. */
  engineBytes: number;
}

/** One variant, built and measured in its own frame, so nothing of it is left once it returns. */
function measureOne(
  ix: SearchIndex,
  variant: Variant,
  heap: () => number,
): { name: string; bytes: number; ms: number } {
  const start = heap();
  const started = performance.now();
  const document = build(ix, variant);
  const ms = performance.now() - started;
  const bytes = heap() - start;
  return { name: variant.name, bytes: document ? bytes : 0, ms };
}

export function measureOptions(size: number, heap: () => number): OptionFigures {
  const engine = new SearchEngine();
  engine.putAll(syntheticCorpus(size));
  const withIndex = heap();
  // What the engine's own Document holds: the index's memory with it, less with an empty one.
  engine.index.postings = new FlexPostings();
  const engineBytes = withIndex - heap();
  const rows = VARIANTS.map((variant) => measureOne(engine.index, variant, heap));
  return { rows, engineBytes };
}
