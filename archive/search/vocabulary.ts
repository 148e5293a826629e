// Every distinct word the index has seen, with its keys per level, and the maps from a key back
// to the words that have it. A query word is expanded into index words through these maps (and
// through sorted lists for prefixes), the way Lucene expands a fuzzy or wildcard term.
import { wordKeys, type StemOrder, type WordKeys } from './analyze.ts';
import { acronymInDevanagari } from './acronym.ts';
import { exactForm, foldWord } from './normalize.ts';
import { SurfaceTable, hashOf, scanWords } from './word-scan.ts';

/** One id, or several: most keys belong to a single word, and a number costs less than an array. */
type Ids = number | number[];

function addId(map: Map<string, Ids>, key: string, id: number): void {
  const current = map.get(key);
  if (current === undefined) map.set(key, id);
  else if (typeof current === 'number') map.set(key, [current, id]);
  else current.push(id);
}

export function idsOf(value: Ids | undefined): readonly number[] {
  return value === undefined ? [] : typeof value === 'number' ? [value] : value;
}

/** What the vocabulary remembers of a word (all derivable from `exact`, stored to load fast). */
export interface StoredTerm {
  exact: string;
  folded: string;
  stem: string | undefined;
  sounds: string[];
  acronym: string | undefined;
  stop: boolean;
  latin: boolean;
}

export class Vocabulary {
  /** termId → keys; id 0 is reserved (a separator in the forward index). */
  readonly terms: (StoredTerm | undefined)[] = [undefined];
  readonly byExact = new Map<string, number>();
  readonly byFolded = new Map<string, Ids>();
  readonly byStem = new Map<string, Ids>();
  readonly bySound = new Map<string, Ids>();
  /** Latin words (2–5 letters) by their letter-name spelling in Devanagari: NDA → एनडीए. */
  readonly byAcronym = new Map<string, Ids>();
  private sortedFolded: string[] | undefined;
  private sortedSounds: string[] | undefined;

  constructor(readonly stemOrder: StemOrder) {}

  get size(): number {
    return this.terms.length - 1;
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
    const id = this.byExact.get(exactForm(surface)) ?? this.add(termOf(wordKeys(surface, this.stemOrder)));
    this.surfaces.add(surface, hash, id);
    return id;
  }

  /** Frees the surface cache (after a bulk build; it refills as documents are added). */
  dropCache(): void {
    this.surfaces = new SurfaceTable();
  }

  add(term: StoredTerm): number {
    const known = this.byExact.get(term.exact);
    if (known !== undefined) return known;
    const id = this.terms.length;
    this.terms.push(term);
    this.byExact.set(term.exact, id);
    if (!this.byFolded.has(term.folded)) this.sortedFolded = undefined;
    addId(this.byFolded, term.folded, id);
    if (term.stem !== undefined) addId(this.byStem, term.stem, id);
    for (const sound of term.sounds) {
      if (!this.bySound.has(sound)) this.sortedSounds = undefined;
      addId(this.bySound, sound, id);
    }
    if (term.acronym !== undefined) addId(this.byAcronym, term.acronym, id);
    return id;
  }

  /** Word ids whose folded form starts with `prefix` (at most `limit`). */
  foldedPrefix(prefix: string, limit: number): number[] {
    this.sortedFolded ??= [...this.byFolded.keys()].sort();
    return this.range(this.sortedFolded, prefix, limit, this.byFolded);
  }

  /** Word ids with a sound key starting with `prefix` (at most `limit`). */
  soundPrefix(prefix: string, limit: number): number[] {
    this.sortedSounds ??= [...this.bySound.keys()].sort();
    return this.range(this.sortedSounds, prefix, limit, this.bySound);
  }

  private range(sorted: string[], prefix: string, limit: number, map: Map<string, Ids>): number[] {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix) && ids.length < limit; i++) {
      ids.push(...idsOf(map.get(sorted[i]!)));
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
