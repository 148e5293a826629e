// A light Hindi stemmer after Ramanathan & Rao, "A Lightweight Stemmer for Hindi" (the suffix list
// Lucene's HindiStemmer uses), plus a few derivational endings common in news (पत्रकारिता,
// राष्ट्रीय). The longest matching suffix is removed, as long as a stem of at least two letters
// remains (so नेता never becomes the postposition ने, nor था → थ).
//
// One change, measured on tests/search-eval: an ending that starts with an i or u vowel leaves that
// vowel (short) on the stem — नदी, नदियों → नदि; हिंदू, हिंदुओं → हिंदु — so हिंदू and हिंदी
// (→ हिंदि) stay apart, as do the i- and u-nouns of any pair.
//
// It runs on folded words (anusvara instead of chandrabindu, so the ँ variants of the paper's
// list are not needed) and BEFORE vowel-length folding: the suffixes ी, ू, ीं, ूंगा … are matchable
// only while long and short vowels still differ (tests/search-eval measures both orders).

const SUFFIXES: readonly string[] = [
  // 5
  'ाएंगी',
  'ाएंगे',
  'ाऊंगी',
  'ाऊंगा',
  'ाइयां',
  'ाइयों',
  // 4
  'ाएगी',
  'ाएगा',
  'ाओगी',
  'ाओगे',
  'एंगी',
  'ेंगी',
  'एंगे',
  'ेंगे',
  'ूंगी',
  'ूंगा',
  'ातीं',
  'नाओं',
  'नाएं',
  'ताओं',
  'ताएं',
  'ियां',
  'ियों',
  // 3
  'ाकर',
  'ाइए',
  'ाईं',
  'ाया',
  'ेगी',
  'ेगा',
  'ोगी',
  'ोगे',
  'ाने',
  'ाना',
  'ाते',
  'ाती',
  'ाता',
  'तीं',
  'ाओं',
  'ाएं',
  'ुओं',
  'ुएं',
  'ुआं',
  'िता', // पत्रकारिता → पत्रकार (added)
  // 2
  'कर',
  'ाओ',
  'िए',
  'ाई',
  'ाए',
  'ने',
  'नी',
  'ना',
  'ते',
  'ीं',
  'ती',
  'ता',
  'ां',
  'ों',
  'ें',
  'ीय', // भारतीय → भारत (added)
  // 1
  'ो',
  'े',
  'ू',
  'ु',
  'ी',
  'ि',
  'ा',
];

// Longest first, whatever the order above.
const BY_LENGTH = [...SUFFIXES].sort((a, b) => b.length - a.length);

const LETTER = /[\u0904-\u0939\u0958-\u0961\u0972-\u097F]/g;

/** Letters (consonants and independent vowels) of a Devanagari string: marks do not count. */
export function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

export const MIN_STEM_LETTERS = 2;

// Endings whose vowel stays on the stem as its short form.
const I_ENDINGS = new Set(['ियां', 'ियों', 'ी', 'ि']);
const U_ENDINGS = new Set(['ुओं', 'ुएं', 'ुआं', 'ू', 'ु']);

/** The ending the stemmer removes from one folded Devanagari word ('' for none). */
export function inflection(word: string, suffixes: readonly string[] = BY_LENGTH): string {
  if (!/[\u0900-\u097F]/.test(word)) return '';
  for (const suffix of suffixes) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (letterCount(stem) < MIN_STEM_LETTERS || stem.endsWith('\u094D')) continue;
      return suffix;
    }
  }
  return '';
}

/** The stem of one folded Devanagari word; other words are returned as they are. */
export function stemHindi(word: string, suffixes: readonly string[] = BY_LENGTH): string {
  const suffix = inflection(word, suffixes);
  if (suffix === '') return word;
  const stem = word.slice(0, -suffix.length);
  if (I_ENDINGS.has(suffix)) return stem + 'ि';
  if (U_ENDINGS.has(suffix)) return stem + 'ु';
  return stem;
}

// Endings that belong to one part of speech only: the future of a verb (मिलेगा, करेंगे, करूंगी)
// and the plural of a noun (मिलों, नदियों, नेताओं, बेटियां). The others are shared (ें, ाएं:
// सड़कें "roads" and मिलें "may meet"; ता, ती, ते: नेता and करता) or derive one from the other.
const VERB_ENDINGS = new Set(SUFFIXES.filter((s) => /(गा|गी|गे)$/.test(s)));
const NOUN_ENDINGS = new Set(SUFFIXES.filter((s) => /(ों|ओं|यां)$/.test(s)));

export type WordClass = 'verb' | 'noun' | undefined;

/** The part of speech a folded Devanagari word's ending shows, if it shows one. */
export function wordClass(word: string): WordClass {
  const suffix = inflection(word);
  return VERB_ENDINGS.has(suffix) ? 'verb' : NOUN_ENDINGS.has(suffix) ? 'noun' : undefined;
}

/**
 * Whether two words of the same stem may be forms of one word: not a verb form and a noun form,
 * which share a stem only when a noun and a verb are spelled alike (मिल mill, मिलना to meet).
 */
export function sameWordClass(a: WordClass, b: WordClass): boolean {
  return a === undefined || b === undefined || a === b;
}
