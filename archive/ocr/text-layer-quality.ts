// Is a PDF page's text layer real Hindi text, or garbage that must be OCR'd instead? Many Hindi
// e-paper PDFs are set in legacy 8-bit fonts (Kruti Dev, Chanakya, Shree-Lipi …) whose glyphs sit
// on Latin code points, so their "text" reads `dkuiqj esa iqfyl` for कानपुर में पुलिस; others carry
// Unicode put together in visual order (ि before its consonant) or with glyph codes that map to
// nothing. The checks here look only at the text, so they are cheap and need no font.

export type TextLayerVerdict =
  | { use: true; reason: 'devanagari' | 'latin' }
  | {
      use: false;
      reason: 'no-text' | 'unmapped-glyphs' | 'foreign-characters' | 'legacy-font-codes' | 'broken-devanagari';
    };

export interface TextLayerFigures {
  /** Letters of any script (Devanagari consonants and vowels, Latin letters, others). */
  letters: number;
  devanagari: number;
  latin: number;
  /**
   * Glyphs the PDF maps to no character (U+0000, U+FFFD, private use): Chromium's PDFs, for one,
   * map the alternate glyphs of ि, reph and half letters to U+0000.
   */
  unmapped: number;
  /** Other characters no Hindi or English text has: Latin-1 letters of legacy fonts, controls … */
  foreign: number;
  /** Devanagari marks that cannot stand where they are (see devanagariFaults). */
  devanagariFaults: number;
  /** Latin words with symbols or digits inside them, as legacy-font codes have (`izns'k`, `o"kZ`). */
  codedWords: number;
  latinWords: number;
  /** Latin words that are common English function words. */
  englishWords: number;
}

const DEVANAGARI_LETTER = /[\u0904-\u0939\u093D\u0950\u0958-\u0961\u0972-\u097F]/u;
const DEVANAGARI_MARK = /[\u0900-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963]/u;
const CONSONANT = /[\u0915-\u0939\u0958-\u095F\u0978-\u097F]/u;
// Signs that may follow a vowel sign or an independent vowel: nasalisation, visarga, Vedic accents.
const AFTER_VOWEL = /[\u0900-\u0903\u0951-\u0954]/u;
const VOWEL_SIGN = /[\u093A\u093B\u093E-\u094C\u094E\u094F\u0955-\u0957\u0962\u0963]/u;
const VIRAMA = '\u094D';
const NUKTA = '\u093C';
const ZW = /[\u200C\u200D]/u;
// Everything a clean Hindi or English page may hold besides letters and marks.
const ORDINARY = /[\s\p{N}\p{P}\p{S}\u0964\u0965\u0970\u00A0\u00AD]|\u200C|\u200D/u;

const isUnmapped = (ch: string) => ch === '\u0000' || ch === '\uFFFD' || /[\uE000-\uF8FF]/u.test(ch);

const ENGLISH = new Set(
  'the of and to in is was for on that with as by at from be are it this an or has have not were said will its which he she they but'.split(
    ' ',
  ),
);

/**
 * Marks that no well-formed Devanagari has: a vowel sign, virama or nukta at the start of a word
 * or after a space; a vowel sign after another vowel sign; a nukta after anything but a consonant;
 * a virama followed by a vowel sign or another virama. Word-final virama (जगत्) is allowed.
 */
export function devanagariFaults(text: string): number {
  let faults = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!DEVANAGARI_MARK.test(ch)) continue;
    let j = i - 1;
    while (j >= 0 && ZW.test(chars[j]!)) j--;
    const before = j >= 0 ? chars[j]! : ' ';
    if (ch === NUKTA) {
      if (!CONSONANT.test(before)) faults++;
    } else if (ch === VIRAMA) {
      if (!CONSONANT.test(before) && before !== NUKTA) faults++;
      else if (i + 1 < chars.length && (VOWEL_SIGN.test(chars[i + 1]!) || chars[i + 1] === VIRAMA)) faults++;
    } else if (VOWEL_SIGN.test(ch)) {
      if (!(CONSONANT.test(before) || before === NUKTA)) faults++;
    } else if (AFTER_VOWEL.test(ch)) {
      const ok =
        CONSONANT.test(before) ||
        before === NUKTA ||
        VOWEL_SIGN.test(before) ||
        DEVANAGARI_LETTER.test(before) ||
        AFTER_VOWEL.test(before);
      if (!ok) faults++;
    }
  }
  return faults;
}

export function textLayerFigures(text: string): TextLayerFigures {
  const figures: TextLayerFigures = {
    letters: 0,
    devanagari: 0,
    latin: 0,
    unmapped: 0,
    foreign: 0,
    devanagariFaults: devanagariFaults(text),
    codedWords: 0,
    latinWords: 0,
    englishWords: 0,
  };
  for (const ch of text) {
    if (DEVANAGARI_LETTER.test(ch)) {
      figures.devanagari++;
      figures.letters++;
    } else if (/[A-Za-z]/.test(ch)) {
      figures.latin++;
      figures.letters++;
    } else if (isUnmapped(ch)) {
      figures.unmapped++;
    } else if (DEVANAGARI_MARK.test(ch) || ORDINARY.test(ch)) {
      // part of Devanagari words, or spacing, digits and punctuation
    } else {
      figures.foreign++;
      if (/\p{L}/u.test(ch)) figures.letters++;
    }
  }
  // Latin "words": runs without spaces that contain a Latin letter. Legacy-font codes put ' " ; [ ]
  // ~ ^ & and digits inside them, and capitals after small letters (`o"kZ`, `izns'k`, `fd;k`).
  for (const word of text.split(/\s+/u)) {
    if (!/[A-Za-z]/.test(word)) continue;
    figures.latinWords++;
    const core = word.replace(/^[("'“‘[]+|[)"'”’\].,:;!?]+$/gu, '');
    if (ENGLISH.has(core.toLowerCase())) figures.englishWords++;
    else if (/[A-Za-z][^A-Za-z\s-]+[A-Za-z]|[a-z][A-Z]|[;\]~^&|\\`{}@]/u.test(core)) figures.codedWords++;
  }
  return figures;
}

/** Below this many letters a page has no text layer worth using (a scan, or page furniture only). */
export const MIN_LETTERS = 20;

export function judgeTextLayer(text: string): { verdict: TextLayerVerdict; figures: TextLayerFigures } {
  const f = textLayerFigures(text.normalize('NFC'));
  const verdict = ((): TextLayerVerdict => {
    if (f.letters < MIN_LETTERS) return { use: false, reason: 'no-text' };
    if (f.unmapped > 0.01 * f.letters) return { use: false, reason: 'unmapped-glyphs' };
    if (f.foreign > 0.02 * f.letters) return { use: false, reason: 'foreign-characters' };
    if (f.latin > f.devanagari) {
      // Mostly Latin: English, or Hindi in a legacy font. English has function words and few
      // symbols inside words; legacy codes have the opposite.
      const english = f.englishWords >= 0.08 * f.latinWords && f.codedWords <= 0.05 * f.latinWords;
      return english ? { use: true, reason: 'latin' } : { use: false, reason: 'legacy-font-codes' };
    }
    if (f.devanagariFaults > 0.01 * f.devanagari) return { use: false, reason: 'broken-devanagari' };
    // A Hindi page with a headline or a box in a legacy font: its coded words give it away.
    if (f.codedWords > 0.1 * f.latinWords && f.codedWords >= 3) return { use: false, reason: 'legacy-font-codes' };
    return { use: true, reason: 'devanagari' };
  })();
  return { verdict, figures: f };
}
