// Folding of one word so that spelling variants meet. Each step is a small pure function; the
// levels of the index (exact, folded, stemmed, transliterated) are built from them in analyze.ts.
//
//   exactForm:  NFC, lower case, invisible characters removed: what the user sees as "the same word".
//   foldWord:   + nukta, chandrabindu, nasal + virama → anusvara (all five nasals), chandra and
//               loanword vowels, medial visarga, ये/यी → ए/ई after a vowel, Devanagari digits,
//               Latin accents.
//   foldVowelLength: long → short i and u (Lucene's HindiNormalizer), used only on stems.

const INVISIBLE = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
const NUKTA = /\u093C/g;
const COMBINING_LATIN = /[\u0300-\u036F]/g;
const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;
const VIRAMA = '\u094D';
const ANUSVARA = '\u0902';

/** Devanagari digits (०-९) as ASCII digits, so १९४७ and 1947 are the same word. */
export function asciiDigits(word: string): string {
  return word.replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** NFC, lower case, soft hyphens and zero-width characters (ZWJ, ZWNJ) removed. */
export function exactForm(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(INVISIBLE, '');
}

/** क़ → क, ड़ → ड, ऩ → न …: NFD splits the nukta letters into letter + nukta (NFC never recomposes them). */
export function removeNukta(word: string): string {
  return word.includes('\u093C') || /[\u0929\u0931\u0934\u0958-\u095F]/.test(word)
    ? word.normalize('NFD').replace(NUKTA, '').normalize('NFC')
    : word;
}

/** é → e, ü → u: accents of Latin words (Devanagari marks are kept). */
export function removeLatinAccents(word: string): string {
  return /[\u00C0-\u024F]/.test(word) ? word.normalize('NFD').replace(COMBINING_LATIN, '').normalize('NFC') : word;
}

const NASALS = new Set(['\u0919', '\u091E', '\u0923', '\u0928', '\u092E']); // ङ ञ ण न म

function isConsonant(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095f);
}

/**
 * A nasal consonant with virama before another consonant is written either way: सम्पादक / संपादक,
 * हिन्दी / हिंदी, ठण्डा / ठंडा, पङ्क्ति / पंक्ति. Both become the anusvara form.
 */
export function nasalToAnusvara(word: string): string {
  if (!word.includes(VIRAMA)) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (NASALS.has(ch) && word[i + 1] === VIRAMA && isConsonant(word[i + 2])) {
      out += ANUSVARA;
      i += 1; // skip the virama
    } else out += ch;
  }
  return out;
}

/** ँ → ं (आँख / आंख). */
export function chandrabinduToAnusvara(word: string): string {
  return word.replace(/\u0901/g, ANUSVARA);
}

// Loanword vowels: डॉक्टर / डाक्टर, कॉलेज / कालेज, ऑफिस / आफिस; the rare short e/o of other scripts.
const LOANWORD_VOWELS: Record<string, string> = {
  '\u0949': '\u093E', // ॉ → ा
  '\u0911': '\u0906', // ऑ → आ
  '\u0945': '\u0947', // ॅ → े
  '\u090D': '\u090F', // ऍ → ए
  '\u0946': '\u0947', // ॆ → े
  '\u090E': '\u090F', // ऎ → ए
  '\u094A': '\u094B', // ॊ → ो
  '\u0912': '\u0913', // ऒ → ओ
  '\u0972': '\u0905', // ॲ → अ
};
const LOANWORD_VOWEL = /\u0949|\u0911|\u0945|\u090D|\u0946|\u090E|\u094A|\u0912|\u0972/g;

export function foldLoanwordVowels(word: string): string {
  return word.replace(LOANWORD_VOWEL, (v) => LOANWORD_VOWELS[v]!);
}

/** दुःख / दुख: a visarga inside a word (before a consonant) is often left out. */
export function dropMedialVisarga(word: string): string {
  return word.replace(/\u0903(?=[\u0915-\u0939])/g, '');
}

/**
 * गये / गए, लिये / लिए, रुपये / रुपए, नयी / नई: after a vowel (a consonant's inherent a, or a
 * vowel sign) at the end of a word, य + े / ी is the older spelling of the vowel ए / ई; so it is
 * before the future's गा, गी, गे (जायेगा / जाएगा, आयेंगे / आएंगे).
 */
export function foldYaVowels(word: string): string {
  return word.replace(
    /([\u093E-\u094C\u0904-\u0939])\u092F(\u0947|\u0940)(\u0902?)(?=$|ग[ाीे]\u0902?$)/,
    (_all, before: string, sign: string, nasal: string) => before + (sign === '\u0947' ? '\u090F' : '\u0908') + nasal,
  );
}

/**
 * Every spelling fold of the "folded" level, in order. `keepNukta` is for the phonetic key, which
 * tells ड़ (romanized r) from ड.
 */
export function foldWord(word: string, options: { keepNukta?: boolean } = {}): string {
  let w = exactForm(word);
  if (!/[\u0900-\u097F]/.test(w)) return asciiDigits(removeLatinAccents(w));
  if (!options.keepNukta) w = removeNukta(w);
  w = chandrabinduToAnusvara(w);
  w = nasalToAnusvara(w);
  w = foldLoanwordVowels(w);
  w = dropMedialVisarga(w);
  w = foldYaVowels(w);
  return asciiDigits(w);
}

/** Long ī, ū (dependent and independent) → short, as Lucene's HindiNormalizer does. */
export function foldVowelLength(word: string): string {
  return word.replace(/[\u0940\u0942\u0908\u090A]/g, (v) =>
    v === '\u0940' ? '\u093F' : v === '\u0942' ? '\u0941' : v === '\u0908' ? '\u0907' : '\u0909',
  );
}
