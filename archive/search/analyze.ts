// The analysis chain: tokenize → fold → lemmas → sound key, for documents and queries alike. One
// word gets one key per level; the index stores the levels and a query word matches a document word
// at the best level they share:
//
//   0 exact       the same word (NFC, case and invisible characters aside)
//   1 folded      the same after spelling folds (nukta, anusvara, ॉ, digits …; see normalize.ts)
//   2 stemmed     forms of one word: a lemma in common (morphology.ts), long and short i/u alike
//                 in lemmas of three letters or more (पत्रकारों ~ पत्रकार ~ पत्रकारिता,
//                 दिवाली ~ दीवाली, खट्टा ~ खट्टी, पढ़ना ~ पढ़ी); a verb's lemma is marked, so
//                 मिलेगा "will meet" ≁ मिलों "mills"
//   3 prefix      a typed beginning of the word (कमिश्न → कमिश्नरेट)
//   4 sound       a Latin word's sound key or letter-name spelling ("kanpur" → कानपुर, NDA → एनडीए)
import { acronymInDevanagari } from './acronym.ts';
import { exactForm, foldVowelLength, foldWord } from './normalize.ts';
import { phoneticKeys, soundShapes, type SoundShape } from './phonetic.ts';
import { DEFAULT_MORPHOLOGY, lemmaKeys } from './morphology.ts';
import { isStopword } from './stopwords.ts';
import { tokenize } from './tokenize.ts';

export const LEVEL = { exact: 0, folded: 1, stemmed: 2, prefix: 3, sound: 4 } as const;
export type Level = (typeof LEVEL)[keyof typeof LEVEL];

/**
 * Stem first, then fold vowel length (our default), or the other way round (Lucene's order, where
 * suffixes with ी, ू can no longer match), or stem without folding vowel length at all.
 * tests/unit/archive/search/engine.eval.test.ts measures all three.
 */
export type StemOrder = 'stem-first' | 'fold-first' | 'no-length-fold';

export interface WordKeys {
  exact: string;
  folded: string;
  /**
   * Devanagari words: their lemma keys joined by spaces (morphology.ts); a stopword has only its
   * verb lemmas (गया → v:जा), which documents use and queries do not.
   */
  stem: string | undefined;
  /** Sound keys (none for stopwords and digits). */
  sounds: string[];
  latin: boolean;
  stop: boolean;
}

/** The lemma keys of a folded word joined by spaces (morphology.ts), in the given order. */
export function stemKey(folded: string, order: StemOrder = 'stem-first', stop = false): string {
  const keys =
    order === 'fold-first'
      ? lemmaKeys(foldVowelLength(folded), DEFAULT_MORPHOLOGY, stop)
      : lemmaKeys(
          folded,
          order === 'no-length-fold' ? { ...DEFAULT_MORPHOLOGY, foldLength: false } : DEFAULT_MORPHOLOGY,
          stop,
        );
  return keys.join(' ');
}

/** The keys of a stored stem string. */
export function stemKeysOf(stem: string | undefined): string[] {
  return stem === undefined || stem === '' ? [] : stem.split(' ');
}

const DEVANAGARI = /[\u0900-\u097F]/;

/** What sound keys are made of: a Devanagari word folded but for its nukta (ड़ is not ड), or the folded Latin word. */
export function soundForm(surface: string): string {
  const folded = foldWord(surface);
  return DEVANAGARI.test(folded) ? foldWord(surface, { keepNukta: true }) : folded;
}

/** A word's sound keys with the vowels inside it, to tell राम from रूम (phonetic.ts). */
export function shapesOf(surface: string): SoundShape[] {
  return soundShapes(soundForm(surface));
}

/** The keys of one word of a document or a query. */
export function wordKeys(surface: string, order: StemOrder = 'stem-first'): WordKeys {
  const exact = exactForm(surface);
  const folded = foldWord(surface);
  const stop = isStopword(folded);
  const devanagari = DEVANAGARI.test(folded);
  const latin = /^[a-z]+$/.test(folded);
  return {
    exact,
    folded,
    stem: devanagari ? stemKey(folded, order, stop) || undefined : undefined,
    sounds: stop ? [] : phoneticKeys(soundForm(surface)),
    latin,
    stop,
  };
}

/** What a Latin query word may also stand for in Devanagari: its acronym spelling (NDA → एनडीए). */
export function latinAlternatives(folded: string): string[] {
  const acronym = /^[a-z]+$/.test(folded) ? acronymInDevanagari(folded) : undefined;
  return acronym === undefined ? [] : [foldWord(acronym)];
}

/** The folded words of a text (the basic terms; kept for simple callers). */
export function analyze(text: string): string[] {
  return tokenize(text)
    .map((t) => foldWord(t.text))
    .filter((w) => w !== '');
}
