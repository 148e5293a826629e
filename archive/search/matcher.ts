// How one query word matches index words, and at which level (analyze.ts). The same rules serve
// twice: `expand` finds the matching words of the vocabulary through its key maps (the index), and
// `levelFor` tells whether one word of a text matches (highlighting); tests check they agree.
import {
  LEVEL,
  latinAlternatives,
  shapesOf,
  stemKeysOf,
  wordKeys,
  type Level,
  type StemOrder,
  type WordKeys,
} from './analyze.ts';
import { latinSkeletonPrefix, soundPrefixAgrees, soundsAgree, type SoundShape } from './phonetic.ts';
import { expandsAsQuery } from './morphology.ts';
import type { QueryWord } from './query.ts';
import type { StoredTerm, Vocabulary } from './vocabulary.ts';

/** At most this many index words per typed prefix (the most common survive if there are more). */
export const MAX_PREFIX_WORDS = 3000;

export interface CompiledWord {
  word: QueryWord;
  keys: WordKeys;
  /** A Latin word's Devanagari letter-name spelling (NDA → एनडीए), folded. */
  acronym: string | undefined;
  /** A Latin prefix's consonant skeleton, when it has at least two consonants. */
  soundPrefix: string | undefined;
  /** Whether a sound-alike may match: not for letter acronyms (NDA, GST, UP), which no one says as a word. */
  sounds: boolean;
  /** The sound keys with the vowels inside the word, which a sound-alike must not contradict. */
  shapes: SoundShape[];
  /** The lemma keys other forms of the word share: none for stopwords, nor inside an "exact phrase". */
  lemmas: string[];
}

/** A short Latin word that cannot be said as a word: two letters, no vowel, or consonants run together. */
export function isLetterAcronym(word: string): boolean {
  return (
    /^[a-z]{2,5}$/.test(word) && (word.length === 2 || !/[aeiou]/.test(word) || /^[^aeiou]{2}|[^aeiou]{3}/.test(word))
  );
}

export function compileWord(word: QueryWord, order: StemOrder, inPhrase = false): CompiledWord {
  const keys = wordKeys(word.text, order);
  const skeleton = word.prefix && keys.latin ? latinSkeletonPrefix(keys.folded) : undefined;
  return {
    word,
    keys,
    acronym: keys.latin ? latinAlternatives(keys.folded)[0] : undefined,
    soundPrefix: skeleton !== undefined && skeleton.replace('V', '').length >= 2 ? skeleton : undefined,
    sounds: !(keys.latin && isLetterAcronym(keys.folded)),
    shapes: keys.stop ? [] : shapesOf(word.text),
    lemmas: inPhrase || keys.stop || !expandsAsQuery(keys.folded) ? [] : stemKeysOf(keys.stem),
  };
}

/** A shared sound key, and vowels that agree (the keys hold only the final vowel). */
function soundsLike(q: CompiledWord, t: StoredTerm): boolean {
  return q.keys.sounds.some((s) => t.sounds.includes(s)) && soundsAgree(q.shapes, shapesOf(t.exact));
}

function startsLike(q: CompiledWord, t: StoredTerm): boolean {
  return t.sounds.some((s) => s.startsWith(q.soundPrefix!)) && soundPrefixAgrees(q.keys.folded, shapesOf(t.exact));
}

/** The best level at which the query word matches this index word, or -1. */
export function levelFor(q: CompiledWord, t: StoredTerm): Level | -1 {
  const k = q.keys;
  if (t.exact === k.exact) return LEVEL.exact;
  if (t.folded === k.folded) return LEVEL.folded;
  if (q.lemmas.length > 0 && stemKeysOf(t.stem).some((key) => q.lemmas.includes(key))) return LEVEL.stemmed;
  if (q.word.prefix && k.folded !== '' && t.folded.startsWith(k.folded)) return LEVEL.prefix;
  if (k.stop) return -1;
  if (k.latin) {
    if (q.sounds && soundsLike(q, t)) return LEVEL.sound;
    if (q.acronym !== undefined && t.folded === q.acronym) return LEVEL.sound;
    if (q.soundPrefix !== undefined && startsLike(q, t)) return LEVEL.sound;
  } else if (t.latin) {
    if (soundsLike(q, t) || t.acronym === k.folded) return LEVEL.sound;
  }
  return -1;
}

/** The index words the query word matches, each with its best level. */
export function expand(q: CompiledWord, vocabulary: Vocabulary): Map<number, Level> {
  const found = new Map<number, Level>();
  const note = (ids: Iterable<number>, level: Level) => {
    for (const id of ids) {
      const known = found.get(id);
      if (known === undefined || level < known) found.set(id, level);
    }
  };
  const k = q.keys;
  const alike = (ids: readonly number[], test: (q: CompiledWord, t: StoredTerm) => boolean) =>
    ids.filter((id) => test(q, vocabulary.term(id)!));
  const folded = vocabulary.withFolded(k.folded);
  const exact = vocabulary.exactId(k.exact, k.folded);
  if (exact !== undefined) note([exact], LEVEL.exact);
  note(folded, LEVEL.folded);
  for (const lemma of q.lemmas) note(vocabulary.withStem(lemma), LEVEL.stemmed);
  if (q.word.prefix && k.folded !== '') note(vocabulary.foldedPrefix(k.folded, MAX_PREFIX_WORDS), LEVEL.prefix);
  if (k.stop) return found;
  if (k.latin) {
    if (q.sounds) for (const sound of k.sounds) note(alike(vocabulary.withSound(sound), soundsLike), LEVEL.sound);
    if (q.acronym !== undefined) note(vocabulary.withFolded(q.acronym), LEVEL.sound);
    if (q.soundPrefix !== undefined) {
      note(alike(vocabulary.soundPrefix(q.soundPrefix, MAX_PREFIX_WORDS), startsLike), LEVEL.sound);
    }
  } else {
    const latinOnly = (ids: readonly number[]) => ids.filter((id) => vocabulary.isLatin(id));
    for (const sound of k.sounds) note(alike(latinOnly(vocabulary.withSound(sound)), soundsLike), LEVEL.sound);
    note(vocabulary.withAcronym(k.folded), LEVEL.sound);
  }
  return found;
}
