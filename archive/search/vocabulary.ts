// Every distinct word the index has seen, with its keys per level, and indexes from a key back to
// the words that have it. A query word is expanded into index words through these (and through
// sorted lists for prefixes), the way Lucene expands a fuzzy or wildcard term.
//
// Kept flat — one array per key kind, and hash chains in typed arrays instead of Maps of arrays —
// because an archive of 100,000 clippings has some 350,000 distinct words, and an object per word
// would cost more than the postings themselves.
import { SortedKeys } from './sorted-keys.ts';
import { acronymInDevanagari } from './acronym.ts';
import { wordKeys, type StemOrder, type WordKeys } from './analyze.ts';
import { exactForm, foldWord } from './normalize.ts';
import { SurfaceTable, hashOf, scanWords } from './word-scan.ts';

/** What the vocabulary knows of a word (all derivable from `exact`, stored to load fast). */
export interface StoredTerm {
  exact: string;
  folded: string;
  stem: string | undefined;
  sounds: string[];
  acronym: string | undefined;
  stop: boolean;
  latin: boolean;
}

const STOP = 1;
const LATIN = 2;

/** Entries (key, owner word) chained by the key's hash: what words have this key? */
class KeyIndex {
  private slots = new Int32Array(1 << 12).fill(-1);
  private next = new Int32Array(1 << 11);
  private hashes = new Uint32Array(1 << 11);
  private owners = new Int32Array(1 << 11);
  private keys: string[] = [];

  add(key: string, owner: number): void {
    const entry = this.keys.length;
    if (entry >= this.owners.length) {
      const size = this.owners.length * 2;
      this.next = copy(this.next, size);
      this.hashes = copy(this.hashes, size);
      this.owners = copy(this.owners, size);
    }
    if (entry * 2 >= this.slots.length) this.rehash(this.slots.length * 2);
    const hash = hashOf(key);
    this.keys.push(key);
    this.hashes[entry] = hash;
    this.owners[entry] = owner;
    const slot = hash & (this.slots.length - 1);
    this.next[entry] = this.slots[slot]!;
    this.slots[slot] = entry;
  }

  /** The owners of `key`, in the order they were added. */
  get(key: string): number[] {
    const hash = hashOf(key);
    const found: number[] = [];
    for (let e = this.slots[hash & (this.slots.length - 1)]!; e >= 0; e = this.next[e]!) {
      if (this.hashes[e] === hash && this.keys[e] === key) found.push(this.owners[e]!);
    }
    return found.reverse();
  }

  has(key: string): boolean {
    const hash = hashOf(key);
    for (let e = this.slots[hash & (this.slots.length - 1)]!; e >= 0; e = this.next[e]!) {
      if (this.hashes[e] === hash && this.keys[e] === key) return true;
    }
    return false;
  }

  /** Every distinct key, sorted (for prefix ranges). */
  sortedKeys(): SortedKeys {
    return new SortedKeys(new Set(this.keys));
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let e = 0; e < this.keys.length; e++) {
      const slot = this.hashes[e]! & (size - 1);
      this.next[e] = this.slots[slot]!;
      this.slots[slot] = e;
    }
  }
}

function copy<T extends Int32Array | Uint32Array | Uint8Array>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}

export class Vocabulary {
  // term id → keys; id 0 is reserved (a separator in the forward index).
  private readonly exact: string[] = [''];
  private readonly folded: string[] = [''];
  private readonly stem: (string | undefined)[] = [undefined];
  /** Sound keys joined by spaces ('' for none). */
  private readonly sounds: string[] = [''];
  private readonly acronyms = new Map<number, string>();
  private flags = new Uint8Array(1 << 12);

  private readonly byFolded = new KeyIndex();
  private readonly byStem = new KeyIndex();
  private readonly bySound = new KeyIndex();
  /** Latin words (2–5 letters) by their letter-name spelling in Devanagari: NDA → एनडीए. */
  private readonly byAcronym = new Map<string, number[]>();
  /** Made at the first prefix search, then kept up to date as words come. */
  private sortedFolded: SortedKeys | undefined;
  private sortedSounds: SortedKeys | undefined;

  constructor(readonly stemOrder: StemOrder) {}

  /** Number of ids in use, the reserved 0 included (the next id to be given). */
  get length(): number {
    return this.exact.length;
  }

  get size(): number {
    return this.exact.length - 1;
  }

  /** The keys of word `id`. */
  term(id: number): StoredTerm | undefined {
    if (id <= 0 || id >= this.exact.length) return undefined;
    const sounds = this.sounds[id]!;
    return {
      exact: this.exact[id]!,
      folded: this.folded[id]!,
      stem: this.stem[id],
      sounds: sounds === '' ? [] : sounds.split(' '),
      acronym: this.acronyms.get(id),
      stop: (this.flags[id]! & STOP) !== 0,
      latin: (this.flags[id]! & LATIN) !== 0,
    };
  }

  /** The folded form of word `id` (as term(id).folded, without building the term). */
  foldedOf(id: number): string {
    return this.folded[id] ?? '';
  }

  isLatin(id: number): boolean {
    return (this.flags[id]! & LATIN) !== 0;
  }

  /** The word with exactly this (exact) form, if known. */
  exactId(exact: string, folded: string): number | undefined {
    return this.byFolded.get(folded).find((id) => this.exact[id] === exact);
  }

  withFolded(folded: string): number[] {
    return this.byFolded.get(folded);
  }

  /** The words that may be a form of this lemma key. */
  withStem(lemma: string): number[] {
    return this.byStem.get(lemma);
  }

  withSound(sound: string): number[] {
    return this.bySound.get(sound);
  }

  withAcronym(spelling: string): number[] {
    return this.byAcronym.get(spelling) ?? [];
  }

  /** Words as they appeared in documents → id: most words repeat, so analysis runs once per form. */
  private surfaces = new SurfaceTable();

  /** The id of a word of a document, adding it when new. */
  idOf(surface: string): number {
    return this.idAt(surface, 0, surface.length, hashOf(surface));
  }

  /** The ids of the words of a text, in order (tokenize()'s words, found faster). */
  idsOf(text: string): number[] {
    const ids: number[] = [];
    scanWords(text, (start, end, hash) => ids.push(this.idAt(text, start, end, hash)));
    return ids;
  }

  private idAt(text: string, start: number, end: number, hash: number): number {
    const cached = this.surfaces.find(text, start, end, hash);
    if (cached >= 0) return cached;
    const surface = text.slice(start, end);
    const exact = exactForm(surface);
    const id = this.exactId(exact, foldWord(surface)) ?? this.add(termOf(wordKeys(surface, this.stemOrder)));
    this.surfaces.add(surface, hash, id);
    return id;
  }

  /** Frees the surface cache (after a bulk build; it refills as documents are added). */
  dropCache(): void {
    this.surfaces = new SurfaceTable();
  }

  add(term: StoredTerm): number {
    const known = this.exactId(term.exact, term.folded);
    if (known !== undefined) return known;
    const id = this.exact.length;
    // Equal keys share one string, so a word whose forms are all alike costs one string.
    const folded = term.folded === term.exact ? term.exact : term.folded;
    const stem = term.stem === undefined ? undefined : term.stem === folded ? folded : term.stem;
    const sounds = term.sounds.join(' ');
    this.exact.push(term.exact);
    this.folded.push(folded);
    this.stem.push(stem);
    this.sounds.push(sounds);
    if (id >= this.flags.length) this.flags = copy(this.flags, this.flags.length * 2);
    this.flags[id] = (term.stop ? STOP : 0) | (term.latin ? LATIN : 0);
    if (!this.byFolded.has(folded)) this.sortedFolded?.add(folded);
    this.byFolded.add(folded, id);
    // A word may be a form of several lemmas (morphology.ts): it is found under each.
    if (stem !== undefined) for (const lemma of stem.split(' ')) this.byStem.add(lemma, id);
    for (const sound of term.sounds.length === 1 ? [sounds] : term.sounds) {
      if (!this.bySound.has(sound)) this.sortedSounds?.add(sound);
      this.bySound.add(sound, id);
    }
    if (term.acronym !== undefined) {
      this.acronyms.set(id, term.acronym);
      const owners = this.byAcronym.get(term.acronym);
      if (owners) owners.push(id);
      else this.byAcronym.set(term.acronym, [id]);
    }
    return id;
  }

  /** Word ids whose folded form starts with `prefix` (at most `limit`). */
  foldedPrefix(prefix: string, limit: number): number[] {
    this.sortedFolded ??= this.byFolded.sortedKeys();
    return this.range(this.sortedFolded, prefix, limit, (key) => this.byFolded.get(key));
  }

  /** Word ids with a sound key starting with `prefix` (at most `limit`). */
  soundPrefix(prefix: string, limit: number): number[] {
    this.sortedSounds ??= this.bySound.sortedKeys();
    return this.range(this.sortedSounds, prefix, limit, (key) => this.bySound.get(key));
  }

  private range(sorted: SortedKeys, prefix: string, limit: number, owners: (key: string) => number[]): number[] {
    const ids: number[] = [];
    for (const key of sorted.startingWith(prefix)) {
      if (ids.length >= limit) break;
      ids.push(...owners(key));
    }
    return ids;
  }
}

/** The stored keys of a word. */
export function termOf(keys: WordKeys): StoredTerm {
  const acronym = keys.latin ? acronymInDevanagari(keys.folded) : undefined;
  return {
    exact: keys.exact,
    folded: keys.folded,
    stem: keys.stem,
    sounds: keys.sounds,
    acronym: acronym === undefined ? undefined : foldWord(acronym),
    stop: keys.stop,
    latin: keys.latin,
  };
}
