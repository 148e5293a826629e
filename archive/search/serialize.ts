// The index as one binary file, so reopening a large archive answers its first query without
// rebuilding: a JSON header (format, the host's fingerprint of the archive it reflects, and where
// each section is) followed by the sections — typed arrays stored as they are in memory, strings as
// JSON, and what FlexSearch's export holds, as varints (flex-postings.ts exportBytes), taken back
// through its import. Both halves in one file, written at once, so the postings never disagree
// with the table beside them.
import type { StemOrder } from './analyze.ts';
import { FlexPostings, POSTING_FIELDS } from './flex-postings.ts';
import { FieldDictionary, META_FIELDS, SearchIndex, VALUE_FIELDS, perField } from './search-index.ts';

const MAGIC = 0x49534150; // "PASI" little-endian
// 2: vowel length is no longer folded in stems under three letters (analyze.ts stemKey).
// 3: the postings are FlexSearch's export.
// 4: a word's stem is its lemma keys, joined by spaces (morphology.ts).
// 5: FlexSearch's export as varints instead of its JSON chunks.
// 6: the header names the posting fields (they follow the field declaration).
export const INDEX_FORMAT = 6;

interface Header {
  format: number;
  fingerprint: string;
  stemOrder: StemOrder;
  /** The posting fields, in order: an index made before the declaration gained a field is built anew. */
  fields: string;
  docCount: number;
  termCount: number;
  liveCount: number;
  sections: Record<string, [number, number]>;
}

type Typed = Uint8Array | Uint32Array | Int32Array | Float64Array;

/**
 * Deleted clippings are dropped when they are more than this share: FlexSearch's postings are then
 * made anew (about as long as adding them), so not for a few edits.
 */
export const COMPACT_SHARE = 0.25;

/** Packs the index (freezing it first, and dropping deleted clippings when they are many). */
export function indexToBytes(index: SearchIndex, fingerprint: string): Uint8Array {
  if (index.docCount - index.liveCount > Math.max(1000, index.docCount * COMPACT_SHARE)) index.compact();
  index.freeze();
  const docs = index.docCount;
  const terms = index.vocabulary.length;
  const encoder = new TextEncoder();
  const sections: [string, Uint8Array][] = [];
  const add = (name: string, data: Typed) =>
    sections.push([name, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)]);
  const json = (name: string, value: unknown) => sections.push([name, encoder.encode(JSON.stringify(value))]);

  const list = Array.from({ length: terms - 1 }, (_, i) => index.vocabulary.term(i + 1)!);
  json('terms', {
    exact: list.map((t) => t.exact),
    folded: list.map((t) => (t.folded === t.exact ? '' : t.folded)),
    stem: list.map((t) => t.stem ?? '\u0000'),
    sounds: list.map((t) => t.sounds.join(' ')),
    acronym: list.map((t) => t.acronym ?? ''),
    flags: list.map((t) => (t.stop ? 1 : 0) | (t.latin ? 2 : 0)),
  });
  add('docFrequency', index.docFrequency.subarray(0, terms));
  sections.push(['postings', index.postings.exportBytes()]);
  add('forward', index.forward.view(0, index.forward.length));
  add('forwardOffsets', index.forwardOffsets.subarray(0, docs + 1));
  add('dates', index.dates.subarray(0, docs));
  add('recency', index.recency.subarray(0, docs));
  add('added', index.added.subarray(0, docs));
  add('deleted', index.deleted.subarray(0, docs));
  for (const f of VALUE_FIELDS) add(f, index.values[f].subarray(0, docs));
  add('tagStart', index.tagStart.subarray(0, docs + 1));
  add('tagIds', index.tagIds.subarray(0, index.tagStart[docs]!));
  json('docs', {
    ids: index.ids,
    titles: index.titles,
    versions: index.versions,
    fields: Object.fromEntries(
      META_FIELDS.map((f) => [f, { values: index.fields[f].values, words: index.fields[f].words }]),
    ),
  });

  const header: Header = {
    format: INDEX_FORMAT,
    fingerprint,
    stemOrder: index.vocabulary.stemOrder,
    fields: POSTING_FIELDS.join(' '),
    docCount: docs,
    termCount: terms,
    liveCount: index.liveCount,
    sections: {},
  };
  // Offsets are relative to the end of the header, each section 8-byte aligned.
  let offset = 0;
  for (const [name, data] of sections) {
    header.sections[name] = [offset, data.byteLength];
    offset = align(offset + data.byteLength);
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  const start = align(12 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, INDEX_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  for (const [name, data] of sections) out.set(data, start + header.sections[name]![0]);
  return out;
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function readHeader(bytes: Uint8Array): { header: Header; start: number } | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== INDEX_FORMAT) return undefined;
  const length = view.getUint32(8, true);
  if (12 + length > bytes.byteLength) return undefined;
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Header;
    return { header, start: align(12 + length) };
  } catch {
    return undefined;
  }
}

/** Restores an index saved by indexToBytes; undefined when the bytes are not a whole index file. */
export function indexFromBytes(bytes: Uint8Array): { index: SearchIndex; fingerprint: string } | undefined {
  const read = readHeader(bytes);
  if (!read) return undefined;
  const { header, start } = read;
  if (header.fields !== POSTING_FIELDS.join(' ')) return undefined;
  const section = (name: string): Uint8Array => {
    const [offset, length] = header.sections[name] ?? [0, -1];
    if (length < 0 || start + offset + length > bytes.byteLength) throw new Error(`missing section ${name}`);
    return bytes.subarray(start + offset, start + offset + length);
  };
  // Typed views need aligned memory; a copy when the file's bytes do not start on 8.
  const typed = <T>(
    name: string,
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    size: number,
  ): T => {
    const data = section(name);
    const aligned = data.byteOffset % 8 === 0 ? data : data.slice();
    return new Type(aligned.buffer, aligned.byteOffset, data.byteLength / size);
  };
  const text = (name: string) => JSON.parse(new TextDecoder().decode(section(name))) as unknown;
  try {
    const index = new SearchIndex(header.stemOrder);
    const terms = text('terms') as {
      exact: string[];
      folded: string[];
      stem: string[];
      sounds: string[];
      acronym: string[];
      flags: number[];
    };
    terms.exact.forEach((exact, i) => {
      index.vocabulary.add({
        exact,
        folded: terms.folded[i] || exact,
        stem: terms.stem[i] === '\u0000' ? undefined : terms.stem[i],
        sounds: terms.sounds[i] ? terms.sounds[i]!.split(' ') : [],
        acronym: terms.acronym[i] || undefined,
        stop: (terms.flags[i]! & 1) !== 0,
        latin: (terms.flags[i]! & 2) !== 0,
      });
    });
    const docs = text('docs') as {
      ids: string[];
      titles: string[];
      versions: string[];
      fields: Record<string, { values: string[]; words: number[][] }>;
    };
    const postings = new FlexPostings();
    postings.importBytes(section('postings'));
    index.restore({
      postings,
      docFrequency: typed('docFrequency', Uint32Array, 4),
      forward: section('forward'),
      forwardOffsets: typed('forwardOffsets', Uint32Array, 4),
      dates: typed('dates', Uint32Array, 4),
      recency: typed('recency', Uint32Array, 4),
      added: typed('added', Float64Array, 8),
      deleted: section('deleted'),
      values: perField(VALUE_FIELDS, (f) => typed(f, Uint32Array, 4)),
      ids: docs.ids,
      titles: docs.titles,
      versions: docs.versions,
      tagStart: typed('tagStart', Uint32Array, 4),
      tagIds: typed('tagIds', Uint32Array, 4),
      fields: perField(META_FIELDS, (f) => FieldDictionary.from(docs.fields[f]!.values, docs.fields[f]!.words)),
    });
    if (index.docCount !== header.docCount || index.liveCount !== header.liveCount) return undefined;
    return { index, fingerprint: header.fingerprint };
  } catch {
    return undefined;
  }
}
