// The analysis chain: tokenize → fold → stem → sound key, for documents and queries alike. One
// word gets one key per level; the index stores the levels and a query word matches a document word
// at the best level they share:
//
//   0 exact       the same word (NFC, case and invisible characters aside)
//   1 folded      the same after spelling folds (nukta, anusvara, ॉ, digits …; see normalize.ts)
//   2 stemmed     the same stem, long and short i/u alike (पत्रकारों ~ पत्रकार ~ पत्रकारिता)
//   3 prefix      a typed beginning of the word (कमिश्न → कमिश्नरेट)
//   4 sound       a Latin word's sound key or letter-name spelling ("kanpur" → कानपुर, NDA → एनडीए)
import { acronymInDevanagari } from './acronym.ts';
import { exactForm, foldVowelLength, foldWord } from './normalize.ts';
import { phoneticKeys } from './phonetic.ts';
import { stemHindi } from './stem.ts';
import { isStopword } from './stopwords.ts';
import { tokenize } from './tokenize.ts';

export const LEVEL = { exact: 0, folded: 1, stemmed: 2, prefix: 3, sound: 4 } as const;
export type Level = (typeof LEVEL)[keyof typeof LEVEL];

/**
 * Stem first, then fold vowel length (our default), or the other way round (Lucene's order, where
 * suffixes with ी, ू can no longer match), or stem without folding vowel length at all.
 * tests/unit/search-eval.test.ts measures all three.
 */
export type StemOrder = 'stem-first' | 'fold-first' | 'no-length-fold';

export interface WordKeys {
  exact: string;
  folded: string;
  /** Devanagari words that are not stopwords: the stem with long and short i/u folded. */
  stem: string | undefined;
  /** Sound keys (none for stopwords and digits). */
  sounds: string[];
  latin: boolean;
  stop: boolean;
}

export function stemKey(folded: string, order: StemOrder = 'stem-first'): string {
  if (order === 'no-length-fold') return stemHindi(folded);
  return order === 'stem-first' ? foldVowelLength(stemHindi(folded)) : stemHindi(foldVowelLength(folded));
}

const DEVANAGARI = /[\u0900-\u097F]/;

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
    stem: devanagari && !stop ? stemKey(folded, order) : undefined,
    sounds: stop ? [] : phoneticKeys(devanagari ? foldWord(surface, { keepNukta: true }) : folded),
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
