// The language of a piece of archive text for its lang attribute, so a screen reader reads Hindi
// with a Hindi voice in the English UI (and English names with an English one in the Hindi UI).
const DEVANAGARI = /[\u0900-\u097F]/u;
const LATIN = /[A-Za-z]/;

/** 'hi' for text with Devanagari, 'en' for Latin letters only, undefined for digits and signs. */
export function langOf(text: string): 'hi' | 'en' | undefined {
  if (DEVANAGARI.test(text)) return 'hi';
  return LATIN.test(text) ? 'en' : undefined;
}
