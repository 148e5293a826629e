// Folding of one word so that common spelling variants meet in the index. This is the basic
// layer; the Hindi-grade analysis (stemming, vowel length, transliteration) builds on it.
const ZERO_WIDTH_JOINERS = /[\u200C\u200D]/g;
const NUKTA = /\u093C/g;
const CHANDRABINDU = /\u0901/g;
const ANUSVARA = '\u0902';
const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;

/** Devanagari digits (०-९) as ASCII digits, so १९४७ and 1947 are the same word. */
export function asciiDigits(word: string): string {
  return word.replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
}

export function normalizeWord(word: string): string {
  const decomposed = word.normalize('NFD').replace(NUKTA, '');
  return asciiDigits(decomposed.normalize('NFC').toLowerCase())
    .replace(ZERO_WIDTH_JOINERS, '')
    .replace(CHANDRABINDU, ANUSVARA);
}
