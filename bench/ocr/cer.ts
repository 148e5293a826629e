// Character error rate of OCR output against the true text, defined exactly so that figures from
// different runs compare:
//  1. both texts are put in Unicode NFC;
//  2. every run of white space (spaces, tabs, line and paragraph breaks) becomes one space, and the
//     ends are trimmed: OCR cannot know where the writer broke lines, so layout is not an error;
//  3. the texts are compared as sequences of code points (a matra or a virama is one character,
//     as it is one keystroke for a typist correcting the text; ZWJ/ZWNJ count too);
//  4. CER = Levenshtein distance (insert, delete, substitute, each cost 1) / length of the truth.

export function normalizeForCer(text: string): string[] {
  return Array.from(text.normalize('NFC').replace(/\s+/gu, ' ').trim());
}

/** Edit distance over two code-point arrays, in O(min(n, m)) memory. */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) [a, b] = [b, a];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function characterErrorRate(truth: string, ocr: string): number {
  const reference = normalizeForCer(truth);
  if (reference.length === 0) throw new Error('The true text is empty; CER is undefined.');
  return levenshtein(reference, normalizeForCer(ocr)) / reference.length;
}

/**
 * Share of the true text's words that the OCR text has, as multisets, order ignored: what search
 * needs. A page whose columns OCR merged line by line has a high CER but can still score 100 % here.
 */
export function wordRecall(truth: string, ocr: string): number {
  const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const available = new Map<string, number>();
  for (const w of words(ocr)) available.set(w, (available.get(w) ?? 0) + 1);
  const wanted = words(truth);
  let found = 0;
  for (const w of wanted) {
    const n = available.get(w) ?? 0;
    if (n > 0) {
      found++;
      available.set(w, n - 1);
    }
  }
  return wanted.length === 0 ? 1 : found / wanted.length;
}
